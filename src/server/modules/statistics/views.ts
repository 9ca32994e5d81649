import { isUser } from '../../platform/access/actor.ts';
import { can } from '../../platform/access/policy.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { problems } from '../../platform/http/problem.ts';
import { caseStatistics } from '../cases/statistics-service.ts';
import { countryByCode, countryName, parseCorridor } from '../geography/countries.ts';
import { findGrouping } from '../geography/service.ts';
import * as views from './repository-views.ts';

export type Area =
  | { kind: 'country'; code: string; name: string }
  | { kind: 'grouping'; code: string; name: string; members: string[] };

/** A country (ISO alpha-2, any case) or a grouping code; anything else is 404. */
export async function resolveArea(ctx: Ctx, code: string): Promise<Area> {
  const upper = code.toUpperCase();
  if (/^[A-Za-z]{2}$/.test(code) && countryByCode(upper))
    return { kind: 'country', code: upper, name: countryName(upper, ctx.locale) };
  const grouping = /^[a-z0-9][a-z0-9_-]{0,62}$/.test(code)
    ? await findGrouping(ctx.database.db, code)
    : undefined;
  if (!grouping) throw problems.notFound('area');
  return {
    kind: 'grouping',
    code: grouping.code,
    name: grouping.labels[ctx.locale] ?? grouping.labels.en ?? grouping.code,
    members: grouping.countries,
  };
}

const publishedOnly = (ctx: Ctx) => !isUser(ctx.actor);

/** Case counts of the corridors touching `country` (or one corridor), from the protected statistics. */
async function corridorCases(ctx: Ctx, match: (corridor: string) => boolean) {
  if (!can(ctx.actor, 'read', 'caseStatistics')) return undefined;
  const result = await caseStatistics(ctx, ['corridor']);
  // The case statistics write a corridor PH>SA; everywhere else Tulay writes PH-SA.
  const rows = result.data
    .filter((r) => r.corridor)
    .map((r) => ({ corridor: r.corridor!.replace('>', '-'), cases: r.cases }));
  return { roundedTo: result.roundedTo, rows: rows.filter((r) => match(r.corridor)) };
}

export function labelOf(labels: Record<string, string>, locale: string, fallback: string) {
  return labels[locale] || labels.en || fallback;
}

/** Everything a country or grouping profile shows. */
export async function areaProfile(ctx: Ctx, code: string) {
  const area = await resolveArea(ctx, code);
  const db = ctx.database.db;
  const own = await views.areaFigures(db, area.code, publishedOnly(ctx));
  if (area.kind === 'grouping') {
    const totals = await views.memberTotals(db, area.members, publishedOnly(ctx));
    return { area, own, totals, origins: [], destinations: [], cases: undefined };
  }
  // One after the other: the embedded engine has one connection, and the case statistics run in a
  // transaction of their own.
  const origins = await views.topCounterparts(db, area.code, 'origins', publishedOnly(ctx));
  const destinations = await views.topCounterparts(db, area.code, 'destinations', publishedOnly(ctx));
  const cases = await corridorCases(ctx, (c) => c.split('-').includes(area.code));
  return { area, own, totals: [], origins, destinations, cases };
}

export async function corridorView(ctx: Ctx, text: string) {
  const corridor = parseCorridor(text);
  if (!corridor) throw problems.notFound('corridor');
  const figures = await views.corridorFigures(
    ctx.database.db,
    corridor.origin,
    corridor.destination,
    publishedOnly(ctx),
  );
  const code = `${corridor.origin}-${corridor.destination}`;
  const cases = await corridorCases(ctx, (c) => c === code);
  return {
    corridor,
    code,
    origin: countryName(corridor.origin, ctx.locale),
    destination: countryName(corridor.destination, ctx.locale),
    figures,
    cases,
  };
}

export async function statisticsIndex(ctx: Ctx) {
  return views.areasWithFigures(ctx.database.db, publishedOnly(ctx));
}
