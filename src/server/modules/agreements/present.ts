import { directionOf } from '../../../shared/locales.ts';
import { isUser } from '../../platform/access/actor.ts';
import { abilitiesFor } from '../../platform/access/policy.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { translate } from '../../platform/i18n/translate.ts';
import { countryName } from '../geography/countries.ts';
import { findGrouping } from '../geography/service.ts';
import { labelOf, termsOf } from '../vocabularies/service.ts';
import { STATUS_LABELS, TYPE_LABELS } from './labels.ts';
import * as repo from './repository.ts';
import { corridorFigures } from './statistics.ts';

/** "Philippines → Saudi Arabia"; the arrow points the way the line reads, so right-to-left gets "←". */
const corridorLabel = (code: string, locale: string) => {
  const [o = '', d = ''] = code.split('-');
  return `${countryName(o, locale)} ${directionOf(locale) === 'rtl' ? '←' : '→'} ${countryName(d, locale)}`;
};

export async function provisionLabels(ctx: Ctx) {
  return new Map(
    (await termsOf(ctx.database.db, 'agreement_provision', ctx.locale, true)).map((t) => [t.code, t.label]),
  );
}

async function partiesOf(ctx: Ctx, row: repo.AgreementRow) {
  const groupings = [];
  for (const code of row.partyGroupings) {
    const g = await findGrouping(ctx.database.db, code);
    groupings.push({
      kind: 'grouping' as const,
      code,
      label: g ? labelOf(g.labels, ctx.locale, code) : code,
    });
  }
  return [
    ...row.partyCountries.map((code) => ({
      kind: 'country' as const,
      code,
      label: countryName(code, ctx.locale),
    })),
    ...groupings,
  ];
}

/** A line of the list: facts with labels in the reader's language. */
export async function presentListRow(ctx: Ctx, row: repo.AgreementRow, labels?: Map<string, string>) {
  const provisions = labels ?? (await provisionLabels(ctx));
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    localTitle: row.titles[ctx.locale] || row.title,
    typeCode: row.typeCode,
    typeLabel: translate(ctx.locale, TYPE_LABELS[row.typeCode]),
    status: row.status,
    statusLabel: translate(ctx.locale, STATUS_LABELS[row.status]),
    parties: await partiesOf(ctx, row),
    signedOn: row.signedOn,
    inForceOn: row.inForceOn,
    expiresOn: row.expiresOn,
    provisions: row.provisions.map((p) => ({ ...p, label: provisions.get(p.code) ?? p.code })),
    corridors: row.corridors.map((code) => ({ code, label: corridorLabel(code, ctx.locale) })),
    published: row.published,
    demonstration: row.demonstration,
    version: row.version,
  };
}

/**
 * The whole agreement: its facts, its text (library publications; the public sees public ones
 * only), the monitoring entries with their publications, and the protected case statistics of its
 * corridors.
 */
export async function presentAgreement(ctx: Ctx, row: repo.AgreementRow) {
  const db = ctx.database.db;
  const signedIn = isUser(ctx.actor);
  const entries = await repo.monitoringOf(db, row.id);
  const allIds = [...new Set([...row.documentIds, ...entries.flatMap((e) => e.publicationIds)])];
  const pubs = new Map(
    (await repo.publicationsByIds(db, allIds))
      .filter((p) => signedIn || p.isPublic)
      .map((p) => [p.id, { id: p.id, title: p.title, isPublic: p.isPublic }]),
  );
  const pick = (ids: string[]) => ids.flatMap((id) => (pubs.has(id) ? [pubs.get(id)!] : []));
  return {
    ...(await presentListRow(ctx, row)),
    titles: row.titles,
    summary: row.summary,
    partyCountries: row.partyCountries,
    partyGroupings: row.partyGroupings,
    // The public does not learn the ids of private publications.
    documentIds: signedIn ? row.documentIds : pick(row.documentIds).map((p) => p.id),
    documents: pick(row.documentIds),
    monitoring: entries.map((e) => ({
      id: e.id,
      observedOn: e.observedOn,
      finding: e.finding,
      sources: e.sources,
      publicationIds: signedIn ? e.publicationIds : pick(e.publicationIds).map((p) => p.id),
      publications: pick(e.publicationIds),
      version: e.version,
    })),
    statistics: await corridorFigures(ctx.database, row.corridors),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    abilities: abilitiesFor(ctx.actor, 'agreement', row),
  };
}

export type PresentedAgreement = Awaited<ReturnType<typeof presentAgreement>>;
export type PresentedRow = Awaited<ReturnType<typeof presentListRow>>;
