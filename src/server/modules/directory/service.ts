import type { Tx } from '../../db/client.ts';
import { authorize, can } from '../../platform/access/policy.ts';
import { searchAudit } from '../../platform/audit/repository.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { type FieldError, problems } from '../../platform/http/problem.ts';
import { isCountryCode as isKnownCountry, parseCorridor } from '../geography/countries.ts';
import { peopleOfOrganisation } from '../people/repository.ts';
import { type Term, termsOf } from '../vocabularies/service.ts';
import { organisationsCsv, organisationsXlsx, popoloMembership, popoloOrganization } from './export.ts';
import { decodeListCursor, encodeCursor, resolveOrganisationFilter, sortOf } from './filters.ts';
import type { OrganisationInput, OrganisationListQuery } from './inputs.ts';
import './policy.ts';
import { labeller, presentMembership, presentOrganisation } from './present.ts';
import * as repo from './repository.ts';

/** Exports stop here: a list larger than this is refused rather than truncated silently. */
export const EXPORT_MAX = 100_000;
/** Lists count their matches up to this many; beyond it they say "more than 1,000". */
const COUNT_CAP = 1_000;

export async function vocabularyLabels(tx: Tx, locale: string) {
  const [types, roles] = await Promise.all([
    termsOf(tx, 'organisation_type', locale, true),
    termsOf(tx, 'membership_role', locale, true),
  ]);
  return { types, roles, typeLabel: labeller(types), roleLabel: labeller(roles) };
}

export type ListResult =
  | { kind: 'json'; body: unknown }
  | { kind: 'file'; contentType: string; fileName: string; body: string | Buffer };

/** The directory list, or the very same rows exported as CSV, XLSX or Popolo JSON. */
export async function listOrganisations(
  ctx: Ctx,
  query: OrganisationListQuery,
  format: 'json' | 'csv' | 'xlsx' | 'popolo',
): Promise<ListResult> {
  authorize(ctx.actor, format === 'json' ? 'list' : 'export', 'organisation');
  const db = ctx.database.db;
  const filter = await resolveOrganisationFilter(db, query);
  const sort = sortOf(query);
  const { typeLabel, roleLabel } = await vocabularyLabels(db, ctx.locale);
  if (format === 'json') {
    // The total is counted with the first page and then carried by the cursor (filters.ts).
    const { offset, total: carried } = decodeListCursor(query.cursor, COUNT_CAP + 1);
    const window = { sort, offset, limit: query.limit + 1 };
    const rows =
      carried === undefined
        ? await repo.listOrganisationsCounted(db, filter, window, COUNT_CAP)
        : await repo.listOrganisations(db, filter, window);
    const page = rows.slice(0, query.limit);
    const counted = rows[0] && 'total' in rows[0] ? Number(rows[0].total) : undefined;
    // An empty page past the end of an older cursor without a total: count as before.
    const n = carried ?? counted ?? (offset === 0 ? 0 : await repo.countOrganisations(db, filter, COUNT_CAP));
    return {
      kind: 'json',
      body: {
        data: page.map((r) => presentOrganisation(ctx, r, typeLabel)),
        nextCursor: rows.length > query.limit ? encodeCursor(offset + query.limit, n) : null,
        total: Math.min(n, COUNT_CAP),
        totalIsLowerBound: n > COUNT_CAP,
      },
    };
  }
  ctx.note({
    action: 'organisation.export',
    resourceType: 'organisation',
    details: { format, query: { ...query, format: undefined } },
  });
  const rows = await repo.listOrganisations(db, filter, { sort, offset: 0, limit: EXPORT_MAX + 1 });
  if (rows.length > EXPORT_MAX) {
    throw problems.conflict(
      'export_too_large',
      'This list is too long to export. Narrow the filters.',
      `At most ${EXPORT_MAX} rows.`,
    );
  }
  const orgs = rows.map((r) => presentOrganisation(ctx, r, typeLabel));
  const stamp = new Date().toISOString().slice(0, 10);
  if (format === 'csv')
    return {
      kind: 'file',
      contentType: 'text/csv; charset=utf-8',
      fileName: `organisations-${stamp}.csv`,
      body: organisationsCsv(orgs),
    };
  if (format === 'xlsx') {
    return {
      kind: 'file',
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      fileName: `organisations-${stamp}.xlsx`,
      body: await organisationsXlsx(orgs),
    };
  }
  const ids = new Set(orgs.map((o) => o.id));
  const memberships = (await repo.membershipsOfOrganisations(db, [...ids])).filter(
    (m) => ids.has(m.parentId) && (m.organisationId === null || ids.has(m.organisationId)),
  );
  const body = JSON.stringify({
    organizations: orgs.map(popoloOrganization),
    memberships: memberships.filter((m) => m.organisationId).map((m) => popoloMembership(m, roleLabel)),
  });
  return {
    kind: 'file',
    contentType: 'application/json; charset=utf-8',
    fileName: `organisations-${stamp}.popolo.json`,
    body,
  };
}

/** Counts per country for the map, with the same filters as the list. */
export async function organisationMap(
  ctx: Ctx,
  query: Partial<OrganisationListQuery>,
  publishedOnly: boolean,
) {
  const filter = await resolveOrganisationFilter(
    ctx.database.db,
    query,
    publishedOnly ? { published: true } : {},
  );
  return repo.countByCountry(ctx.database.db, filter);
}

async function loadOrganisation(ctx: Ctx, id: string) {
  const row = await repo.findOrganisation(ctx.database.db, id);
  if (!row) throw problems.notFound('organisation');
  return row;
}

