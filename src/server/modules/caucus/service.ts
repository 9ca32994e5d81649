import { abilitiesFor, authorize } from '../../platform/access/policy.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { type FieldError, problems } from '../../platform/http/problem.ts';
import { countryName } from '../geography/countries.ts';
import type { MembershipInput, MembershipUpdate, PostInput, PostUpdate } from './inputs.ts';
import './policy.ts';
import * as repo from './repository.ts';
import {
  checkCountry,
  checkDates,
  checkOrganisations,
  checkPeople,
  seesMeeting,
  throwIfAny,
} from './validate.ts';

type Db = Ctx['database']['db'];
const defined = <T extends object>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

/** Names of the people and organisations a list of records points to, in two queries. */
async function namesFor(db: Db, personIds: string[], organisationIds: string[]) {
  const [p, o] = await Promise.all([
    repo.peopleNamed(db, personIds),
    repo.organisationsNamed(db, organisationIds),
  ]);
  return {
    person: (id: string) => p.find((x) => x.id === id)?.name ?? null,
    org: (id: string | null) => (id ? (o.find((x) => x.id === id)?.name ?? null) : null),
  };
}

async function presentPosts(ctx: Ctx, rows: repo.PostRow[]) {
  const n = await namesFor(
    ctx.database.db,
    rows.map((r) => r.personId),
    rows.flatMap((r) => [r.parliamentId, r.partyId ?? r.parliamentId]),
  );
  return rows.map((r) => ({
    id: r.id,
    personId: r.personId,
    personName: n.person(r.personId),
    parliamentId: r.parliamentId,
    parliamentName: n.org(r.parliamentId),
    partyId: r.partyId,
    partyName: n.org(r.partyId),
    label: r.label,
    constituency: r.constituency,
    countryCode: r.countryCode,
    countryName: r.countryCode ? countryName(r.countryCode, ctx.locale) : null,
    startDate: r.startDate,
    endDate: r.endDate,
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  }));
}

async function presentMemberships(ctx: Ctx, rows: repo.MembershipRow[]) {
  const n = await namesFor(
    ctx.database.db,
    rows.map((r) => r.personId),
    rows.map((r) => r.caucusId),
  );
  return rows.map((r) => ({
    id: r.id,
    caucusId: r.caucusId,
    caucusName: n.org(r.caucusId),
    personId: r.personId,
    personName: n.person(r.personId),
    roleCode: r.roleCode,
    startDate: r.startDate,
    endDate: r.endDate,
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  }));
}

/** What the caucus forms offer: caucuses, parliaments, parties, caucus meetings; and the abilities. */
export async function options(ctx: Ctx) {
  authorize(ctx.actor, 'list', 'caucus');
  const db = ctx.database.db;
  const [orgs, meetings] = await Promise.all([
    repo.organisationsOfTypes(db, ['caucus', 'parliament', 'political_party']),
    repo.caucusMeetings(db),
  ]);
  const of = (type: string) => orgs.filter((o) => o.typeCode === type);
  return {
    caucuses: of('caucus'),
    parliaments: of('parliament'),
    parties: of('political_party'),
    meetings: meetings
      .filter((m) => seesMeeting(ctx.actor, m))
      .map((m) => ({ id: m.id, title: m.title, startsAt: m.startsAt.toISOString() })),
    abilities: abilitiesFor(ctx.actor, 'caucus'),
  };
}

// Posts

async function checkPost(db: Db, p: Partial<PostInput>, errors: FieldError[]) {
  checkDates(p, errors);
  checkCountry(p.countryCode, errors);
  if (p.personId) await checkPeople(db, [{ field: 'body.personId', id: p.personId }], errors);
  await checkOrganisations(
    db,
    [
      { field: 'body.parliamentId', id: p.parliamentId, type: 'parliament' },
      { field: 'body.partyId', id: p.partyId },
    ],
    errors,
  );
}

export async function listPosts(ctx: Ctx, q: { personId?: string }) {
  authorize(ctx.actor, 'list', 'caucus');
  return presentPosts(ctx, await repo.listPosts(ctx.database.db, q));
}

/**
 * Create, edit and delete of a dated record (a seat, a caucus membership): checked as it will stand
 * (dates sent over dates kept), written only at the version read, noted in the audit log.
 */
function datedRecords<
  Input extends { startDate?: string | null; endDate?: string | null },
  Row extends { id: string; version: number; startDate: string | null; endDate: string | null },
  Presented,
