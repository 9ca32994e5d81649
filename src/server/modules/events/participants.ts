import type { Tx } from '../../db/client.ts';
import type { UserActor } from '../../platform/access/actor.ts';
import { authorize } from '../../platform/access/policy.ts';
import { randomToken, sha256 } from '../../platform/auth/crypto.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { csvCell } from '../../platform/http/csv.ts';
import { problems } from '../../platform/http/problem.ts';
import { translate } from '../../platform/i18n/translate.ts';
import { queueMail } from '../../platform/mail/outbox.ts';
import * as repo from './repository.ts';
import type { ParticipantStatus } from './schema.ts';
import { daysOf } from './zones.ts';

const msg = (s: string) => s;

/** Loads an event whose participants the actor manages (404 if they may not even read it). */
async function managedEvent(ctx: Ctx, tx: Tx, eventId: string, lock = false) {
  const event = lock ? await repo.lockEvent(tx, eventId) : await repo.findEvent(tx, eventId);
  if (!event) throw problems.notFound('event');
  authorize(ctx.actor, 'read', 'event', event, { hideAs404: true });
  authorize(ctx.actor, 'participants', 'event', event);
  return event;
}

function present(p: repo.ParticipantRow) {
  return {
    id: p.id,
    personId: p.personId,
    name: p.name,
    email: p.email,
    organisationName: p.organisationName,
    status: p.status,
    source: p.source,
    matchState: p.matchState,
    candidateIds: p.candidateIds,
    accessibilityNeeds: p.accessibilityNeeds,
    languageNeeds: p.languageNeeds,
    consentAt: p.consentAt?.toISOString() ?? null,
    respondedAt: p.respondedAt?.toISOString() ?? null,
    createdAt: p.createdAt.toISOString(),
    version: p.version,
  };
}

export async function listParticipants(ctx: Ctx, eventId: string, f: repo.ParticipantFilter) {
  const tx = ctx.database.db;
  const event = await managedEvent(ctx, tx, eventId);
  const rows = await repo.participantsOf(tx, eventId, f);
  const attendance = await repo.attendanceOf(tx, eventId);
  const candidates = new Map(
    (await repo.peopleNamed(tx, [...new Set(rows.flatMap((r) => r.candidateIds))])).map((p) => [p.id, p]),
  );
  return {
    data: rows.map((p) => ({
      ...present(p),
      candidates: p.candidateIds.flatMap((id) => {
        const c = candidates.get(id);
        return c ? [{ id: c.id, name: c.name, email: c.email }] : [];
      }),
      attendance: attendance
        .filter((a) => a.participantId === p.id)
        .map((a) => (a.day ? { day: a.day } : { sessionId: a.sessionId! })),
    })),
    days: daysOf(event.startsAt, event.endsAt, event.timeZone),
    capacity: event.capacity,
    seatsTaken: await repo.seatsTaken(tx, eventId),
  };
}

/** The RSVP link's token: returned once for the mail, only its hash kept. */
function newRsvpToken() {
  const token = randomToken();
  return { token, hash: sha256(token) };
}

function rsvpMail(ctx: Ctx, locale: string, event: repo.EventRow, token: string, registered: boolean) {
  const t = (s: string) => translate(locale, s);
  const link = `${ctx.config.publicUrl}/rsvp?token=${token}`;
  return {
    subject: `${registered ? t('Your registration') : t('Invitation')}: ${event.title}`,
    body: [
      registered
        ? t('Thank you for registering. You can see or cancel your registration here:')
        : t('You are invited. Please answer here whether you will come:'),
      link,
      '',
      `${ctx.config.publicUrl}/events/${event.slug}`,
    ].join('\n'),
  };
}

