import type { Tx } from '../../db/client.ts';
import { type FieldError, problems } from '../../platform/http/problem.ts';
import { isCountryCode } from '../geography/countries.ts';
import { termsOf } from '../vocabularies/service.ts';
import type { ProgrammeCreate } from './inputs.ts';
import * as repo from './repository.ts';

/** The first and last day a partial date (YYYY, YYYY-MM, YYYY-MM-DD) can mean, as YYYY-MM-DD. */
export function earliest(d: string): string {
  return d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d;
}
export function latest(d: string): string {
  if (d.length === 10) return d;
  if (d.length === 4) return `${d}-12-31`;
  const [y, m] = d.split('-').map(Number);
  const last = new Date(Date.UTC(y!, m!, 0)).getUTCDate();
  return `${d}-${String(last).padStart(2, '0')}`;
}

/** The whole record after an edit: what the request sends over what is stored. */
export type ProgrammeState = Partial<ProgrammeCreate>;

/**
 * Checks every code against its vocabulary, every id against the directory, and every date against
 * the programme's period; one 400 with all the field errors, before anything is written.
 */
export async function checkProgramme(tx: Tx, s: ProgrammeState) {
  const errors: FieldError[] = [];
  const fail = (field: string, code: string, message: string) =>
    errors.push({ field: `body.${field}`, code, message });
  const unknown = (field: string, values: string[]) =>
    values.length > 0 && fail(field, 'unknown_code', `Unknown: ${values.slice(0, 10).join(', ')}`);

  const themes = new Set((await termsOf(tx, 'programme_theme')).map((t) => t.code));
  unknown(
    'themes',
    (s.themes ?? []).filter((t) => !themes.has(t)),
  );
  const groups = new Set((await termsOf(tx, 'programme_target_group')).map((t) => t.code));
  unknown(
    'targetGroups',
    (s.targetGroups ?? []).filter((t) => !groups.has(t)),
  );
  unknown(
    'countries',
    (s.countries ?? []).filter((c) => !isCountryCode(c)),
  );

  const orgIds = [
    ...(s.runningOrganisationIds ?? []),
    ...(s.partnerOrganisationIds ?? []),
    ...(s.secretariatOrganisationIds ?? []),
  ];
  const orgs = await repo.existingOrganisationIds(tx, [...new Set(orgIds)]);
  for (const field of [
    'runningOrganisationIds',
    'partnerOrganisationIds',
    'secretariatOrganisationIds',
  ] as const)
    unknown(
      field,
      (s[field] ?? []).filter((id) => !orgs.has(id)),
    );

  const start = s.periodStart ? earliest(s.periodStart) : undefined;
  const end = s.periodEnd ? latest(s.periodEnd) : undefined;
  if (start && end && start > end) fail('periodEnd', 'period_order', 'The period ends before it starts');
  const outside = (d: string) => (start && latest(d) < start) || (end && earliest(d) > end);

  const people = s.people ?? [];
  const found = await repo.existingPersonIds(tx, [...new Set(people.map((p) => p.personId))]);
  const covered = new Set(s.countries ?? []);
  people.forEach((p, i) => {
    if (!found.has(p.personId)) fail(`people.${i}.personId`, 'unknown_code', `Unknown: ${p.personId}`);
    if (p.role === 'area_coordinator' && !p.countryCode)
      fail(`people.${i}.countryCode`, 'required', 'An area coordinator coordinates one country');
    if (p.countryCode && !covered.has(p.countryCode))
      fail(`people.${i}.countryCode`, 'country_not_covered', 'The programme does not cover this country');
    if (p.startDate && p.endDate && earliest(p.startDate) > latest(p.endDate))
      fail(`people.${i}.endDate`, 'period_order', 'The role ends before it starts');
    for (const key of ['startDate', 'endDate'] as const) {
      const d = p[key];
      if (d && outside(d)) fail(`people.${i}.${key}`, 'outside_period', "Outside the programme's period");
    }
  });

  (s.indicators ?? []).forEach((indicator, i) => {
    const years = (indicator.values ?? []).map((v) => v.year);
    if (new Set(years).size !== years.length)
      fail(`indicators.${i}.values`, 'duplicate_year', 'One figure per year');
    if (indicator.source !== 'manual' && years.length)
      fail(`indicators.${i}.values`, 'computed_indicator', 'A computed indicator takes no figures by hand');
    for (const year of years)
      if (outside(String(year)))
        fail(`indicators.${i}.values`, 'outside_period', `${year} is outside the programme's period`);
  });

  if (errors.length) throw problems.validation(errors);
}

/** A slug from a name: ASCII letters and digits, dashes between words. */
export function slugFrom(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 70)
    .replace(/-+$/g, '');
  return s.length >= 2 ? s : `programme-${Math.random().toString(36).slice(2, 8)}`;
}
