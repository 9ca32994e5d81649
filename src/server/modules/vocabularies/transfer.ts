import { LOCALE_CODES } from '../../../shared/locales.ts';
import { line as oneLine, text } from '../../../shared/schemas.ts';
import { authorize } from '../../platform/access/policy.ts';
import { tooCostlyProblem, WorkLimitError } from '../../platform/files/work-pool.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { toCsv } from '../../platform/http/csv.ts';
import { type FieldError, Problem, problems } from '../../platform/http/problem.ts';
import type { Table } from '../directory/tabular.ts';
import * as repo from './repository.ts';
import type { Labels } from './schema.ts';
import { MAX_TERM_DEPTH, termsOf, tooDeep } from './service.ts';

// CSV import and export of one vocabulary: code, parent_code, position, label_<lang>…, scope_note, retired.

const msg = (s: string) => s;

/** An import with errors writes nothing: the whole file is refused with every error listed. */
export const importRejected = (errors: FieldError[]) =>
  new Problem(
    422,
    'import_has_errors',
    msg('The import has errors; nothing was written.'),
    undefined,
    errors,
  );

const CODE = /^[a-z0-9][a-z0-9_.-]{0,62}$/;

/** The vocabulary as CSV, one term per row, parents before their children. */
export async function exportVocabularyCsv(ctx: Ctx, key: string): Promise<string> {
  authorize(ctx.actor, 'export', 'vocabulary');
  if (!(await repo.findVocabulary(ctx.database.db, key))) throw problems.notFound('vocabulary');
  const terms = await termsOf(ctx.database.db, key, 'en', true);
  const used = new Set(terms.flatMap((t) => Object.keys(t.labels)));
  const languages = [...new Set([...LOCALE_CODES, ...[...used].sort()])].filter(
    (l) => l === 'en' || used.has(l),
  );
  const header = [
    'code',
    'parent_code',
    'position',
    ...languages.map((l) => `label_${l}`),
    'scope_note',
    'retired',
  ];
  const rows = terms.map((t) => [
    t.code,
    t.parentCode ?? '',
    t.position,
    ...languages.map((l) => t.labels[l] ?? ''),
    t.scopeNote ?? '',
    t.retired ? 'yes' : '',
  ]);
  return toCsv(header, rows);
}

/**
 * A row of the file. A column the file lacks leaves that part of an existing term as it is
 * (undefined here), so a file of codes and Filipino labels adds labels without moving terms.
 */
interface ParsedTerm {
  line: number;
  code: string;
  parentCode?: string | null;
  position?: number;
  /** Only the languages the file has columns for; an empty cell removes that language. */
  labels: Record<string, string | null>;
  scopeNote?: string | null;
  retired?: boolean;
}

export interface VocabularyImportResult {
  dryRun: boolean;
  created: string[];
  updated: string[];
  unchanged: string[];
  errors: FieldError[];
}

/**
 * A label column's language as labels are keyed: `label_FIL` is `fil`, `label_zh-hant` is `zh-Hant`
 * (BCP 47 case: language lower, script title, region upper), so a spreadsheet that changed the
 * case of a header still matches the labels it exported.
 */
function languageTag(tag: string | undefined): string | undefined {
  if (!tag) return undefined;
  const [language, sub] = tag.split('-') as [string, string | undefined];
  if (!sub) return language.toLowerCase();
  const subtag = sub.length === 4 ? sub[0]!.toUpperCase() + sub.slice(1).toLowerCase() : sub.toUpperCase();
  return `${language.toLowerCase()}-${subtag}`;
}