/** Staff invite directory people; each gets an RSVP link through the outbox. People already listed are skipped. */
export async function inviteParticipants(ctx: Ctx, eventId: string, personIds: string[]) {
  ctx.note({ action: 'event.invite', resourceType: 'event', resourceId: eventId });
  return ctx.database.db.transaction(async (tx) => {
    const event = await managedEvent(ctx, tx, eventId, true);
    const found = await repo.peopleNamed(tx, [...new Set(personIds)]);
    if (found.length !== new Set(personIds).size)
      throw problems.validation([
        { field: 'body.personIds', code: 'unknown_person', message: 'Not every person is in the directory' },
      ]);
    const invited = [];
    const skipped = [];
    for (const person of found) {
      const byPerson = await repo.participantByPerson(tx, eventId, person.id);
      const byEmail = person.email ? await repo.participantByEmail(tx, eventId, person.email) : undefined;
      if (byPerson || byEmail) {
        skipped.push(person.id);
        continue;
      }
      const { token, hash } = newRsvpToken();
      const row = await repo.insertParticipant(tx, {
        eventId,
        personId: person.id,
        name: person.name,
        email: person.email,
        status: 'invited',
        source: 'staff',
        matchState: 'linked',
        rsvpTokenHash: hash,
      });
      if (person.email) {
        const mail = rsvpMail(ctx, ctx.locale, event, token, false);
        await queueMail(tx, {
          to: person.email,
          ...mail,
          purpose: 'event_invitation',
          organisationId: event.organisationId,
        });
      }
      invited.push(present(row));
    }
    await repo.touchEvent(tx, eventId);
    return { invited, skipped };
  });
}

export interface ParticipantChange {
  status?: ParticipantStatus;
  accessibilityNeeds?: string | null;
  languageNeeds?: string | null;
  version: number;
}

/** Staff change a participant's status or needs; a seat freed goes to the first person waiting. */
export async function updateParticipant(ctx: Ctx, eventId: string, id: string, change: ParticipantChange) {
  ctx.note({ action: 'event.participant.update', resourceType: 'event', resourceId: eventId });
  return ctx.database.db.transaction(async (tx) => {
    const event = await managedEvent(ctx, tx, eventId, true);
    const current = await repo.findParticipant(tx, eventId, id);
    if (!current) throw problems.notFound('participant');
    let status = change.status;
    if (status && isSeated(status) && !isSeated(current.status) && (await full(tx, event)))
      status = 'waitlisted';
    const updated = await repo.updateParticipant(
      tx,
      id,
      { status, accessibilityNeeds: change.accessibilityNeeds, languageNeeds: change.languageNeeds },
      change.version,
    );
    if (!updated) throw problems.versionConflict();
    if (isSeated(current.status) && !isSeated(updated.status)) await promoteWaiting(tx, event);
    return present(updated);
  });
}

export async function removeParticipant(ctx: Ctx, eventId: string, id: string) {
  ctx.note({ action: 'event.participant.delete', resourceType: 'event', resourceId: eventId });
  await ctx.database.db.transaction(async (tx) => {
    const event = await managedEvent(ctx, tx, eventId, true);
    const current = await repo.findParticipant(tx, eventId, id);
    if (!current) throw problems.notFound('participant');
    await repo.deleteParticipant(tx, id);
    if (isSeated(current.status)) await promoteWaiting(tx, event);
  });
}

export type Review =
  | { action: 'link'; personId: string }
  | { action: 'create_person' }
  | { action: 'keep_apart' };

/**
 * The review step of a public registration: link it to a directory person (a candidate or any
 * other), make a new directory person from it, or keep it apart. Nothing is merged silently.
 */
export async function reviewMatch(
  ctx: Ctx,
  eventId: string,
  id: string,
  review: Review & { version: number },
) {
  ctx.note({ action: 'event.participant.review', resourceType: 'event', resourceId: eventId });
  return ctx.database.db.transaction(async (tx) => {
    await managedEvent(ctx, tx, eventId);
    const current = await repo.findParticipant(tx, eventId, id);
    if (!current) throw problems.notFound('participant');
    let personId: string | null = current.personId;
    if (review.action === 'link') {
      const [person] = await repo.peopleNamed(tx, [review.personId]);
      if (!person)
        throw problems.validation([
          { field: 'body.personId', code: 'unknown_person', message: 'No such person' },
        ]);
      const other = await repo.participantByPerson(tx, eventId, person.id);
      if (other && other.id !== id)
        throw problems.conflict(
          'duplicate_participant',
          msg('This person is already a participant of the event.'),
        );
      personId = person.id;
    } else if (review.action === 'create_person') {
      if (current.personId)
        throw problems.conflict(
          'already_linked',
          msg('This participant is already linked to a directory person.'),
        );
      personId = (
        await repo.insertPerson(tx, {
          name: current.name,
          email: current.email,
          searchText: current.name.toLowerCase(),
        })
      ).id;
    } else personId = null;
    const updated = await repo.updateParticipant(
      tx,
      id,
      { personId, matchState: personId ? 'linked' : 'unmatched', candidateIds: [] },
      review.version,
    );
    if (!updated) throw problems.versionConflict();
    return present(updated);
  });
}

