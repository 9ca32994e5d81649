import { abilitiesFor, authorize, can } from '../../platform/access/policy.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { problems } from '../../platform/http/problem.ts';
import { decodeCursor, encodeCursor } from '../directory/filters.ts';
import { labeller, presentMembership } from '../directory/present.ts';
import { membershipsOfPeople } from '../directory/repository.ts';
import { countryName, isCountryCode } from '../geography/countries.ts';
import { countriesIn } from '../geography/service.ts';
import { codesUnder, termsOf } from '../vocabularies/service.ts';
import './policy.ts';
import { peopleCsv, peoplePopolo, peopleXlsx } from './export.ts';
import * as repo from './repository.ts';
import type { ContactPoint } from './schema.ts';

export interface PersonInput {
  name: string;
  sortName?: string | null;
  honorificPrefix?: string | null;
  summary?: string | null;
  countryCode?: string | null;
  languages?: string[];
  email?: string | null;
  phone?: string | null;
  contactDetails?: ContactPoint[];
  publicConsent?: boolean;
  externalId?: string | null;
}

export interface PeopleQuery {
  q?: string;
  country?: string;
  region?: string;
  organisation?: string;
  role?: string;
  activeOn?: string;
  limit: number;
  cursor?: string;
  format?: 'json' | 'csv' | 'xlsx' | 'popolo';
}

export const personPath = (id: string) => `/directory/people/${id}`;

/** A person; email, phone and contact details only for those allowed to read contacts. */
function present(ctx: Ctx, row: repo.PersonRow, organisationIds: string[]) {
  const record = { id: row.id, organisationIds };
  const contact = can(ctx.actor, 'readContact', 'person', record);
  return {
    id: row.id,
    name: row.name,
    sortName: row.sortName,
    honorificPrefix: row.honorificPrefix,
    summary: row.summary,
    countryCode: row.countryCode,
    countryName: row.countryCode ? countryName(row.countryCode, ctx.locale) : null,
    languages: row.languages,
    publicConsent: row.publicConsent,
    consentRecordedAt: row.consentRecordedAt?.toISOString() ?? null,
    externalId: row.externalId,
    ...(contact ? { email: row.email, phone: row.phone, contactDetails: row.contactDetails } : {}),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    url: `${ctx.config.publicUrl}${personPath(row.id)}`,
    abilities: abilitiesFor(ctx.actor, 'person', record),
  };
}

