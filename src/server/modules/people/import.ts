import { and, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { problems } from '../../platform/http/problem.ts';
import type { ImportKind } from '../directory/import-kind.ts';
import { parseRows } from '../directory/import-rows.ts';
import { PERSON_SYNONYMS, PERSON_TARGETS, type PersonValues, readPersonCell } from './import-rows.ts';
import { insertPeople, type PersonInsert, updatePeopleIfVersion } from './repository.ts';
import { people } from './schema.ts';

// People as an import reads, matches and writes them; the pipeline itself is the directory's.

const existingColumns = {
  id: people.id,
  name: people.name,
  sortName: people.sortName,
  honorificPrefix: people.honorificPrefix,
  summary: people.summary,
  countryCode: people.countryCode,
  languages: people.languages,
  email: people.email,
  phone: people.phone,
  contactDetails: people.contactDetails,
  publicConsent: people.publicConsent,
  consentRecordedAt: people.consentRecordedAt,
  externalId: people.externalId,
  version: people.version,
};
export type ExistingPerson = Awaited<ReturnType<typeof findWhere>>[number];

const PART = 5000;
async function findWhere(tx: Tx, values: string[], where: (part: string[]) => ReturnType<typeof and>) {
  const out = [];
  for (let i = 0; i < values.length; i += PART) {
    const part = values.slice(i, i + PART);
    out.push(
      ...(await tx
        .select(existingColumns)
        .from(people)
        .where(and(where(part), isNull(people.mergedIntoId)))),
    );
  }
  return out;
}

/** The whole record to write: what the file says, and for the rest what the person had. */
function fullValues(v: PersonValues, base?: ExistingPerson): PersonInsert {
  const keep = <K extends keyof PersonValues & keyof ExistingPerson>(k: K, empty: ExistingPerson[K]) =>
    (v[k] === undefined ? (base?.[k] ?? empty) : v[k]) as ExistingPerson[K];
  const consent = keep('publicConsent', false);
  return {
    name: keep('name', ''),
    sortName: keep('sortName', null),
    honorificPrefix: keep('honorificPrefix', null),
    summary: keep('summary', null),
    countryCode: keep('countryCode', null),
    languages: keep('languages', []),
    email: keep('email', null),
    phone: keep('phone', null),
    // Contact details have no column in the file: an import never touches them.
    contactDetails: base?.contactDetails ?? [],
    publicConsent: consent,
    // Consent is recorded with its time, as when it is given on the form; withdrawing it clears the time.
    consentRecordedAt: consent ? (base?.publicConsent ? base.consentRecordedAt : new Date()) : null,
    externalId: keep('externalId', null),
  };
}

export const personImport: ImportKind<PersonValues, ExistingPerson> = {
  entity: 'people',
  resource: 'person',
  noun: 'person',
  targets: PERSON_TARGETS,
  synonyms: PERSON_SYNONYMS,
  languageNames: false,
  parse: async (_db, table, mapping) => parseRows(table, mapping, readPersonCell, 200),
  findByExternalIds: (tx, ids) => findWhere(tx, ids, (part) => inArray(people.externalId, part)),
  findByIds: (tx, ids) => findWhere(tx, ids, (part) => inArray(people.id, part)),
  findByNames: (tx, names) => findWhere(tx, names, (part) => sql`lower(${people.name}) in ${part}`),
  async write(tx, plan, _policy, tick) {
    // In batches, like the organisation import: a statement per thousand people, not per person.
    await insertPeople(
      tx,
      plan.creates.map((values) => fullValues(values)),
      tick,
    );
    const updates = plan.updates.map(({ values, base }) => ({
      ...fullValues(values, base),
      id: base.id,
      version: base.version,
    }));
    if (!(await updatePeopleIfVersion(tx, updates, tick))) throw problems.versionConflict();
  },
};