function parseTerms(table: Table): { terms: ParsedTerm[]; errors: FieldError[] } {
  const col = (name: string) => table.header.findIndex((h) => h.trim().toLowerCase() === name);
  const code = col('code');
  if (code < 0)
    throw problems.validation([
      { field: 'file', code: 'missing_column', message: 'The file needs a "code" column' },
    ]);
  const labelColumns = table.header
    .map((h, i) => ({ lang: languageTag(/^label_([a-z]{2,3}(?:-[a-z]{2,4})?)$/i.exec(h.trim())?.[1]), i }))
    .filter((c): c is { lang: string; i: number } => Boolean(c.lang));
  const [parentCol, positionCol, scopeCol, retiredCol] = [
    'parent_code',
    'position',
    'scope_note',
    'retired',
  ].map(col) as [number, number, number, number];
  const errors: FieldError[] = [];
  const terms: ParsedTerm[] = [];
  const seen = new Set<string>();
  for (const [index, row] of table.rows.entries()) {
    const line = index + 2;
    const cell = (i: number) => (row[i] ?? '').trim();
    /** The cell of a column the file has, or undefined when it has no such column. */
    const given = <T>(i: number, read: (raw: string) => T) => (i >= 0 ? read(cell(i)) : undefined);
    const termCode = cell(code).toLowerCase();
    const fail = (field: string, errorCode: string, message: string) =>
      errors.push({ field: `line ${line}.${field}`, code: errorCode, message });
    if (!CODE.test(termCode)) {
      fail('code', 'invalid_code', `Invalid code "${termCode}"`);
      continue;
    }
    if (seen.has(termCode)) {
      fail('code', 'duplicate_code', `Code "${termCode}" appears twice`);
      continue;
    }
    seen.add(termCode);
    const labels: Record<string, string | null> = {};
    for (const c of labelColumns) labels[c.lang] = cell(c.i).slice(0, 200) || null;
    // The same text rules as the API's (NUL, unpaired surrogates, control characters), per row.
    for (const c of labelColumns) {
      const issue = labels[c.lang] ? oneLine(200).safeParse(labels[c.lang]).error?.issues[0] : undefined;
      if (issue) fail(`label_${c.lang}`, issueCode(issue), issue.message);
    }
    const scopeIssue = scopeCol >= 0 ? text(2000).safeParse(cell(scopeCol)).error?.issues[0] : undefined;
    if (scopeIssue) fail('scope_note', issueCode(scopeIssue), scopeIssue.message);
    const position = given(positionCol, (raw) => (raw ? Number(raw) : undefined));
    if (position !== undefined && (!Number.isInteger(position) || position < 0 || position > 1_000_000))
      fail('position', 'invalid_position', 'The position must be a whole number from 0 to 1000000');
    terms.push({
      line,
      code: termCode,
      parentCode: given(parentCol, (raw) => raw.toLowerCase() || null),
      position: position !== undefined && Number.isInteger(position) ? position : undefined,
      labels,
      scopeNote: given(scopeCol, (raw) => raw.slice(0, 2000) || null),
      retired: given(retiredCol, (raw) => /^(yes|true|1|x)$/i.test(raw)),
    });
  }
  return { terms, errors };
}

/** The stable code of a text schema's complaint (`unstorable_text`, `control_characters`). */
function issueCode(issue: { code: string; params?: { code?: string } }): string {
  return issue.params?.code ?? issue.code;
}

type Existing = Awaited<ReturnType<typeof repo.listTerms>>[number];

/** A row with what the file leaves out taken from the term as it is (or defaults for a new one). */
function resolved(
  t: ParsedTerm,
  old: Existing | undefined,
  parentCodeOf: (id: string) => string | undefined,
) {
  const labels: Labels = { ...(old?.labels ?? {}) };
  for (const [lang, label] of Object.entries(t.labels)) {
    if (label) labels[lang] = label;
    else delete labels[lang];
  }
  return {
    parentCode:
      t.parentCode !== undefined ? t.parentCode : old?.parentId ? (parentCodeOf(old.parentId) ?? null) : null,
    position: t.position ?? old?.position,
    labels,
    scopeNote: t.scopeNote !== undefined ? t.scopeNote : (old?.scopeNote ?? null),
    retired: t.retired ?? (old ? old.retiredAt !== null : false),
  };
}

const sameLabels = (a: Labels, b: Labels) =>
  Object.keys({ ...a, ...b }).every((k) => (a[k] ?? '') === (b[k] ?? ''));

/**
 * The tree the file would leave, checked before anything is written (so the dry run and the import
 * say the same): every parent chain must reach a top-level term, within MAX_TERM_DEPTH levels.
 */
function checkTree(
  rows: { line: number; code: string; parentCode: string | null }[],
  existing: Map<string, Existing>,
  codeOfId: Map<string, string>,
  errors: FieldError[],
) {
  const parentOf = new Map<string, string | null>();
  for (const t of existing.values())
    parentOf.set(t.code, t.parentId ? (codeOfId.get(t.parentId) ?? null) : null);
  for (const t of rows) parentOf.set(t.code, t.parentCode);
  const depth = new Map<string, number>();
  const depthOf = (code: string): number => {
    // Walks up until a known depth or a root; a chain that comes back on itself is a loop.
    const chain: string[] = [];
    const seen = new Set<string>();
    let at: string | null | undefined = code;
    while (at && !depth.has(at) && !seen.has(at) && parentOf.has(at)) {
      seen.add(at);
      chain.push(at);
      at = parentOf.get(at);
    }
    let d = at && depth.has(at) ? depth.get(at)! : at && seen.has(at) ? Number.POSITIVE_INFINITY : -1;
    for (let i = chain.length - 1; i >= 0; i--) {
      d += 1;
      depth.set(chain[i]!, d);
    }
    return depth.get(code)!;
  };
  for (const t of rows) {
    if (t.parentCode === t.code) continue; // reported as its own parent already
    const d = depthOf(t.code);
    if (d === Number.POSITIVE_INFINITY)
      errors.push({
        field: `line ${t.line}.parent_code`,
        code: 'cycle',
        message: 'The parent codes form a loop',
      });
    else if (d > MAX_TERM_DEPTH) errors.push(tooDeep(`line ${t.line}.parent_code`));
  }
}