/** A profile: the organisation, its memberships both ways, its people and (for staff) its history. */
export async function getOrganisation(ctx: Ctx, id: string) {
  const row = await loadOrganisation(ctx, id);
  authorize(ctx.actor, 'read', 'organisation', row);
  const db = ctx.database.db;
  const { typeLabel, roleLabel } = await vocabularyLabels(db, ctx.locale);
  const around = await repo.membershipsAround(db, id);
  const present = (m: (typeof around)[number]) => presentMembership(ctx.actor, m, roleLabel, ctx.locale);
  const history = can(ctx.actor, 'merge', 'organisation')
    ? (await searchAudit(db, { resourceType: 'organisation', resourceId: id, limit: 50 })).map((e) => ({
        at: e.at.toISOString(),
        action: e.action,
        actorEmail: e.actorEmail,
        outcome: e.outcome,
      }))
    : [];
  return {
    ...presentOrganisation(ctx, row, typeLabel),
    memberOf: around.filter((m) => m.organisationId === id).map(present),
    members: around.filter((m) => m.parentId === id && m.organisationId !== null).map(present),
    people: around.filter((m) => m.parentId === id && m.personId !== null).map(present),
    peopleCount: (await peopleOfOrganisation(db, id)).length,
    history,
  };
}

/** Checks codes against the vocabularies and countries; a retired term is kept only if the record already had it. */
export function checkTerms(
  input: { typeCode?: string | null },
  types: Term[],
  previousType?: string | null,
): FieldError[] {
  const errors: FieldError[] = [];
  if (input.typeCode) {
    const term = types.find((t) => t.code === input.typeCode);
    if (!term)
      errors.push({
        field: 'body.typeCode',
        code: 'unknown_term',
        message: `Unknown organisation type "${input.typeCode}"`,
      });
    else if (term.retired && term.code !== previousType) {
      errors.push({
        field: 'body.typeCode',
        code: 'retired_term',
        message: `The type "${input.typeCode}" is retired`,
      });
    }
  }
  return errors;
}

function checkCountries(input: OrganisationInput): FieldError[] {
  const errors: FieldError[] = [];
  const bad = (c: string) => !isKnownCountry(c);
  if (input.countryCode && bad(input.countryCode))
    errors.push({ field: 'body.countryCode', code: 'unknown_country', message: 'Unknown country' });
  for (const c of input.countries ?? [])
    if (bad(c))
      errors.push({ field: 'body.countries', code: 'unknown_country', message: `Unknown country ${c}` });
  for (const c of input.corridors ?? []) {
    if (!parseCorridor(c))
      errors.push({ field: 'body.corridors', code: 'invalid_corridor', message: `Invalid corridor ${c}` });
  }
  return errors;
}

function normalised(input: OrganisationInput): repo.OrganisationInsert {
  return {
    name: input.name,
    names: input.names ?? {},
    acronym: input.acronym ?? null,
    typeCode: input.typeCode ?? null,
    countryCode: input.countryCode ?? null,
    countries: [...new Set(input.countries ?? [])].sort(),
    corridors: [...new Set(input.corridors ?? [])].sort(),
    foundedYear: input.foundedYear ?? null,
    website: input.website ?? null,
    description: input.description ?? null,
    contactPoints: input.contactPoints ?? [],
    published: input.published ?? false,
    externalId: input.externalId ?? null,
  };
}

async function validate(ctx: Ctx, input: OrganisationInput, previousType?: string | null) {
  const types = await termsOf(ctx.database.db, 'organisation_type', 'en', true);
  const errors = [...checkTerms(input, types, previousType), ...checkCountries(input)];
  if (errors.length) throw problems.validation(errors);
}

const externalIdTaken = () =>
  problems.conflict('external_id_taken', 'Another organisation already has this external id.');
const isUniqueViolation = (e: unknown) =>
  (e as { code?: string; cause?: { code?: string } }).code === '23505' ||
  (e as { cause?: { code?: string } }).cause?.code === '23505';

export async function createOrganisation(ctx: Ctx, input: OrganisationInput) {
  authorize(ctx.actor, 'create', 'organisation');
  await validate(ctx, input);
  let id: string;
  try {
    id = await repo.insertOrganisation(ctx.database.db, normalised(input));
  } catch (error) {
    if (isUniqueViolation(error)) throw externalIdTaken();
    throw error;
  }
  ctx.note({
    action: 'organisation.create',
    resourceType: 'organisation',
    resourceId: id,
    details: { name: input.name },
  });
  return getOrganisation(ctx, id);
}

/** Replaces the editable fields (fields left out keep their value) if the record is still at `version`. */
export async function updateOrganisation(
  ctx: Ctx,
  id: string,
  input: Partial<OrganisationInput> & { version: number },
) {
  ctx.note({ action: 'organisation.update', resourceType: 'organisation', resourceId: id });
  const row = await loadOrganisation(ctx, id);
  authorize(ctx.actor, 'update', 'organisation', row);
  if (row.mergedIntoId)
    throw problems.conflict('organisation_merged', 'This organisation was merged into another one.');
  const { version, ...changes } = input;
  const merged: OrganisationInput = {
    ...normalised(row as OrganisationInput),
    ...changes,
  } as OrganisationInput;
  await validate(ctx, merged, row.typeCode);
  try {
    if (!(await repo.updateOrganisationIfVersion(ctx.database.db, id, version, normalised(merged))))
      throw problems.versionConflict();
  } catch (error) {
    if (isUniqueViolation(error)) throw externalIdTaken();
    throw error;
  }
  return getOrganisation(ctx, id);
}
