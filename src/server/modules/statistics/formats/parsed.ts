import { countryByCode, resolveCountry } from '../../geography/countries.ts';
import { BUILT_IN_GROUPINGS } from '../../geography/groupings.ts';

/** One figure read from a file, before it is matched against the database. */
export interface ParsedObservation {
  /** The file's line (CSV) or row (workbook) number, counted from 1 as a spreadsheet shows it. */
  line: number;
  indicator: string;
  indicatorLabel?: string;
  unit?: string;
  /** Set by formats that know it (UN DESA: a stock); others leave it to the indicator. */
  flow?: IndicatorFlow;
  area: string;
  counterpart: string;
  period: string;
  sex: 'T' | 'F' | 'M';
  classification: string;
  value: number;
  status: string;
  note: string;
}

export interface Refusal {
  line: number;
  reason: string;
}

/** What a file held: figures, rows refused (with reasons) and rows skipped on purpose (counted by reason). */
export interface ParsedFile {
  format: StatisticsFormat;
  observations: ParsedObservation[];
  refused: Refusal[];
  skipped: Record<string, number>;
}

export const INDICATOR_FLOWS = ['stock', 'inflow', 'outflow', 'other'] as const;
export type IndicatorFlow = (typeof INDICATOR_FLOWS)[number];

export const STATISTICS_FORMATS = ['ilostat', 'undesa', 'tulay'] as const;
export type StatisticsFormat = (typeof STATISTICS_FORMATS)[number];

/** A file that cannot be read as its format at all: nothing of it is kept. */
export class StatisticsFileError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** At most this many refused rows are kept to show; the count covers them all. */
export const REFUSED_SHOWN = 500;

export class FileReading {
  readonly observations: ParsedObservation[] = [];
  readonly refused: Refusal[] = [];
  readonly skipped: Record<string, number> = {};
  refusedCount = 0;
  private readonly keys = new Map<string, number>();

  constructor(readonly format: StatisticsFormat) {}

  refuse(line: number, reason: string) {
    this.refusedCount++;
    if (this.refused.length < REFUSED_SHOWN) this.refused.push({ line, reason });
  }

  skip(reason: string) {
    this.skipped[reason] = (this.skipped[reason] ?? 0) + 1;
  }

  /** Adds a figure unless the file already gave one for the same key (then the later row is refused). */
  add(o: ParsedObservation) {
    const key = [o.indicator, o.area, o.counterpart, o.period, o.sex, o.classification].join('\u0000');
    const first = this.keys.get(key);
    if (first !== undefined) return this.refuse(o.line, `The same figure is already on line ${first}.`);
    this.keys.set(key, o.line);
    this.observations.push(o);
  }

  result(): ParsedFile & { refusedCount: number } {
    return {
      format: this.format,
      observations: this.observations,
      refused: this.refused,
      skipped: this.skipped,
      refusedCount: this.refusedCount,
    };
  }
}

const GROUPING_CODES = new Set(BUILT_IN_GROUPINGS.map((g) => g.code));

/**
 * A reference or counterpart area as Tulay keeps it: ISO alpha-2 for a country (from alpha-2,
 * alpha-3, M49 or a name), a grouping's code as it is. Network regions are checked later, against
 * the database; here any lower-case code passes.
 */
export function areaCode(text: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  if (GROUPING_CODES.has(trimmed.toLowerCase())) return trimmed.toLowerCase();
  const country = resolveCountry(trimmed);
  if (country && countryByCode(country)) return country;
  if (/^[a-z0-9][a-z0-9_-]{0,62}$/.test(trimmed)) return trimmed;
  return undefined;
}

/** A plain decimal number as files write it: `1234`, `-5.5`, `1.2e3`; no thousands separators. */
export function numberOf(text: string): number | undefined {
  const t = text.trim();
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

/** `2020`, `2020-03`, `2020M03` → `2020` / `2020-03`; anything else undefined. */
export function periodOf(text: string): string | undefined {
  const m = /^(\d{4})(?:[-M](\d{2}))?$/.exec(text.trim());
  if (!m) return undefined;
  const year = Number(m[1]);
  if (year < 1800 || year > 2200) return undefined;
  if (m[2] === undefined) return m[1];
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? `${m[1]}-${m[2]}` : undefined;
}

/** Sex as ILOSTAT codes it (`SEX_T`), as a letter, or as an English word. */
export function sexOf(text: string): 'T' | 'F' | 'M' | undefined {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/^sex[_:]\s*/, '');
  if (t === '' || t === 't' || t === 'total' || t === 'both sexes') return 'T';
  if (t === 'f' || t === 'female' || t === 'females' || t === 'women') return 'F';
  if (t === 'm' || t === 'male' || t === 'males' || t === 'men') return 'M';
  return undefined;
}

/** Cuts a text a file gave to a size the database keeps, without splitting a character. */
export function clip(text: string, max = 2000): string {
  const t = text.trim();
  return t.length <= max ? t : Array.from(t).slice(0, max).join('');
}

/** The grouping whose English name is `name` (a region row of a published table), if Tulay has one. */
export function groupingNamed(name: string): string | undefined {
  const wanted = name.trim().toLowerCase();
  return BUILT_IN_GROUPINGS.find((g) => g.labels.en?.toLowerCase() === wanted)?.code;
}