>(d: {
  /** Audit action stem and resource type, e.g. 'caucus.post' and 'caucus_post'. */
  action: string;
  resourceType: string;
  check: (db: Db, values: Partial<Input>, errors: FieldError[]) => Promise<void>;
  insert: (db: Db, input: Input) => Promise<Row>;
  find: (db: Db, id: string) => Promise<Row | undefined>;
  updateIfVersion: (db: Db, id: string, version: number, values: Partial<Input>) => Promise<Row | undefined>;
  remove: (db: Db, id: string) => Promise<unknown>;
  present: (ctx: Ctx, rows: Row[]) => Promise<Presented[]>;
}) {
  return {
    async create(ctx: Ctx, input: Input): Promise<Presented> {
      authorize(ctx.actor, 'create', 'caucus');
      const row = await ctx.database.db.transaction(async (tx) => {
        const errors: FieldError[] = [];
        await d.check(tx, input, errors);
        throwIfAny(errors);
        return d.insert(tx, input);
      });
      ctx.note({ action: `${d.action}.create`, resourceType: d.resourceType, resourceId: row.id });
      return (await d.present(ctx, [row]))[0]!;
    },
    async update(ctx: Ctx, id: string, values: Partial<Input>, version: number): Promise<Presented> {
      authorize(ctx.actor, 'update', 'caucus');
      const row = await ctx.database.db.transaction(async (tx) => {
        const current = await d.find(tx, id);
        if (!current) throw problems.notFound(d.resourceType);
        const errors: FieldError[] = [];
        // Dates are checked as they will stand: the ones sent over the ones kept.
        await d.check(
          tx,
          {
            ...values,
            startDate: values.startDate === undefined ? current.startDate : values.startDate,
            endDate: values.endDate === undefined ? current.endDate : values.endDate,
          },
          errors,
        );
        throwIfAny(errors);
        const updated = await d.updateIfVersion(tx, id, version, defined(values));
        if (!updated) throw problems.versionConflict();
        return updated;
      });
      ctx.note({ action: `${d.action}.update`, resourceType: d.resourceType, resourceId: id });
      return (await d.present(ctx, [row]))[0]!;
    },
    async remove(ctx: Ctx, id: string, version: number): Promise<void> {
      authorize(ctx.actor, 'delete', 'caucus');
      await ctx.database.db.transaction(async (tx) => {
        const current = await d.find(tx, id);
        if (!current) throw problems.notFound(d.resourceType);
        if (current.version !== version) throw problems.versionConflict();
        await d.remove(tx, id);
      });
      ctx.note({ action: `${d.action}.delete`, resourceType: d.resourceType, resourceId: id });
    },
  };
}

const posts = datedRecords({
  action: 'caucus.post',
  resourceType: 'caucus_post',
  check: checkPost,
  insert: repo.insertPost,
  find: repo.findPost,
  updateIfVersion: repo.updatePostIfVersion,
  remove: repo.deletePost,
  present: presentPosts,
});

export const createPost = (ctx: Ctx, input: PostInput) => posts.create(ctx, input);
export const updatePost = (ctx: Ctx, id: string, { version, ...values }: PostUpdate) =>
  posts.update(ctx, id, values, version);
export const deletePost = (ctx: Ctx, id: string, version: number) => posts.remove(ctx, id, version);

// Memberships of the caucus

async function checkMembership(db: Db, m: Partial<MembershipInput>, errors: FieldError[]) {
  checkDates(m, errors);
  if (m.personId) await checkPeople(db, [{ field: 'body.personId', id: m.personId }], errors);
  await checkOrganisations(db, [{ field: 'body.caucusId', id: m.caucusId, type: 'caucus' }], errors);
}

export async function listMemberships(ctx: Ctx, q: { caucusId?: string; personId?: string }) {
  authorize(ctx.actor, 'list', 'caucus');
  return presentMemberships(ctx, await repo.listMemberships(ctx.database.db, q));
}

const memberships = datedRecords({
  action: 'caucus.membership',
  resourceType: 'caucus_membership',
  check: checkMembership,
  insert: repo.insertMembership,
  find: repo.findMembership,
  updateIfVersion: repo.updateMembershipIfVersion,
  remove: repo.deleteMembership,
  present: presentMemberships,
});

export const createMembership = (ctx: Ctx, input: MembershipInput) => memberships.create(ctx, input);
export const updateMembership = (ctx: Ctx, id: string, { version, ...values }: MembershipUpdate) =>
  memberships.update(ctx, id, values, version);
export const deleteMembership = (ctx: Ctx, id: string, version: number) =>
  memberships.remove(ctx, id, version);
