import { isUser } from '../../platform/access/actor.ts';
import { abilitiesFor, authorize, can } from '../../platform/access/policy.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { decodeKeyset, encodeKeyset } from '../../platform/http/cursor.ts';
import type { FieldError } from '../../platform/http/problem.ts';
import { problems } from '../../platform/http/problem.ts';
import { countryName } from '../geography/countries.ts';
import { sanitizeRichText } from '../practices/html.ts';
import type { Labels } from '../vocabularies/schema.ts';
import { labelOf, termsOf } from '../vocabularies/service.ts';
import './policy.ts';
import * as repo from './repository.ts';
import type { Visibility } from './schema.ts';
import {
  checkReferences,
  resolveTimes,
  type SessionInput,
  slugFrom,
  throwIfAny,
  uniqueSlug,
} from './validate.ts';
import { daysOf, isTimeZone, localOf } from './zones.ts';

export interface EventInput {
  kindCode: string;
  title: string;
  titles?: Labels;
  description?: string;
  descriptions?: Labels;
  organisationId?: string;
  programmeId?: string | null;
  organisers?: string[];
  partners?: string[];
  online?: boolean;
  city?: string | null;
  countryCode?: string | null;
  venue?: string | null;
  startsLocal: string;
  endsLocal: string;
  timeZone: string;
  languages?: string[];
  capacity?: number | null;
  visibility?: Visibility;
  documentIds?: string[];
  sessions?: SessionInput[];
}

const sanitizeAll = (labels: Labels) =>
  Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, sanitizeRichText(v)]));
const uniq = <T>(v?: T[]) => (v ? [...new Set(v)] : undefined);