async function filterOf(ctx: Ctx, query: PeopleQuery): Promise<repo.PeopleFilter> {
  const db = ctx.database.db;
  const filter: repo.PeopleFilter = {
    q: query.q,
    organisationId: query.organisation,
    activeOn: query.activeOn,
  };
  if (query.country) filter.countries = [query.country];
  if (query.region) {
    const members = await countriesIn(db, query.region);
    if (!members)
      throw problems.validation([
        { field: 'querystring.region', code: 'unknown_code', message: 'Unknown region' },
      ]);
    filter.countries = filter.countries ? filter.countries.filter((c) => members.includes(c)) : members;
  }
  if (query.role) {
    filter.roleCodes = await codesUnder(db, 'membership_role', query.role);
    if (!filter.roleCodes.length)
      throw problems.validation([
        { field: 'querystring.role', code: 'unknown_code', message: 'Unknown role' },
      ]);
  }
  return filter;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const file = (contentType: string, fileName: string, body: string | Buffer) => ({
  kind: 'file' as const,
  contentType,
  fileName,
  body,
});

export async function listPeople(ctx: Ctx, query: PeopleQuery) {
  const format = query.format ?? 'json';
  authorize(ctx.actor, format === 'json' ? 'list' : 'export', 'person');
  const db = ctx.database.db;
  const filter = await filterOf(ctx, query);
  const offset = format === 'json' ? decodeCursor(query.cursor) : 0;
  const limit = format === 'json' ? query.limit : 100_000;
  const rows = await repo.listPeople(db, filter, { offset, limit: limit + 1 });
  const page = rows.slice(0, limit);
  const memberships = await membershipsOfPeople(
    db,
    page.map((p) => p.id),
  );
  const orgsOf = (id: string) => [
    ...new Set(memberships.filter((m) => m.personId === id).map((m) => m.parentId)),
  ];
  const data = page.map((p) => present(ctx, p, orgsOf(p.id)));
  if (format !== 'json') {
    ctx.note({
      action: 'person.export',
      resourceType: 'person',
      details: { format, query: { ...query, format: undefined } },
    });
    const roleLabel = labeller(await termsOf(db, 'membership_role', ctx.locale, true));
    const postsOf = (id: string) =>
      memberships
        .filter((m) => m.personId === id)
        .map((m) => `${m.label ?? roleLabel(m.roleCode)} (${m.parentName})`)
        .join('; ');
    const stamp = new Date().toISOString().slice(0, 10);
    if (format === 'csv')
      return file('text/csv; charset=utf-8', `people-${stamp}.csv`, peopleCsv(data, postsOf));
    if (format === 'xlsx') return file(XLSX_TYPE, `people-${stamp}.xlsx`, await peopleXlsx(data, postsOf));
    return file(
      'application/json; charset=utf-8',
      `people-${stamp}.popolo.json`,
      peoplePopolo(data, memberships, roleLabel),
    );
  }
  return {
    kind: 'json' as const,
    body: {
      data,
      nextCursor: rows.length > limit ? encodeCursor(offset + limit) : null,
      total: offset === 0 && rows.length <= limit ? page.length : await repo.countPeople(db, filter),
    },
  };
}

export async function getPerson(ctx: Ctx, id: string) {
  const db = ctx.database.db;
  const row = await repo.findPerson(db, id);
  if (!row) throw problems.notFound('person');
  authorize(ctx.actor, 'read', 'person');
  const memberships = await membershipsOfPeople(db, [id]);
  const roleLabel = labeller(await termsOf(db, 'membership_role', ctx.locale, true));
  const person = present(ctx, row, [...new Set(memberships.map((m) => m.parentId))]);
  if (person.email !== undefined) {
    ctx.note({ action: 'person.read_contact', resourceType: 'person', resourceId: id });
  }
  return {
    ...person,
    memberships: memberships.map((m) => presentMembership(ctx.actor, m, roleLabel, ctx.locale)),
  };
}

function normalised(input: PersonInput, previous?: repo.PersonRow): repo.PersonInsert {
  for (const c of [input.countryCode].filter(Boolean) as string[]) {
    if (!isCountryCode(c))
      throw problems.validation([
        { field: 'body.countryCode', code: 'unknown_country', message: 'Unknown country' },
      ]);
  }
  const consent = input.publicConsent ?? false;
  return {
    name: input.name,
    sortName: input.sortName ?? null,
    honorificPrefix: input.honorificPrefix ?? null,
    summary: input.summary ?? null,
    countryCode: input.countryCode ?? null,
    languages: [...new Set(input.languages ?? [])],
    email: input.email ?? null,
    phone: input.phone ?? null,
    contactDetails: input.contactDetails ?? [],
    publicConsent: consent,
    // Consent is recorded with its time; withdrawing it clears the time too.
    consentRecordedAt: consent ? (previous?.publicConsent ? previous.consentRecordedAt : new Date()) : null,
    externalId: input.externalId ?? null,
  };
}

export async function createPerson(ctx: Ctx, input: PersonInput) {
  authorize(ctx.actor, 'create', 'person');
  const id = await repo.insertPerson(ctx.database.db, normalised(input));
  ctx.note({ action: 'person.create', resourceType: 'person', resourceId: id });
  return getPerson(ctx, id);
}

export async function updatePerson(ctx: Ctx, id: string, input: Partial<PersonInput> & { version: number }) {
  ctx.note({ action: 'person.update', resourceType: 'person', resourceId: id });
  const db = ctx.database.db;
  const row = await repo.findPerson(db, id);
  if (!row) throw problems.notFound('person');
  authorize(ctx.actor, 'update', 'person', { id, organisationIds: await repo.organisationIdsOf(db, id) });
  const { version, ...changes } = input;
  const canContact = can(ctx.actor, 'readContact', 'person', { id, organisationIds: [] });
  if (
    !canContact &&
    (changes.email !== undefined || changes.phone !== undefined || changes.contactDetails !== undefined)
  ) {
    // Someone who cannot see contact details cannot overwrite them either.
    throw problems.forbidden();
  }
  const merged = { ...(row as PersonInput), ...changes };
  if (!(await repo.updatePersonIfVersion(db, id, version, normalised(merged, row))))
    throw problems.versionConflict();
  return getPerson(ctx, id);
}
