// Time zones without a library: IANA zones as the runtime knows them (Intl), local wall-clock
// times converted to instants and back, and the offset changes a calendar needs (VTIMEZONE).

let known: Set<string> | undefined;
/** The IANA zones this runtime knows (`Intl.supportedValuesOf('timeZone')`), plus UTC. */
export function isTimeZone(zone: string): boolean {
  known ??= new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']);
  return known.has(zone);
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(zone: string) {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallAt(instant: number, zone: string): Wall {
  const parts = Object.fromEntries(
    partsFormatter(zone)
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** The zone's offset from UTC at an instant, in minutes (Geneva in summer: 120). */
export function offsetMinutes(instant: number, zone: string): number {
  const w = wallAt(instant, zone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The wall-clock time of an instant in a zone, as `YYYY-MM-DDTHH:mm`. */
export function localOf(instant: Date, zone: string): string {
  const w = wallAt(instant.getTime(), zone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

export const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * The instant a wall-clock time names in a zone, or null when that time does not exist there (the
 * hour skipped when clocks go forward). In the hour repeated when clocks go back, the first
 * (daylight) occurrence is meant.
 */
export function instantOf(local: string, zone: string): Date | null {
  const m = LOCAL_TIME.exec(local);
  if (!m) return null;
  const asUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  if (Number.isNaN(asUtc)) return null;
  // Try the offsets in force a day either side: one of them is the offset at the wanted instant.
  const offsets = new Set([offsetMinutes(asUtc - 86_400_000, zone), offsetMinutes(asUtc + 86_400_000, zone)]);
  const candidates = [...offsets]
    .map((o) => asUtc - o * 60_000)
    .filter((instant) => localOf(new Date(instant), zone) === local)
    .sort((a, b) => a - b);
  return candidates.length ? new Date(candidates[0]!) : null;
}

/** The local calendar dates an event covers in its zone (`YYYY-MM-DD`), first to last. */
export function daysOf(startsAt: Date, endsAt: Date, zone: string, max = 60): string[] {
  const first = localOf(startsAt, zone).slice(0, 10);
  // An event ending at midnight does not take the next day.
  const last = localOf(new Date(endsAt.getTime() - 1), zone).slice(0, 10);
  const days: string[] = [];
  for (let d = new Date(`${first}T00:00:00Z`); days.length < max; d = new Date(d.getTime() + 86_400_000)) {
    const day = d.toISOString().slice(0, 10);
    days.push(day);
    if (day >= last) break;
  }
  return days;
}

export interface Transition {
  /** The instant the offset changes. */
  at: number;
  from: number;
  to: number;
}

/** Every offset change of a zone between two instants (to the minute). */
export function transitionsBetween(zone: string, from: number, to: number): Transition[] {
  const out: Transition[] = [];
  const step = 86_400_000;
  let before = offsetMinutes(from, zone);
  for (let t = from; t < to; t += step) {
    const next = Math.min(t + step, to);
    const after = offsetMinutes(next, zone);
    if (after === before) continue;
    let lo = t;
    let hi = next;
    while (hi - lo > 60_000) {
      const mid = Math.floor((lo + hi) / 2 / 60_000) * 60_000;
      if (offsetMinutes(mid, zone) === before) lo = mid;
      else hi = mid;
    }
    out.push({ at: hi, from: before, to: after });
    before = after;
  }
  return out;
}
