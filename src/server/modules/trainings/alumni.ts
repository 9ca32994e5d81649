import { authorize } from '../../platform/access/policy.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { toCsv } from '../../platform/http/csv.ts';
import { countryName } from '../geography/countries.ts';
import './policy.ts';
import * as repo from './repository.ts';
import { scopeOf } from './service.ts';

export interface AlumniQuery {
  country?: string;
  organisation?: string;
  year?: number;
  sex?: string;
  limit: number;
}

/** Graduates of the courses the actor organises, filtered by country, organisation, year and sex. */
export async function listAlumni(ctx: Ctx, q: AlumniQuery) {
  authorize(ctx.actor, 'graduates', 'training');
  const scope = scopeOf(ctx);
  const rows = await repo.alumni(ctx.database.db, {
    ...q,
    organisationIds: scope ? [scope] : undefined,
  });
  return {
    data: rows.map((r) => ({
      ...r,
      countryName: r.countryCode ? countryName(r.countryCode, ctx.locale) : null,
    })),
  };
}

/** The same list as CSV: the export follows the filters, and rows carry the cohort's address. */
export async function exportAlumni(ctx: Ctx, q: AlumniQuery) {
  const { data } = await listAlumni(ctx, { ...q, limit: 50_000 });
  return toCsv(
    [
      'name',
      'sex',
      'country',
      'organisation',
      'year',
      'course',
      'cohort',
      'completed_on',
      'certificate',
      'url',
    ],
    data.map((r) => [
      r.name,
      r.sex,
      r.countryCode,
      r.organisationName,
      r.year,
      r.courseTitle,
      r.eventTitle,
      r.completedOn,
      r.certificateNumber,
      `${ctx.config.publicUrl}/trainings/cohorts/${r.eventId}`,
    ]),
  );
}

/** Reach totals: people trained per year, per country and per sex (counts only, every course). */
export async function reachTotals(ctx: Ctx) {
  authorize(ctx.actor, 'reach', 'training');
  const tx = ctx.database.db;
  const [years, countries, sexes] = await Promise.all([
    repo.trainedBy(tx, 'year'),
    repo.trainedBy(tx, 'country'),
    repo.trainedBy(tx, 'sex'),
  ]);
  return {
    data: {
      byYear: years.map((r) => ({ year: Number(r.key), value: r.value })),
      byCountry: countries.map((r) => ({
        countryCode: r.key || null,
        countryName: r.key ? countryName(r.key, ctx.locale) : null,
        value: r.value,
      })),
      bySex: sexes.map((r) => ({ sex: r.key, value: r.value })),
      total: years.reduce((s, r) => s + r.value, 0),
    },
  };
}

/** The programme indicator source `trained`: graduates per year of the programme's courses. */
export async function trainedByYear(ctx: Ctx, programmeId: string) {
  const rows = await repo.trainedBy(ctx.database.db, 'year', programmeId);
  return rows.map((r) => ({ year: Number(r.key), value: r.value }));
}
