import type { Tx } from '../../db/client.ts';
import { abilitiesFor } from '../../platform/access/policy.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { countryName } from '../geography/countries.ts';
import * as repo from './repository.ts';
import type { CampaignStage } from './schema.ts';
import { stageColour, stageLabel, typeLabel } from './stages.ts';

/** A campaign's stages with their label in the reader's language, order and map colour. */
export function stagesFor(stages: CampaignStage[], locale: string) {
  return stages.map((s, index) => ({
    code: s.code,
    label: s.label,
    labels: s.labels ?? {},
    localLabel: stageLabel(s, s.code, locale),
    position: index,
    colour: stageColour(index, stages.length),
  }));
}

export type PresentedStage = ReturnType<typeof stagesFor>[number];

/** Filters of the tracker views and exports: a stage code and an ISO country code. */
export interface TrackerFilter {
  stage?: string;
  country?: string;
}

/** Each country's standing with its latest change, and every change (the timeline), filtered alike. */
export async function trackerOf(tx: Tx, row: repo.CampaignRow, locale: string, filter: TrackerFilter = {}) {
  const stages = stagesFor(row.stages, locale);
  const byCode = new Map(stages.map((s) => [s.code, s]));
  const label = (code: string | null) => (code ? (byCode.get(code)?.localLabel ?? code) : null);
  const allChanges = (await repo.changesOf(tx, row.id)).map((c) => ({
    id: c.id,
    country: c.countryCode,
    countryName: countryName(c.countryCode, locale),
    fromStage: c.fromStage,
    fromStageLabel: label(c.fromStage),
    stage: c.stage,
    stageLabel: label(c.stage)!,
    date: c.changedOn,
    sourceUrl: c.sourceUrl,
    note: c.note,
    demonstration: c.demonstration,
    correction: c.correction,
    recordedAt: c.createdAt.toISOString(),
  }));
  const latestEntry = new Map<string, (typeof allChanges)[number]>();
  for (const c of [...allChanges].sort((a, b) => a.recordedAt.localeCompare(b.recordedAt)))
    latestEntry.set(c.country, c);
  const countries = (await repo.countriesOf(tx, row.id))
    .map((c) => {
      const latest = latestEntry.get(c.countryCode);
      return {
        country: c.countryCode,
        countryName: countryName(c.countryCode, locale),
        stage: c.stage,
        stageLabel: label(c.stage)!,
        stagePosition: byCode.get(c.stage)?.position ?? 0,
        colour: byCode.get(c.stage)?.colour ?? stageColour(0, stages.length),
        since: c.stageSince,
        sourceUrl: latest?.sourceUrl ?? null,
        note: latest?.note ?? '',
        demonstration: c.demonstration,
        version: c.version,
      };
    })
    .sort((a, b) => a.countryName.localeCompare(b.countryName, locale));
  const keep = (c: { country: string }) => !filter.country || c.country === filter.country;
  const shown = countries.filter((c) => keep(c) && (!filter.stage || c.stage === filter.stage));
  const shownCountries = new Set(shown.map((c) => c.country));
  return {
    stages: stages.map((s) => ({ ...s, count: countries.filter((c) => c.stage === s.code).length })),
    countries: shown,
    timeline: allChanges.filter((c) => shownCountries.has(c.country)).reverse(),
    hasDemonstration: countries.some((c) => c.demonstration) || allChanges.some((c) => c.demonstration),
  };
}

/** A campaign as the API shows it: labels in the reader's language first, its trackers, abilities. */
export async function presentCampaign(ctx: Ctx, row: repo.CampaignRow, options: { detail?: boolean } = {}) {
  const db = ctx.database.db;
  const organisation = await repo.findOrganisation(db, row.organisationId);
  const programme = row.programmeId ? await repo.findProgramme(db, row.programmeId) : undefined;
  const statement = row.statementId ? await repo.findStatement(db, row.statementId) : undefined;
  const endorsements = await repo.endorsementsOf(db, row.id);
  const tracker = options.detail ? await trackerOf(db, row, ctx.locale) : undefined;
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    names: row.names,
    localName: row.names[ctx.locale] || row.name,
    goal: row.goal,
    goals: row.goals,
    localGoal: row.goals[ctx.locale] || row.goal,
    typeCode: row.typeCode,
    typeLabel: typeLabel(row.typeCode, ctx.locale),
    status: row.status,
    organisationId: row.organisationId,
    organisationName: organisation?.name ?? null,
    programmeId: row.programmeId,
    programmeName: programme?.name ?? null,
    statementId: row.statementId,
    statementTitle: statement?.title ?? null,
    statementIsPublic: statement?.isPublic ?? false,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    stages: tracker?.stages ?? stagesFor(row.stages, ctx.locale),
    countryCodes: (await repo.countriesOf(db, row.id)).map((c) => c.countryCode),
    endorsementCount: endorsements.length,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    abilities: abilitiesFor(ctx.actor, 'campaign', row),
    ...(tracker ? { countries: tracker.countries, timeline: tracker.timeline } : {}),
  };
}
