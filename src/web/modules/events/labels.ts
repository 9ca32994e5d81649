import { msg } from '../../app/capability.ts';

export const STATUS_LABELS: Record<string, string> = {
  invited: msg('Invited'),
  accepted: msg('Accepted'),
  declined: msg('Declined'),
  registered: msg('Registered'),
  waitlisted: msg('Waiting list'),
  cancelled: msg('Cancelled'),
};

export const MATCH_LABELS: Record<string, string> = {
  linked: msg('In the directory'),
  review: msg('To review: may be in the directory'),
  unmatched: msg('Not in the directory'),
};

/** A local date-time (`2026-03-20T09:00`) written for people, without converting it. */
export function localText(local: string, language: string): string {
  const [date, time] = local.split('T');
  const [y, m, d] = date!.split('-').map(Number);
  const day = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y!, m! - 1, d!)),
  );
  return `${day} ${time}`;
}

/** An instant in the viewer's own zone, with the zone named. */
export function viewerText(iso: string, language: string): string {
  // dateStyle and timeStyle cannot be combined with timeZoneName: the fields are named one by one.
  return new Intl.DateTimeFormat(language, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(iso));
}
