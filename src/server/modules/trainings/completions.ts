import type { Tx } from '../../db/client.ts';
import { authorize } from '../../platform/access/policy.ts';
import { randomToken, sha256 } from '../../platform/auth/crypto.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { Problem, problems } from '../../platform/http/problem.ts';
import { localOf } from '../events/zones.ts';
import { countryName, isCountryCode } from '../geography/countries.ts';
import { labelOf } from '../vocabularies/service.ts';
import './policy.ts';
import * as repo from './repository.ts';
import type { CompletionState, Sex } from './schema.ts';

// Problem titles are wrapped so the string extractor puts them in the catalogs.
const msg = (s: string) => s;

/** Adds whole months to a YYYY-MM-DD date; the 31st becomes the month's last day when it has fewer. */
export function addMonths(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + n, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/** The cohort with its course, when the actor manages the course's graduates (404 otherwise). */
export async function managedCohort(ctx: Ctx, tx: Tx, eventId: string) {
  const cohort = await repo.findCohort(tx, eventId);
  if (!cohort) throw problems.notFound('cohort');
  const course = (await repo.findCourse(tx, cohort.courseId))!;
  authorize(ctx.actor, 'read', 'training', course, { hideAs404: true });
  authorize(ctx.actor, 'graduates', 'training', course);
  return { cohort, course };
}

function presentCompletion(c: repo.CompletionRow | undefined) {
  if (!c) return null;
  return {
    state: c.state,
    completedOn: c.completedOn,
    sex: c.sex,
    countryCode: c.countryCode,
    organisationName: c.organisationName,
    language: c.language,
    certificateNumber: c.certificateNumber,
    certificateIssuedOn: c.certificateIssuedOn,
    version: c.version,
  };
}

/** A cohort's participants with their completion and follow-ups. */
export async function getCohort(ctx: Ctx, eventId: string) {
  const tx = ctx.database.db;
  const { cohort, course } = await managedCohort(ctx, tx, eventId);
  const [participants, completions, followUps] = await Promise.all([
    repo.participantsOf(tx, eventId),
    repo.completionsOf(tx, eventId),
    repo.followUpsOfEvent(tx, eventId),
  ]);
  const byParticipant = new Map(completions.map((c) => [c.participantId, c]));
  return {
    data: {
      eventId,
      courseId: course.id,
      courseTitle: labelOf(course.titles, ctx.locale, course.title),
      label: cohort.label,
      title: labelOf(cohort.titles, ctx.locale, cohort.title),
      startsLocal: localOf(cohort.startsAt, cohort.timeZone),
      endsLocal: localOf(cohort.endsAt, cohort.timeZone),
      countryCode: cohort.countryCode,
      followUpMonths: course.followUpMonths,
      participants: participants
        .filter((p) => p.status !== 'cancelled' && p.status !== 'declined')
        .map((p) => ({
          id: p.id,
          name: p.name,
          status: p.status,
          organisationName: p.organisationName,
          completion: presentCompletion(byParticipant.get(p.id)),
          followUps: followUps
            .filter((f) => f.participantId === p.id)
            .sort((a, b) => a.monthsAfter - b.monthsAfter)
            .map((f) => ({
              id: f.id,
              monthsAfter: f.monthsAfter,
              dueOn: f.dueOn,
              closed: !!f.closedAt,
              version: f.version,
            })),
        })),
    },
  };
}

export interface CompletionInput {
  state: CompletionState;
  completedOn?: string;
  sex?: Sex;
  countryCode?: string | null;
  organisationName?: string | null;
  language?: string;
  assigneeId?: string | null;
  /** The completion's version when it exists (a first record sends none). */
  version?: number;
}

/**
 * Records whether a participant completed the cohort. Marking "completed" schedules the course's
 * follow-ups (months after the cohort's last day, in its time zone); "did not complete" drops the
 * open ones and any certificate number stays only with a completion.
 */
export async function recordCompletion(
  ctx: Ctx,
  eventId: string,
  participantId: string,
  input: CompletionInput,
) {
  ctx.note({ action: 'training.completion', resourceType: 'training', resourceId: eventId });
  if (input.countryCode && !isCountryCode(input.countryCode))
    throw problems.validation([
      { field: 'body.countryCode', code: 'unknown_country', message: 'Not a country code' },
    ]);
  await ctx.database.db.transaction(async (tx) => {
    const { cohort, course } = await managedCohort(ctx, tx, eventId);
    const participant = await repo.findParticipant(tx, eventId, participantId);
    if (!participant)
      throw problems.validation([
        { field: 'participantId', code: 'not_a_participant', message: 'Not a participant of this cohort' },
      ]);
    if (input.assigneeId) {
      const user = await repo.userIn(tx, input.assigneeId);
      if (!user || user.organisationId !== course.organisationId)
        throw problems.validation([
          { field: 'body.assigneeId', code: 'unknown_user', message: 'No such colleague' },
        ]);
    }
    const lastDay = localOf(cohort.endsAt, cohort.timeZone).slice(0, 10);
    const completedOn = input.completedOn ?? lastDay;
    const current = await repo.findCompletion(tx, participantId, true);
    const values = {
      state: input.state,
      completedOn,
      sex: input.sex,
      countryCode: input.countryCode,
      organisationName: input.organisationName,
      language: input.language,
      ...(input.state === 'not_completed'
        ? { certificateNumber: null, certificateTokenHash: null, certificateIssuedOn: null }
        : {}),
    };
    const defined = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
    if (!current) {
      if (input.version !== undefined) throw problems.versionConflict();
      const created = await repo.insertCompletion(tx, {
        participantId,
        eventId,
        state: input.state,
        completedOn,
        countryCode: input.countryCode ?? cohort.countryCode,
        organisationName: input.organisationName ?? participant.organisationName,
        ...defined,
        recordedBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      });
      if (!created) throw problems.versionConflict();
    } else {
      if (input.version !== current.version) throw problems.versionConflict();
      await repo.updateCompletionIfVersion(tx, participantId, current.version, defined);
    }
    if (input.state === 'completed') {
      const assigneeId = input.assigneeId ?? (ctx.actor.kind === 'user' ? ctx.actor.userId : null);
      await repo.scheduleFollowUps(
        tx,
        course.followUpMonths.map((m) => ({
          participantId,
          eventId,
          monthsAfter: m,
          dueOn: addMonths(lastDay, m),
          assigneeId,
        })),
      );
    } else {
      await repo.dropOpenFollowUps(tx, participantId);
    }
  });
  return getCohort(ctx, eventId);
}

/** Withdraws a completion record (and its follow-ups and certificate). */
export async function deleteCompletion(ctx: Ctx, eventId: string, participantId: string, version: number) {
  ctx.note({ action: 'training.completion.delete', resourceType: 'training', resourceId: eventId });
  await ctx.database.db.transaction(async (tx) => {
    await managedCohort(ctx, tx, eventId);
    const current = await repo.findCompletion(tx, participantId, true);
    if (!current || current.eventId !== eventId) throw problems.notFound('completion');
    if (current.version !== version) throw problems.versionConflict();
    await repo.deleteCompletion(tx, participantId);
  });
}

/** A certificate number: the year, then 8 random characters; unique (the index says so). */
function certificateNumber(year: string) {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return `TUL-${year}-${[...bytes].map((b) => alphabet[b % alphabet.length]).join('')}`;
}

/**
 * Issues the certificate of a completed participant: a unique number and a private link for the
 * participant (the token is returned once; only its hash is kept). Issuing again keeps the number
 * and replaces the link, so a leaked link can be revoked.
 */
export async function issueCertificate(ctx: Ctx, eventId: string, participantId: string, version: number) {
  ctx.note({ action: 'training.certificate', resourceType: 'training', resourceId: eventId });
  const token = randomToken();
  const result = await ctx.database.db.transaction(async (tx) => {
    await managedCohort(ctx, tx, eventId);
    const current = await repo.findCompletion(tx, participantId, true);
    if (!current || current.eventId !== eventId) throw problems.notFound('completion');
    if (current.state !== 'completed')
      throw problems.conflict(
        'not_completed',
        'Only a participant who completed the course gets a certificate.',
      );
    const today = new Date().toISOString().slice(0, 10);
    for (let attempt = 0; attempt < 5; attempt++) {
      const number = current.certificateNumber ?? certificateNumber(today.slice(0, 4));
      if (!current.certificateNumber && (await repo.completionByNumber(tx, number))) continue;
      const row = await repo.updateCompletionIfVersion(tx, participantId, version, {
        certificateNumber: number,
        certificateTokenHash: sha256(token),
        certificateIssuedOn: current.certificateIssuedOn ?? today,
      });
      if (!row) throw problems.versionConflict();
      return row;
    }
    throw problems.conflict('certificate_number_taken', 'Try again.');
  });
  return {
    data: {
      certificateNumber: result.certificateNumber!,
      version: result.version,
      link: `${ctx.config.publicUrl}/certificates/${token}`,
    },
  };
}

async function certificatePdf(ctx: Ctx, completion: repo.CompletionRow) {
  const tx = ctx.database.db;
  const cohort = (await repo.findCohort(tx, completion.eventId))!;
  const course = (await repo.findCourse(tx, cohort.courseId))!;
  const participant = (await repo.findParticipant(tx, completion.eventId, completion.participantId))!;
  const lang = completion.language;
  // Loaded on use: the typesetting engine is heavy and only certificates and yearbooks need it.
  const { typesetCertificate, TypesetError } = await import('../../platform/typeset/typeset.ts');
  try {
    return await typesetCertificate({
      language: lang,
      participantName: participant.name,
      courseTitle: labelOf(course.titles, lang, course.title),
      cohortLabel: cohort.label ?? undefined,
      startDate: localOf(cohort.startsAt, cohort.timeZone).slice(0, 10),
      endDate: localOf(cohort.endsAt, cohort.timeZone).slice(0, 10),
      place:
        [cohort.city, cohort.countryCode ? countryName(cohort.countryCode, lang) : null]
          .filter(Boolean)
          .join(', ') || undefined,
      issuer: course.issuer || course.title,
      certificateNumber: completion.certificateNumber!,
      issuedOn: completion.certificateIssuedOn!,
    });
  } catch (error) {
    // The engine's limits and failures are the server's condition, not the reader's: 503, retry later.
    if (error instanceof TypesetError)
      throw new Problem(
        error.reason === 'invalid' || error.reason === 'too_large' ? 422 : 503,
        `typeset_${error.reason}`,
        msg('The certificate could not be made. Try again later.'),
      );
    throw error;
  }
}

/** Staff download a certificate by its number. */
export async function certificateByNumber(ctx: Ctx, number: string) {
  const completion = await repo.completionByNumber(ctx.database.db, number);
  if (!completion) throw problems.notFound('certificate');
  await managedCohort(ctx, ctx.database.db, completion.eventId);
  return { number, pdf: await certificatePdf(ctx, completion) };
}

/** The participant's own private link; a forged or revoked token is a plain 404. */
export async function certificateByToken(ctx: Ctx, token: string) {
  const completion = await repo.completionByToken(ctx.database.db, sha256(token));
  if (!completion?.certificateNumber || completion.state !== 'completed')
    throw problems.notFound('certificate');
  return { number: completion.certificateNumber, pdf: await certificatePdf(ctx, completion) };
}