/** Creates and updates terms from CSV, all or nothing; with `dryRun` it only reports what would change. */
export async function importVocabularyCsv(
  ctx: Ctx,
  key: string,
  bytes: Uint8Array,
  dryRun: boolean,
): Promise<VocabularyImportResult> {
  authorize(ctx.actor, 'import', 'vocabulary');
  ctx.note({ action: 'vocabulary.import', resourceType: 'vocabulary', resourceId: key, details: { dryRun } });
  // Parsed on a file-work thread: a large CSV no longer holds the event loop.
  const table = await ctx.fileWork
    .run('table', { bytes, fileName: 'vocabulary.csv', csv: true })
    .catch((error) => {
      throw error instanceof WorkLimitError ? tooCostlyProblem(error) : error;
    });
  const { terms, errors } = parseTerms(table);
  return ctx.database.db.transaction(async (tx) => {
    if (!(await repo.findVocabulary(tx, key))) throw problems.notFound('vocabulary');
    const existing = new Map((await repo.listTerms(tx, key)).map((t) => [t.code, t]));
    const codes = new Set([...existing.keys(), ...terms.map((t) => t.code)]);
    const idOf = new Map([...existing.values()].map((t) => [t.code, t.id]));
    const codeOfId = new Map([...existing.values()].map((t) => [t.id, t.code]));
    // New terms without a position go after every term there is, in the order of the file.
    let next = Math.max(0, ...[...existing.values()].map((t) => t.position)) + 10;
    const rows = terms.map((t) => {
      const r = resolved(t, existing.get(t.code), (id) => codeOfId.get(id));
      const position = r.position ?? next;
      if (r.position === undefined) next += 10;
      return { ...t, ...r, position };
    });
    for (const t of rows) {
      const fail = (field: string, code: string, message: string) =>
        errors.push({ field: `line ${t.line}.${field}`, code, message });
      if (!t.labels.en) fail('label_en', 'missing_label', 'An English label is required');
      if (t.parentCode && !codes.has(t.parentCode))
        fail('parent_code', 'unknown_term', `No term "${t.parentCode}"`);
      if (t.parentCode === t.code) fail('parent_code', 'cycle', 'A term cannot be its own parent');
    }
    checkTree(rows, existing, codeOfId, errors);
    const result: VocabularyImportResult = { dryRun, created: [], updated: [], unchanged: [], errors };
    for (const t of rows) {
      const old = existing.get(t.code);
      if (!old) result.created.push(t.code);
      else {
        const same =
          sameLabels(old.labels, t.labels) &&
          old.position === t.position &&
          (old.scopeNote ?? null) === t.scopeNote &&
          (old.parentId ? codeOfId.get(old.parentId) : null) === t.parentCode &&
          (old.retiredAt !== null) === t.retired;
        (same ? result.unchanged : result.updated).push(t.code);
      }
    }
    if (dryRun) return result;
    if (errors.length > 0) throw importRejected(errors);
    // Insert new terms first without parents, then set every parent: rows may name parents further
    // down. A few statements per thousand rows, not two per row.
    const created = await repo.insertTerms(
      tx,
      rows
        .filter((x) => !existing.has(x.code))
        .map((t) => ({
          vocabularyKey: key,
          code: t.code,
          position: t.position,
          labels: t.labels,
          scopeNote: t.scopeNote,
        })),
    );
    for (const [code, id] of created) idOf.set(code, id);
    const unchanged = new Set(result.unchanged);
    await repo.updateTerms(
      tx,
      rows
        .filter((t) => !unchanged.has(t.code))
        .map((t) => ({
          id: idOf.get(t.code)!,
          parentId: t.parentCode ? idOf.get(t.parentCode)! : null,
          position: t.position,
          labels: t.labels,
          scopeNote: t.scopeNote,
          retiredAt: t.retired ? (existing.get(t.code)?.retiredAt ?? new Date()) : null,
        })),
    );
    const tree = await termsOf(tx, key, 'en', true);
    if (tree.length !== codes.size) {
      throw problems.validation([{ field: 'file', code: 'cycle', message: 'The parent codes form a loop' }]);
    }
    return result;
  });
}
