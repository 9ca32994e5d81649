import type { Tx } from '../../db/client.ts';
import { abilitiesFor } from '../../platform/access/policy.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { countryName } from '../geography/countries.ts';
import { defaultPracticeOrgType } from '../practices/validate.ts';
import { indexRecord } from '../search/service.ts';
import { termsOf } from '../vocabularies/service.ts';
import * as repo from './repository.ts';

/** A publication with labelled codes, authors by name, its files (every version) and abilities. */
export async function presentPublication(ctx: Ctx, row: repo.PublicationRow) {
  const db = ctx.database.db;
  const [orgs, persons, files, types, themes] = await Promise.all([
    repo.organisationsByIds(db, row.authorOrganisationIds),
    repo.peopleByIds(db, row.authorPersonIds),
    repo.filesOf(db, row.id),
    termsOf(db, 'publication_type', ctx.locale, true),
    termsOf(db, 'thematic_area', ctx.locale, true),
  ]);
  const typeLabel = types.find((t) => t.code === row.typeCode)?.label ?? row.typeCode;
  const themeLabels = new Map(themes.map((t) => [t.code, t.label]));
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  const personById = new Map(persons.map((p) => [p.id, p]));
  return {
    id: row.id,
    type: { code: row.typeCode, label: typeLabel },
    title: row.title,
    titles: row.titles,
    localTitle: row.titles[ctx.locale] || row.title,
    abstract: row.abstract,
    abstracts: row.abstracts,
    localAbstract: row.abstracts[ctx.locale] || row.abstract,
    authors: [
      ...row.authorOrganisationIds.map((id) => ({
        kind: 'organisation' as const,
        id,
        name: orgById.get(id)?.name ?? '',
      })),
      ...row.authorPersonIds.map((id) => ({
        kind: 'person' as const,
        id,
        name: personById.get(id)?.name ?? '',
      })),
    ],
    authorOrganisationIds: row.authorOrganisationIds,
    authorPersonIds: row.authorPersonIds,
    publishedOn: row.publishedOn,
    languages: row.languages,
    countries: row.countries.map((code) => ({ code, label: countryName(code, ctx.locale) })),
    themes: row.themes.map((code) => ({ code, label: themeLabels.get(code) ?? code })),
    programmeId: row.programmeId,
    isPublic: row.isPublic,
    files: files.map((f) => ({
      ...f,
      createdAt: f.createdAt.toISOString(),
      downloadUrl: `/api/v1/files/${f.id}/download`,
      previewUrl: `/api/v1/files/${f.id}/preview`,
    })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    abilities: abilitiesFor(ctx.actor, 'publication', row),
  };
}

/** Writes the publication's search entry: metadata, translations, author names and the text of its latest files. */
export async function syncPublicationIndex(tx: Tx, row: repo.PublicationRow): Promise<void> {
  const [orgs, persons, texts] = await Promise.all([
    repo.organisationsByIds(tx, row.authorOrganisationIds),
    repo.peopleByIds(tx, row.authorPersonIds),
    repo.latestTexts(tx, row.id),
  ]);
  await indexRecord(tx, {
    kind: 'publication',
    recordId: row.id,
    isPublic: row.isPublic,
    title: row.title,
    summary: row.abstract,
    body: [
      ...orgs.flatMap((o) => [o.name, o.acronym ?? '']),
      ...persons.map((p) => p.name),
      ...Object.values(row.titles),
      ...Object.values(row.abstracts),
      ...texts,
    ].join('\n'),
    typeCode: row.typeCode,
    regions: [],
    countries: row.countries,
    themes: row.themes,
    orgTypes: orgs.map((o) => defaultPracticeOrgType(o.typeCode)),
    languages: row.languages,
    year: Number((row.publishedOn ?? '').slice(0, 4)) || null,
  });
}
