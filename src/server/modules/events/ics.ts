import { localOf, offsetMinutes, transitionsBetween } from './zones.ts';

// iCalendar (RFC 5545) written by hand: text escaped (§3.3.11), lines folded at 75 octets
// (§3.1), times as local times with a TZID whose VTIMEZONE lists the zone's actual offset
// changes over the years the feed covers, so any reader places them right across DST changes.

export interface IcsEvent {
  id: string;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  location: string;
  url: string;
  kind: string;
  updatedAt: Date;
  cancelled?: boolean;
}

function escapeText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n');
}

/** Folds a content line into chunks of at most 75 octets, never splitting a UTF-8 character. */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    const limit = out.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

const basic = (local: string) => `${local.replace(/[-:]/g, '')}00`;
const utcStamp = (d: Date) => `${d.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;
function offset(minutes: number) {
  const sign = minutes < 0 ? '-' : '+';
  const m = Math.abs(minutes);
  return `${sign}${String(Math.floor(m / 60)).padStart(2, '0')}${String(m % 60).padStart(2, '0')}`;
}

/** A VTIMEZONE for a zone with every offset change between two instants (one observance each). */
export function vtimezone(zone: string, from: number, to: number): string[] {
  const initial = offsetMinutes(from, zone);
  const lines = [
    'BEGIN:VTIMEZONE',
    `TZID:${zone}`,
    'BEGIN:STANDARD',
    `DTSTART:${basic(localOf(new Date(from), zone))}`,
    `TZOFFSETFROM:${offset(initial)}`,
    `TZOFFSETTO:${offset(initial)}`,
    'END:STANDARD',
  ];
  for (const change of transitionsBetween(zone, from, to)) {
    const kind = change.to > change.from ? 'DAYLIGHT' : 'STANDARD';
    // The onset is the local time just before the change, in the offset it changes from.
    const onset = new Date(change.at + change.from * 60_000).toISOString().slice(0, 16);
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${basic(onset)}`,
      `TZOFFSETFROM:${offset(change.from)}`,
      `TZOFFSETTO:${offset(change.to)}`,
      `END:${kind}`,
    );
  }
  lines.push('END:VTIMEZONE');
  return lines;
}

const YEAR = 366 * 86_400_000;

/** A whole calendar: one VTIMEZONE per zone used, spanning the events' years, then the events. */
export function calendar(name: string, events: IcsEvent[]): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Tulay//Events//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(name)}`,
  ];
  const zones = new Map<string, { from: number; to: number }>();
  for (const e of events) {
    const span = zones.get(e.timeZone);
    const from = e.startsAt.getTime() - YEAR;
    const to = e.endsAt.getTime() + YEAR;
    zones.set(
      e.timeZone,
      span ? { from: Math.min(span.from, from), to: Math.max(span.to, to) } : { from, to },
    );
  }
  for (const [zone, span] of zones) lines.push(...vtimezone(zone, span.from, span.to));
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.id}@tulay`,
      `DTSTAMP:${utcStamp(e.updatedAt)}`,
      `LAST-MODIFIED:${utcStamp(e.updatedAt)}`,
      `DTSTART;TZID=${e.timeZone}:${basic(localOf(e.startsAt, e.timeZone))}`,
      `DTEND;TZID=${e.timeZone}:${basic(localOf(e.endsAt, e.timeZone))}`,
      `SUMMARY:${escapeText(e.title)}`,
      `CATEGORIES:${escapeText(e.kind)}`,
      `STATUS:${e.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    );
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
    if (e.url) lines.push(`URL:${e.url}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