export interface AttendanceMark {
  participantId: string;
  day?: string;
  sessionId?: string;
  present: boolean;
}

/** Records attendance per day of the event (in its zone) or per session of its agenda. */
export async function recordAttendance(ctx: Ctx, eventId: string, marks: AttendanceMark[]) {
  ctx.note({ action: 'event.attendance', resourceType: 'event', resourceId: eventId });
  await ctx.database.db.transaction(async (tx) => {
    const event = await managedEvent(ctx, tx, eventId);
    const days = new Set(daysOf(event.startsAt, event.endsAt, event.timeZone));
    const sessions = new Set(await repo.sessionIdsOf(tx, eventId));
    const participants = new Set((await repo.participantsOf(tx, eventId)).map((p) => p.id));
    const errors = marks.flatMap((m, i) => {
      if (!participants.has(m.participantId))
        return [
          {
            field: `body.marks.${i}.participantId`,
            code: 'unknown_participant',
            message: 'Not a participant of this event',
          },
        ];
      if (Boolean(m.day) === Boolean(m.sessionId))
        return [{ field: `body.marks.${i}`, code: 'day_or_session', message: 'Name a day or a session' }];
      if (m.day && !days.has(m.day))
        return [
          { field: `body.marks.${i}.day`, code: 'not_an_event_day', message: 'Not a day of the event' },
        ];
      if (m.sessionId && !sessions.has(m.sessionId))
        return [
          {
            field: `body.marks.${i}.sessionId`,
            code: 'unknown_session',
            message: 'Not a session of this event',
          },
        ];
      return [];
    });
    if (errors.length) throw problems.validation(errors);
    const recordedBy = (ctx.actor as UserActor).userId;
    for (const m of marks) await repo.setAttendance(tx, m.participantId, m, m.present, recordedBy);
  });
  return listParticipants(ctx, eventId, {});
}

