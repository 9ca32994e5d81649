import type { Ctx } from '../../platform/http/context.ts';
import { toCsv } from '../../platform/http/csv.ts';
import { searchAll } from './repository.ts';
import { filterOf, labeller, recordUrl, type SearchParams } from './service.ts';

/** Exports are capped: a bigger set is a database dump, not a search result. */
export const EXPORT_CAP = 10_000;

/** Every record of a search exactly as filtered, with its public URL and labelled facets. */
export async function exportRows(ctx: Ctx, params: SearchParams) {
  const filter = filterOf(ctx, params);
  const rows = await searchAll(ctx.database.db, filter, EXPORT_CAP);
  const labels = await labeller(ctx.database.db, ctx.locale);
  const list = (facet: Parameters<typeof labels.label>[0], values: unknown) =>
    ((values as string[]) ?? []).map((v) => labels.label(facet, v));
  return rows.map((r) => ({
    kind: r.kind as string,
    id: r.record_id as string,
    url: recordUrl(ctx.config.publicUrl, r.kind as string, r.record_id as string),
    title: r.title as string,
    type: labels.label('type', r.type_code as string),
    year: (r.year as number | null) ?? null,
    regions: list('region', r.regions),
    countries: r.countries as string[],
    groupings: list('grouping', r.groupings),
    themes: list('theme', r.themes),
    principles: list('principle', r.principles),
    organisationTypes: list('orgType', r.org_types),
    languages: r.languages as string[],
    public: r.is_public as boolean,
  }));
}

export async function exportCsv(ctx: Ctx, params: SearchParams): Promise<string> {
  const rows = await exportRows(ctx, params);
  const header = [
    'kind',
    'id',
    'url',
    'title',
    'type',
    'year',
    'regions',
    'countries',
    'groupings',
    'themes',
    'principles',
    'organisation_types',
    'languages',
    'public',
  ];
  return toCsv(
    header,
    rows.map((r) => [
      r.kind,
      r.id,
      r.url,
      r.title,
      r.type,
      r.year,
      r.regions.join('; '),
      r.countries.join('; '),
      r.groupings.join('; '),
      r.themes.join('; '),
      r.principles.join('; '),
      r.organisationTypes.join('; '),
      r.languages.join('; '),
      r.public,
    ]),
  );
}
