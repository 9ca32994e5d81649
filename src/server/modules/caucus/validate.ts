import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { can } from '../../platform/access/policy.ts';
import '../events/policy.ts';
import { type FieldError, problems } from '../../platform/http/problem.ts';
import { isCountryCode } from '../geography/countries.ts';
import * as repo from './repository.ts';

/** The first and last day a partial date covers: '2011' runs from 2011-01-01 to 2011-12-31. */
export const firstDay = (d: string) => (d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d);
export const lastDay = (d: string) => (d.length === 4 ? `${d}-12-31` : d.length === 7 ? `${d}-31` : d);

export function throwIfAny(errors: FieldError[]) {
  if (errors.length) throw problems.validation(errors);
}

/** An end before the start is refused; partial dates compare by the days they cover. */
export function checkDates(d: { startDate?: string | null; endDate?: string | null }, errors: FieldError[]) {
  if (d.startDate && d.endDate && lastDay(d.endDate) < firstDay(d.startDate))
    errors.push({ field: 'body.endDate', code: 'end_before_start', message: 'The end is before the start' });
}

/** Is a membership running on the given day (YYYY-MM-DD)? Open ends run on. */
export const runsOn = (m: { startDate: string | null; endDate: string | null }, day: string) =>
  (!m.startDate || firstDay(m.startDate) <= day) && (!m.endDate || lastDay(m.endDate) >= day);

export function checkCountry(code: string | null | undefined, errors: FieldError[]) {
  if (code && !isCountryCode(code))
    errors.push({ field: 'body.countryCode', code: 'unknown_country', message: 'Not an ISO 3166 country' });
}

/**
 * Organisations a record points to exist (not merged away) and, where it matters, are of the right
 * directory type: a post is in a parliament, a membership or resolution belongs to a caucus.
 */
export async function checkOrganisations(
  tx: Tx,
  refs: { field: string; id: string | null | undefined; type?: string }[],
  errors: FieldError[],
) {
  const wanted = refs.filter((r) => r.id);
  const found = new Map(
    (
      await repo.organisationsNamed(
        tx,
        wanted.map((r) => r.id!),
      )
    ).map((o) => [o.id, o]),
  );
  for (const r of wanted) {
    const o = found.get(r.id!);
    if (!o || o.mergedIntoId)
      errors.push({ field: r.field, code: 'unknown_organisation', message: 'No such organisation' });
    else if (r.type && o.typeCode !== r.type)
      errors.push({
        field: r.field,
        code: `not_a_${r.type}`,
        message: `This organisation is not of the directory type "${r.type}"`,
      });
  }
}

export async function checkPeople(tx: Tx, refs: { field: string; id: string }[], errors: FieldError[]) {
  const found = new Set(
    (
      await repo.peopleNamed(
        tx,
        refs.map((r) => r.id),
      )
    ).map((p) => p.id),
  );
  for (const r of refs)
    if (!found.has(r.id)) errors.push({ field: r.field, code: 'unknown_person', message: 'No such person' });
}

/**
 * May this person see the caucus meeting? Events keep their own rule (events/policy.ts): public
 * ones for everyone, private ones for their organisation and network administrators. A meeting
 * the person may not read is neither offered, shown nor exported to them.
 */
export const seesMeeting = (actor: Actor, e: { visibility: 'public' | 'private'; organisationId: string }) =>
  e.visibility === 'public' || can(actor, 'read', 'event', e);
