import type { Tx } from '../../db/client.ts';
import { abilitiesFor, authorize } from '../../platform/access/policy.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { problems } from '../../platform/http/problem.ts';
import type { Labels } from '../vocabularies/schema.ts';
import { allCountries, countryName, isCountryCode } from './countries.ts';
import { BUILT_IN_GROUPINGS, builtInGrouping, type Grouping } from './groupings.ts';
import './policy.ts';
import * as repo from './repository.ts';

// The shared geography service: countries, ILO regions, groupings and a network's own regions.

function fromRow(r: repo.RegionRow): Grouping {
  return {
    code: r.code,
    kind: 'network_region',
    labels: r.labels,
    countries: r.countries,
    builtIn: false,
    id: r.id,
    version: r.version,
  };
}

/** Every grouping: the five ILO regions, the inter-governmental groupings, then the network's regions. */
export async function allGroupings(tx: Tx): Promise<Grouping[]> {
  return [...BUILT_IN_GROUPINGS, ...(await repo.listRegions(tx)).map(fromRow)];
}

export async function findGrouping(tx: Tx, code: string): Promise<Grouping | undefined> {
  const builtIn = builtInGrouping(code);
  if (builtIn) return builtIn;
  const row = await repo.findRegionByCode(tx, code);
  return row ? fromRow(row) : undefined;
}

/** The member countries of a region or grouping (alpha-2), or undefined when the code is unknown. */
export async function countriesIn(tx: Tx, code: string): Promise<string[] | undefined> {
  return (await findGrouping(tx, code))?.countries;
}

/** The groupings a country belongs to. */
export async function groupingsOf(tx: Tx, alpha2: string): Promise<Grouping[]> {
  return (await allGroupings(tx)).filter((g) => g.countries.includes(alpha2));
}

/** Every country, named and ordered by its name in `locale` (a list by code reads as random). */
export function listCountries(locale: string) {
  const collator = new Intl.Collator(locale);
  return allCountries()
    .map((c) => ({
      alpha2: c.alpha2,
      alpha3: c.alpha3,
      m49: c.m49,
      name: countryName(c.alpha2, locale),
      names: c.names,
    }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

function present(ctx: Ctx, g: Grouping) {
  return {
    ...g,
    label: g.labels[ctx.locale] || g.labels.en || g.code,
    abilities: abilitiesFor(ctx.actor, 'geoRegion', g),
  };
}

export async function listGroupings(ctx: Ctx, kind?: string) {
  const all = await allGroupings(ctx.database.db);
  return all.filter((g) => !kind || g.kind === kind).map((g) => present(ctx, g));
}

export async function getGrouping(ctx: Ctx, code: string) {
  const g = await findGrouping(ctx.database.db, code);
  if (!g) throw problems.notFound('grouping');
  return present(ctx, g);
}

function checkCountries(countries: string[]) {
  const unknown = countries.filter((c) => !isCountryCode(c));
  if (unknown.length) {
    throw problems.validation([
      {
        field: 'body.countries',
        code: 'unknown_country',
        message: `Unknown country codes: ${unknown.join(', ')}`,
      },
    ]);
  }
  return [...new Set(countries)].sort();
}

export async function createRegion(ctx: Ctx, input: { code: string; labels: Labels; countries: string[] }) {
  authorize(ctx.actor, 'create', 'geoRegion');
  ctx.note({ action: 'geography.region.create', resourceType: 'geo_region', resourceId: input.code });
  if (builtInGrouping(input.code))
    throw problems.conflict('region_exists', 'A region or grouping with this code already exists.');
  const row = await repo.insertRegion(ctx.database.db, {
    ...input,
    countries: checkCountries(input.countries),
  });
  if (!row) throw problems.conflict('region_exists', 'A region or grouping with this code already exists.');
  return present(ctx, fromRow(row));
}

export async function updateRegion(
  ctx: Ctx,
  id: string,
  input: { labels?: Labels; countries?: string[]; version: number },
) {
  const row = await repo.findRegion(ctx.database.db, id);
  if (!row) throw problems.notFound('region');
  authorize(ctx.actor, 'update', 'geoRegion', fromRow(row));
  ctx.note({ action: 'geography.region.update', resourceType: 'geo_region', resourceId: id });
  const updated = await repo.updateRegionIfVersion(ctx.database.db, id, input.version, {
    ...(input.labels ? { labels: input.labels } : {}),
    ...(input.countries ? { countries: checkCountries(input.countries) } : {}),
  });
  if (!updated) throw problems.versionConflict();
  return present(ctx, fromRow(updated));
}

export async function deleteRegion(ctx: Ctx, id: string, version: number) {
  const row = await repo.findRegion(ctx.database.db, id);
  if (!row) throw problems.notFound('region');
  authorize(ctx.actor, 'delete', 'geoRegion', fromRow(row));
  ctx.note({ action: 'geography.region.delete', resourceType: 'geo_region', resourceId: id });
  if (!(await repo.deleteRegionIfVersion(ctx.database.db, id, version))) throw problems.versionConflict();
}
