import type { Tx } from '../../db/client.ts';
import * as vocabularyRepo from '../vocabularies/repository.ts';
import { termsOf } from '../vocabularies/service.ts';
import type { ImportKind } from './import-kind.ts';
import * as repo from './import-repository.ts';
import { parseRows } from './import-rows.ts';
import {
  ORGANISATION_SYNONYMS,
  ORGANISATION_TARGETS,
  type OrganisationValues,
  organisationCellReader,
} from './organisation-rows.ts';
import type { OrganisationInsert } from './repository.ts';

/** The whole record to write: what the file says, and for the rest what the organisation had. */
function fullValues(v: OrganisationValues, base?: repo.ExistingOrganisation): OrganisationInsert {
  const keep = <K extends keyof OrganisationValues & keyof OrganisationInsert>(
    k: K,
    empty: OrganisationInsert[K],
  ) =>
    (v[k] === undefined
      ? (base?.[k as keyof repo.ExistingOrganisation] ?? empty)
      : v[k]) as OrganisationInsert[K];
  return {
    name: keep('name', ''),
    names: keep('names', {}),
    acronym: keep('acronym', null),
    typeCode: keep('typeCode', null),
    countryCode: keep('countryCode', null),
    countries: keep('countries', []),
    corridors: keep('corridors', []),
    foundedYear: keep('foundedYear', null),
    website: keep('website', null),
    description: keep('description', null),
    contactPoints: keep('contactPoints', []),
    published: keep('published', false),
    externalId: keep('externalId', null),
  };
}

/** Terms the file uses that the vocabulary lacks, added when the importer asked for that. */
async function addNewTypes(tx: Tx, newTypes: { code: string; label: string }[]) {
  const known = new Set((await vocabularyRepo.listTerms(tx, 'organisation_type')).map((t) => t.code));
  for (const t of newTypes.filter((x) => !known.has(x.code))) {
    await vocabularyRepo.insertTerm(tx, {
      vocabularyKey: 'organisation_type',
      code: t.code,
      position: 1000,
      labels: { en: t.label },
    });
  }
}

export const organisationImport: ImportKind<OrganisationValues, repo.ExistingOrganisation> = {
  entity: 'organisations',
  resource: 'organisation',
  noun: 'organisation',
  targets: ORGANISATION_TARGETS,
  synonyms: ORGANISATION_SYNONYMS,
  languageNames: true,
  async parse(db, table, mapping, policy) {
    const types = await termsOf(db, 'organisation_type', 'en', true);
    return parseRows(table, mapping, organisationCellReader(types, policy));
  },
  findByExternalIds: repo.findByExternalIds,
  findByIds: repo.findByIds,
  findByNames: repo.findByNames,
  async write(tx, plan, policy, tick) {
    if (plan.newTypes.length && policy === 'create') await addNewTypes(tx, plan.newTypes);
    await repo.insertMany(
      tx,
      plan.creates.map((v) => fullValues(v)),
      tick,
    );
    await repo.updateMany(
      tx,
      plan.updates.map((u) => ({ id: u.base.id, ...fullValues(u.values, u.base) })),
      tick,
    );
  },
};
