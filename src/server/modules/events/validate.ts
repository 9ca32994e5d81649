import type { Tx } from '../../db/client.ts';
import type { FieldError } from '../../platform/http/problem.ts';
import { problems } from '../../platform/http/problem.ts';
import { isCountryCode } from '../geography/countries.ts';
import { termsOf } from '../vocabularies/service.ts';
import * as repo from './repository.ts';
import { instantOf, isTimeZone } from './zones.ts';

export interface SessionInput {
  id?: string;
  title: string;
  startsLocal: string;
  endsLocal: string;
  room?: string | null;
  speakerIds?: string[];
}

export interface EventTimes {
  startsLocal: string;
  endsLocal: string;
  timeZone: string;
}

export interface CheckedInput {
  kindCode?: string;
  countryCode?: string | null;
  programmeId?: string | null;
  organisers?: string[];
  partners?: string[];
  documentIds?: string[];
  sessions?: SessionInput[];
}

/**
 * The event's times as instants: the zone must be one the runtime knows, each local time must exist
 * in it (not in the hour skipped by a clock change), and the end must come after the start.
 */
export function resolveTimes(t: EventTimes, errors: FieldError[], prefix = 'body') {
  if (!isTimeZone(t.timeZone)) {
    errors.push({ field: `${prefix}.timeZone`, code: 'unknown_time_zone', message: 'Not an IANA time zone' });
    return undefined;
  }
  const startsAt = instantOf(t.startsLocal, t.timeZone);
  const endsAt = instantOf(t.endsLocal, t.timeZone);
  if (!startsAt)
    errors.push({
      field: `${prefix}.startsLocal`,
      code: 'nonexistent_local_time',
      message: 'This time does not exist in the zone',
    });
  if (!endsAt)
    errors.push({
      field: `${prefix}.endsLocal`,
      code: 'nonexistent_local_time',
      message: 'This time does not exist in the zone',
    });
  if (startsAt && endsAt && endsAt <= startsAt)
    errors.push({
      field: `${prefix}.endsLocal`,
      code: 'end_before_start',
      message: 'The end must come after the start',
    });
  return startsAt && endsAt ? { startsAt, endsAt } : undefined;
}

/** Checks codes and references against the vocabularies and the directory; collects every error. */
export async function checkReferences(tx: Tx, input: CheckedInput, timeZone: string, errors: FieldError[]) {
  if (input.kindCode !== undefined) {
    const kinds = await termsOf(tx, 'event_kind');
    if (!kinds.some((k) => k.code === input.kindCode && !k.retired))
      errors.push({ field: 'body.kindCode', code: 'unknown_code', message: 'Not an event kind' });
  }
  if (input.countryCode && !isCountryCode(input.countryCode))
    errors.push({ field: 'body.countryCode', code: 'unknown_country', message: 'Not a country code' });
  if (input.programmeId && !(await repo.programmeExists(tx, input.programmeId)))
    errors.push({ field: 'body.programmeId', code: 'unknown_programme', message: 'No such programme' });
  const orgIds = [...(input.organisers ?? []), ...(input.partners ?? [])];
  const foundOrgs = new Set((await repo.organisationsNamed(tx, orgIds)).map((o) => o.id));
  for (const id of orgIds)
    if (!foundOrgs.has(id))
      errors.push({
        field: 'body.organisers',
        code: 'unknown_organisation',
        message: `No organisation ${id}`,
      });
  const docs = new Set((await repo.publicationsNamed(tx, input.documentIds ?? [])).map((d) => d.id));
  for (const id of input.documentIds ?? [])
    if (!docs.has(id))
      errors.push({
        field: 'body.documentIds',
        code: 'unknown_publication',
        message: `No publication ${id}`,
      });
  const sessions = [];
  const speakerIds = [...new Set((input.sessions ?? []).flatMap((s) => s.speakerIds ?? []))];
  const speakers = new Set((await repo.peopleNamed(tx, speakerIds)).map((p) => p.id));
  for (const [i, s] of (input.sessions ?? []).entries()) {
    for (const id of s.speakerIds ?? [])
      if (!speakers.has(id))
        errors.push({
          field: `body.sessions.${i}.speakerIds`,
          code: 'unknown_person',
          message: `No person ${id}`,
        });
    const times = resolveTimes(
      { startsLocal: s.startsLocal, endsLocal: s.endsLocal, timeZone },
      errors,
      `body.sessions.${i}`,
    );
    if (times)
      sessions.push({
        id: s.id,
        title: s.title,
        room: s.room ?? null,
        speakerIds: [...new Set(s.speakerIds ?? [])],
        ...times,
      });
  }
  return { sessions };
}

export function throwIfAny(errors: FieldError[]) {
  if (errors.length) throw problems.validation(errors);
}

/** A readable address for an event: ASCII words of the title and the year. */
export function slugFrom(title: string, startsAt: Date): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${words || 'event'}-${startsAt.getUTCFullYear()}`;
}

export async function uniqueSlug(tx: Tx, base: string, exceptId?: string): Promise<string> {
  for (let n = 1; ; n += 1) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await repo.slugTaken(tx, slug, exceptId))) return slug;
  }
}