function columnsOf(input: Partial<EventInput>): Partial<repo.EventInsert> {
  const out: Partial<repo.EventInsert> = {
    kindCode: input.kindCode,
    title: input.title,
    titles: input.titles,
    description: input.description === undefined ? undefined : sanitizeRichText(input.description),
    descriptions: input.descriptions ? sanitizeAll(input.descriptions) : undefined,
    programmeId: input.programmeId,
    online: input.online,
    city: input.city,
    countryCode: input.countryCode,
    venue: input.venue,
    timeZone: input.timeZone,
    languages: uniq(input.languages),
    capacity: input.capacity,
    visibility: input.visibility,
    documentIds: uniq(input.documentIds),
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}

function organisationRows(input: Partial<EventInput>) {
  if (!input.organisers && !input.partners) return undefined;
  return [
    ...(uniq(input.organisers) ?? []).map((organisationId) => ({
      organisationId,
      role: 'organiser' as const,
    })),
    ...(uniq(input.partners) ?? []).map((organisationId) => ({ organisationId, role: 'partner' as const })),
  ];
}

export interface ListQuery {
  kind?: string;
  country?: string;
  programmeId?: string;
  from?: Date;
  to?: Date;
  limit: number;
  cursor?: string;
}

/** Who sees what in lists: network administrators all; others public events and their organisation's. */
function visibilityFor(ctx: Ctx): repo.EventFilter['visibleTo'] {
  if (!isUser(ctx.actor)) return { publicOnly: true };
  if (ctx.actor.role === 'network_administrator') return undefined;
  return { organisationId: ctx.actor.organisationId };
}

export async function listEvents(ctx: Ctx, q: ListQuery, options: { publicOnly?: boolean } = {}) {
  if (!options.publicOnly) authorize(ctx.actor, 'list', 'event');
  const after = decodeKeyset(q.cursor);
  const rows = await repo.listEvents(ctx.database.db, {
    ...q,
    after: after ? { at: after.at, id: after.id } : undefined,
    visibleTo: options.publicOnly ? { publicOnly: true } : visibilityFor(ctx),
    limit: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  const kinds = await termsOf(ctx.database.db, 'event_kind', ctx.locale, true);
  const last = page.at(-1);
  return {
    data: page.map((r) => ({
      ...r,
      title: labelOf(r.titles, ctx.locale, r.title),
      kindLabel: kinds.find((k) => k.code === r.kindCode)?.label ?? r.kindCode,
      countryName: r.countryCode ? countryName(r.countryCode, ctx.locale) : null,
      startsLocal: localOf(r.startsAt, r.timeZone),
      endsLocal: localOf(r.endsAt, r.timeZone),
      startsAt: r.startsAt.toISOString(),
      endsAt: r.endsAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    })),
    nextCursor: rows.length > q.limit && last ? encodeKeyset(last.startsAt, last.id) : null,
  };
}

export type EventListItem = Awaited<ReturnType<typeof listEvents>>['data'][number];

/** Loads an event the actor may read; others get 404 (a private event's existence is not revealed). */
export async function readableEvent(ctx: Ctx, id: string) {
  const row = await repo.findEvent(ctx.database.db, id);
  if (!row) throw problems.notFound('event');
  if (row.visibility !== 'public' || isUser(ctx.actor))
    authorize(ctx.actor, 'read', 'event', row, { hideAs404: true });
  return row;
}

export async function presentEvent(ctx: Ctx, row: repo.EventRow) {
  const tx = ctx.database.db;
  const [orgs, sessions, kinds] = await Promise.all([
    repo.organisationsOf(tx, row.id),
    repo.sessionsOf(tx, row.id),
    termsOf(tx, 'event_kind', ctx.locale, true),
  ]);
  const speakerIds = [...new Set(sessions.flatMap((s) => s.speakerIds))];
  const speakers = new Map((await repo.peopleNamed(tx, speakerIds)).map((p) => [p.id, p]));
  const documents = await repo.publicationsNamed(tx, row.documentIds);
  const signedIn = isUser(ctx.actor);
  const programme = row.programmeId ? await repo.programmeExists(tx, row.programmeId) : undefined;
  const seats = await repo.seatsTaken(tx, row.id);
  return {
    id: row.id,
    slug: row.slug,
    kindCode: row.kindCode,
    kindLabel: kinds.find((k) => k.code === row.kindCode)?.label ?? row.kindCode,
    title: row.title,
    titles: row.titles,
    description: row.description,
    descriptions: row.descriptions,
    organisationId: row.organisationId,
    programmeId: row.programmeId,
    programmeName: programme?.name ?? null,
    organisers: orgs.filter((o) => o.role === 'organiser'),
    partners: orgs.filter((o) => o.role === 'partner'),
    online: row.online,
    city: row.city,
    countryCode: row.countryCode,
    countryName: row.countryCode ? countryName(row.countryCode, ctx.locale) : null,
    venue: row.venue,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    startsLocal: localOf(row.startsAt, row.timeZone),
    endsLocal: localOf(row.endsAt, row.timeZone),
    timeZone: row.timeZone,
    days: daysOf(row.startsAt, row.endsAt, row.timeZone),
    languages: row.languages,
    capacity: row.capacity,
    seatsTaken: seats,
    visibility: row.visibility,
    demonstration: row.demonstration,
    documents: documents.filter((d) => d.isPublic || signedIn).map((d) => ({ id: d.id, title: d.title })),
    sessions: sessions.map((s) => ({
      id: s.id,
      title: s.title,
      room: s.room,
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
      startsLocal: localOf(s.startsAt, row.timeZone),
      endsLocal: localOf(s.endsAt, row.timeZone),
      // The public sees a speaker's name only with their consent to be listed.
      speakers: s.speakerIds.flatMap((id) => {
        const p = speakers.get(id);
        if (!p) return [];
        return signedIn || p.publicConsent ? [{ id: p.id, name: p.name }] : [];
      }),
    })),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    abilities: abilitiesFor(ctx.actor, 'event', row),
  };
}

export type PresentedEvent = Awaited<ReturnType<typeof presentEvent>>;

export async function getEvent(ctx: Ctx, id: string) {
  return presentEvent(ctx, await readableEvent(ctx, id));
}

export async function createEvent(ctx: Ctx, input: EventInput) {
  authorize(ctx.actor, 'create', 'event');
  const actor = ctx.actor;
  const organisationId =
    actor.role === 'network_administrator'
      ? (input.organisationId ?? actor.organisationId)
      : actor.organisationId;
  const row = await ctx.database.db.transaction(async (tx) => {
    const errors: FieldError[] = [];
    const times = resolveTimes(input, errors);
    const { sessions } = await checkReferences(tx, input, input.timeZone, errors);
    throwIfAny(errors);
    const slug = await uniqueSlug(tx, slugFrom(input.title, times!.startsAt));
    const created = await repo.insertEvent(tx, {
      ...(columnsOf(input) as repo.EventInsert),
      slug,
      organisationId,
      startsAt: times!.startsAt,
      endsAt: times!.endsAt,
      createdBy: actor.userId,
    });
    await repo.replaceOrganisations(tx, created.id, organisationRows(input) ?? []);
    await repo.replaceSessions(tx, created.id, sessions);
    return created;
  });
  ctx.note({ action: 'event.create', resourceType: 'event', resourceId: row.id });
  return presentEvent(ctx, row);
}

export async function updateEvent(ctx: Ctx, id: string, input: Partial<EventInput> & { version: number }) {
  ctx.note({ action: 'event.update', resourceType: 'event', resourceId: id });
  const row = await ctx.database.db.transaction(async (tx) => {
    const current = await repo.findEvent(tx, id);
    if (!current) throw problems.notFound('event');
    authorize(ctx.actor, 'read', 'event', current, { hideAs404: true });
    authorize(ctx.actor, 'update', 'event', current);
    const errors: FieldError[] = [];
    // An unknown zone is refused before any time is read in it.
    if (input.timeZone !== undefined && !isTimeZone(input.timeZone))
      throw problems.validation([
        { field: 'body.timeZone', code: 'unknown_time_zone', message: 'Not an IANA time zone' },
      ]);
    const timeZone = input.timeZone ?? current.timeZone;
    const needsTimes =
      input.startsLocal !== undefined || input.endsLocal !== undefined || input.timeZone !== undefined;
    const times = needsTimes
      ? resolveTimes(
          {
            startsLocal: input.startsLocal ?? localOf(current.startsAt, timeZone),
            endsLocal: input.endsLocal ?? localOf(current.endsAt, timeZone),
            timeZone,
          },
          errors,
        )
      : undefined;
    const { sessions } = await checkReferences(tx, input, timeZone, errors);
    if (input.sessions) {
      const known = new Set(await repo.sessionIdsOf(tx, id));
      for (const [i, s] of input.sessions.entries())
        if (s.id && !known.has(s.id))
          errors.push({
            field: `body.sessions.${i}.id`,
            code: 'unknown_session',
            message: 'Not a session of this event',
          });
    }
    throwIfAny(errors);
    const updated = await repo.updateEventIfVersion(tx, id, input.version, {
      ...columnsOf(input),
      ...(times ?? {}),
    });
    if (!updated) throw problems.versionConflict();
    const orgs = organisationRows(input);
    if (orgs) await repo.replaceOrganisations(tx, id, orgs);
    if (input.sessions) await repo.replaceSessions(tx, id, sessions);
    return updated;
  });
  return presentEvent(ctx, row);
}

export async function deleteEvent(ctx: Ctx, id: string, version: number) {
  ctx.note({ action: 'event.delete', resourceType: 'event', resourceId: id });
  await ctx.database.db.transaction(async (tx) => {
    const current = await repo.findEvent(tx, id);
    if (!current) throw problems.notFound('event');
    authorize(ctx.actor, 'read', 'event', current, { hideAs404: true });
    authorize(ctx.actor, 'delete', 'event', current);
    if (current.version !== version) throw problems.versionConflict();
    await repo.deleteEvent(tx, id);
  });
}

/** May this actor manage the event's participants? (for presenting, without throwing) */
export const managesParticipants = (ctx: Ctx, row: repo.EventRow) =>
  can(ctx.actor, 'participants', 'event', row);