/** The participants as CSV, with the list's filters; days attended and sessions attended counted. */
export async function exportParticipants(ctx: Ctx, eventId: string, f: repo.ParticipantFilter) {
  const list = await listParticipants(ctx, eventId, f);
  const header = [
    'name',
    'email',
    'organisation',
    'status',
    'source',
    'match',
    'person_id',
    'accessibility_needs',
    'language_needs',
    'registered_at',
    ...list.days.map((d) => `attended_${d}`),
    'sessions_attended',
  ];
  const rows = list.data.map((p) => [
    p.name,
    p.email,
    p.organisationName,
    p.status,
    p.source,
    p.matchState,
    p.personId,
    p.accessibilityNeeds,
    p.languageNeeds,
    p.createdAt,
    ...list.days.map((d) => (p.attendance.some((a) => 'day' in a && a.day === d) ? 'yes' : '')),
    p.attendance.filter((a) => 'sessionId' in a).length,
  ]);
  return `${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

// Seats and the waiting list ------------------------------------------------------------------

const isSeated = (s: ParticipantStatus) => s === 'accepted' || s === 'registered';

async function full(tx: Tx, event: repo.EventRow) {
  return event.capacity !== null && (await repo.seatsTaken(tx, event.id)) >= event.capacity;
}

/** Gives a freed seat to the longest-waiting person (the caller holds the event's lock). */
async function promoteWaiting(tx: Tx, event: repo.EventRow) {
  if (await full(tx, event)) return;
  const next = await repo.firstWaiting(tx, event.id);
  if (next)
    await repo.updateParticipant(tx, next.id, {
      status: next.source === 'public' ? 'registered' : 'accepted',
    });
}

export interface Registration {
  name: string;
  email: string;
  organisationName?: string;
  accessibilityNeeds?: string;
  languageNeeds?: string;
  locale: string;
}

/**
 * A public registration for a public event that has not ended. The event row is locked, so
 * concurrent registrations count seats one after the other: past capacity they join the waiting
 * list. Directory people who look alike are recorded as candidates for staff review.
 */
export async function register(ctx: Ctx, slug: string, r: Registration) {
  return ctx.database.db.transaction(async (tx) => {
    const found = await repo.findEventBySlug(tx, slug);
    if (found?.visibility !== 'public') throw problems.notFound('event');
    const event = (await repo.lockEvent(tx, found.id))!;
    if (event.endsAt.getTime() <= Date.now())
      throw problems.conflict('event_over', msg('This event is over; registration is closed.'));
    if (await repo.participantByEmail(tx, event.id, r.email))
      throw problems.conflict(
        'duplicate_registration',
        msg('This email address is already registered for this event.'),
      );
    const status: ParticipantStatus = (await full(tx, event)) ? 'waitlisted' : 'registered';
    const candidates = await repo.candidatesFor(tx, r);
    const { token, hash } = newRsvpToken();
    const row = await repo.insertParticipant(tx, {
      eventId: event.id,
      name: r.name,
      email: r.email,
      organisationName: r.organisationName || null,
      accessibilityNeeds: r.accessibilityNeeds || null,
      languageNeeds: r.languageNeeds || null,
      consentAt: new Date(),
      status,
      source: 'public',
      matchState: candidates.length ? 'review' : 'unmatched',
      candidateIds: candidates,
      rsvpTokenHash: hash,
    });
    const mail = rsvpMail(ctx, r.locale, event, token, true);
    await queueMail(tx, {
      to: r.email,
      ...mail,
      purpose: 'event_invitation',
      organisationId: event.organisationId,
    });
    ctx.note({ action: 'event.register', resourceType: 'event', resourceId: event.id });
    return { event, participant: row };
  });
}

/** The participant and event behind an RSVP token, or undefined for a token that is not one of ours. */
export async function rsvpOf(ctx: Ctx, token: string) {
  const participant = await repo.findParticipantByToken(ctx.database.db, sha256(token));
  if (!participant) return undefined;
  const event = await repo.findEvent(ctx.database.db, participant.eventId);
  return event ? { participant, event } : undefined;
}

/**
 * Answers an invitation or changes a registration through the emailed link. Opening the link
 * changes nothing (mail scanners open links); only the form's POST does, and answering twice the
 * same way is harmless. The link stops working once the event has ended.
 */
export async function answerRsvp(ctx: Ctx, token: string, answer: 'accept' | 'decline') {
  return ctx.database.db.transaction(async (tx) => {
    const participant = await repo.findParticipantByToken(tx, sha256(token));
    if (!participant) throw problems.notFound('invitation');
    const event = (await repo.lockEvent(tx, participant.eventId))!;
    if (event.endsAt.getTime() <= Date.now())
      throw problems.conflict('event_over', msg('This event is over; registration is closed.'));
    const current = (await repo.findParticipant(tx, event.id, participant.id))!;
    let status: ParticipantStatus;
    if (answer === 'decline') status = current.source === 'public' ? 'cancelled' : 'declined';
    else if (isSeated(current.status) || current.status === 'waitlisted') status = current.status;
    else
      status = (await full(tx, event))
        ? 'waitlisted'
        : current.source === 'public'
          ? 'registered'
          : 'accepted';
    const updated = (await repo.updateParticipant(tx, current.id, { status, respondedAt: new Date() }))!;
    if (isSeated(current.status) && !isSeated(status)) await promoteWaiting(tx, event);
    ctx.note({ action: 'event.rsvp', resourceType: 'event', resourceId: event.id });
    return { event, participant: updated };
  });
}
