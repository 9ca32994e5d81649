import type { Tx } from '../../db/client.ts';
import { abilitiesFor } from '../../platform/access/policy.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { countryName } from '../geography/countries.ts';
import { BUILT_IN_GROUPINGS } from '../geography/groupings.ts';
import { indexRecord, removeFromIndex } from '../search/service.ts';
import { labelOf, termsOf } from '../vocabularies/service.ts';
import { htmlToText } from './html.ts';
import * as repo from './repository.ts';

type Coded = { code: string; label: string };

async function labelsFor(tx: Tx, key: string, locale: string, codes: string[]): Promise<Coded[]> {
  const terms = new Map((await termsOf(tx, key, locale, true)).map((t) => [t.code, t.label]));
  return codes.map((code) => ({ code, label: terms.get(code) ?? code }));
}

const regionLabel = (code: string, locale: string) => {
  const g = BUILT_IN_GROUPINGS.find((x) => x.code === code);
  return g ? labelOf(g.labels, locale, code) : code;
};

/** A practice as the API and the public pages show it: codes with labels, the reader's language first, abilities. */
export async function presentPractice(ctx: Ctx, row: repo.PracticeRow, options: { history?: boolean } = {}) {
  const db = ctx.database.db;
  const responsible = await repo.responsibleOf(db, row.id);
  const orgTypes = await labelsFor(
    db,
    'practice_organisation_type',
    ctx.locale,
    responsible.map((r) => r.typeCode),
  );
  const events = options.history ? await repo.eventsOf(db, row.id) : undefined;
  return {
    id: row.id,
    title: row.title,
    titles: row.titles,
    localTitle: row.titles[ctx.locale] || row.title,
    description: row.description,
    descriptions: row.descriptions,
    localDescription: row.descriptions[ctx.locale] || row.description,
    status: row.status,
    organisationId: row.organisationId,
    responsible: responsible.map((r, i) => ({ ...r, type: orgTypes[i]! })),
    regions: row.regions.map((code) => ({ code, label: regionLabel(code, ctx.locale) })),
    countries: row.countries.map((code) => ({ code, label: countryName(code, ctx.locale) })),
    themes: await labelsFor(db, 'thematic_area', ctx.locale, row.themes),
    mlflm: await labelsFor(db, 'mlflm', ctx.locale, row.mlflm),
    documentIds: row.documentIds,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    sources: row.sources,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    abilities: abilitiesFor(ctx.actor, 'practice', row),
    ...(events
      ? {
          history: events.map((e) => ({
            id: e.id,
            action: e.action,
            fromStatus: e.fromStatus,
            toStatus: e.toStatus,
            comment: e.comment,
            actorName: e.actorName,
            at: e.createdAt.toISOString(),
          })),
        }
      : {}),
  };
}

/** Keeps the search entry in step with the record: published practices are in it, others are not. */
export async function syncPracticeIndex(tx: Tx, row: repo.PracticeRow): Promise<void> {
  if (row.status !== 'published') {
    await removeFromIndex(tx, 'practice', row.id);
    return;
  }
  const responsible = await repo.responsibleOf(tx, row.id);
  const translations = [...Object.values(row.titles), ...Object.values(row.descriptions).map(htmlToText)];
  const year = Number((row.periodStart ?? '').slice(0, 4)) || row.publishedAt?.getUTCFullYear() || null;
  await indexRecord(tx, {
    kind: 'practice',
    recordId: row.id,
    isPublic: true,
    title: row.title,
    summary: htmlToText(row.description),
    body: [
      ...responsible.flatMap((r) => [r.name, r.acronym ?? '']),
      ...translations,
      ...row.sources.map((s) => s.title),
    ].join('\n'),
    typeCode: 'good_practice',
    regions: row.regions,
    countries: row.countries,
    themes: row.themes,
    mlflm: row.mlflm,
    orgTypes: responsible.map((r) => r.typeCode),
    languages: ['en', ...Object.keys(row.titles)],
    year,
  });
}
