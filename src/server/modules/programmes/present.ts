import { abilitiesFor } from '../../platform/access/policy.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { countryName } from '../geography/countries.ts';
import { labelOf, termsOf } from '../vocabularies/service.ts';
import { linkedWorkOf } from './linked-work.ts';
import { corridorCases, reachOf } from './reach.ts';
import * as repo from './repository.ts';

type Coded = { code: string; label: string };

async function labelsFor(ctx: Ctx, key: string, codes: string[]): Promise<Coded[]> {
  const terms = new Map(
    (await termsOf(ctx.database.db, key, ctx.locale, true)).map((t) => [t.code, t.label]),
  );
  return codes.map((code) => ({ code, label: terms.get(code) ?? code }));
}

/** The fields a list row and a page share: names in the reader's language, status, period. */
export function programmeSummary(ctx: Ctx, row: repo.ProgrammeRow) {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    localName: labelOf(row.names, ctx.locale, row.name),
    localSummary: (row.summaries[ctx.locale] || row.summary) ?? null,
    status: row.status,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    countries: row.countries.map((code) => ({ code, label: countryName(code, ctx.locale) })),
    demonstration: row.demonstration,
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** Rows of a list, each with the organisations that run it. */
export async function presentList(ctx: Ctx, rows: repo.ProgrammeRow[]) {
  const orgs = await repo.organisationsOf(
    ctx.database.db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({
    ...programmeSummary(ctx, row),
    runningOrganisations: orgs
      .filter((o) => o.programmeId === row.id && o.role === 'runs')
      .map((o) => ({ id: o.organisationId, name: o.name, acronym: o.acronym })),
  }));
}

/**
 * A programme as its page shows it. `publicView`: the public page, where people appear only with
 * their consent to be listed, unpublished directory organisations by name without a link, and
 * only public linked work; case statistics go only to those their policy lets read them.
 */
export async function presentProgramme(ctx: Ctx, row: repo.ProgrammeRow, options: { publicView: boolean }) {
  const db = ctx.database.db;
  const orgs = await repo.organisationsOf(db, [row.id]);
  const byRole = (role: string) =>
    orgs
      .filter((o) => o.role === role)
      .map((o) => ({ id: o.organisationId, name: o.name, acronym: o.acronym, published: o.published }));
  const people = (await repo.peopleOf(db, row.id)).filter((p) => !options.publicView || p.publicConsent);
  const indicators = await repo.indicatorsOf(db, row.id);
  const running = byRole('runs');
  return {
    ...programmeSummary(ctx, row),
    names: row.names,
    summary: row.summary,
    summaries: row.summaries,
    themes: await labelsFor(ctx, 'programme_theme', row.themes),
    targetGroups: await labelsFor(ctx, 'programme_target_group', row.targetGroups),
    runningOrganisations: running,
    partnerOrganisations: byRole('partner'),
    secretariatOrganisations: byRole('secretariat'),
    people: people.map((p) => ({
      personId: p.personId,
      name: p.name,
      role: p.role,
      countryCode: p.countryCode,
      countryName: p.countryCode ? countryName(p.countryCode, ctx.locale) : null,
      label: p.label,
      startDate: p.startDate,
      endDate: p.endDate,
    })),
    indicators: await Promise.all(
      indicators.map(async (i) => {
        // The public page shows what the public may see, whoever opens it.
        const reach =
          options.publicView && i.source !== 'manual'
            ? { values: [], withheld: true }
            : await reachOf(ctx, row, i);
        return {
          label: i.label,
          labels: i.labels,
          localLabel: labelOf(i.labels, ctx.locale, i.label),
          source: i.source,
          // `entered` is what was typed (an edit sends it back unchanged); `values` what is shown.
          entered: i.values,
          values: reach.values,
          withheld: reach.withheld,
        };
      }),
    ),
    linkedWork: await linkedWorkOf(ctx, row.id, { publicOnly: options.publicView }),
    corridorCases: options.publicView ? null : ((await corridorCases(ctx, row.countries)) ?? null),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    abilities: abilitiesFor(ctx.actor, 'programme', {
      status: row.status,
      runningOrganisationIds: running.map((o) => o.id),
    }),
  };
}
