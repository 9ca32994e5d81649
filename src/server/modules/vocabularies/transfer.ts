import { LOCALE_CODES } from '../../../shared/locales.ts';
import { authorize } from '../../platform/access/policy.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { toCsv } from '../../platform/http/csv.ts';
import { type FieldError, Problem, problems } from '../../platform/http/problem.ts';
import { decodeText, parseCsv } from '../directory/tabular.ts';
import * as repo from './repository.ts';
import type { Labels } from './schema.ts';
import { termsOf } from './service.ts';

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

interface ParsedTerm {
  line: number;
  code: string;
  parentCode: string | null;
  position: number;
  labels: Labels;
  scopeNote: string | null;
  retired: boolean;
}

export interface VocabularyImportResult {
  dryRun: boolean;
  created: string[];
  updated: string[];
  unchanged: string[];
  errors: FieldError[];
}

function parseTerms(bytes: Uint8Array): { terms: ParsedTerm[]; errors: FieldError[] } {
  const table = parseCsv(decodeText(bytes));
  const col = (name: string) => table.header.findIndex((h) => h.trim().toLowerCase() === name);
  const code = col('code');
  if (code < 0)
    throw problems.validation([
      { field: 'file', code: 'missing_column', message: 'The file needs a "code" column' },
    ]);
  const labelColumns = table.header
    .map((h, i) => ({ lang: /^label_([a-z]{2,3}(?:-[a-z]{2,4})?)$/i.exec(h.trim())?.[1]?.toLowerCase(), i }))
    .filter((c): c is { lang: string; i: number } => Boolean(c.lang));
  const errors: FieldError[] = [];
  const terms: ParsedTerm[] = [];
  const seen = new Set<string>();
  for (const [index, row] of table.rows.entries()) {
    const line = index + 2;
    const cell = (i: number) => (i >= 0 ? (row[i] ?? '').trim() : '');
    const termCode = cell(code).toLowerCase();
    if (!CODE.test(termCode)) {
      errors.push({
        field: `line ${line}.code`,
        code: 'invalid_code',
        message: `Invalid code "${termCode}"`,
      });
      continue;
    }
    if (seen.has(termCode)) {
      errors.push({
        field: `line ${line}.code`,
        code: 'duplicate_code',
        message: `Code "${termCode}" appears twice`,
      });
      continue;
    }
    seen.add(termCode);
    const labels: Labels = {};
    for (const c of labelColumns) if (cell(c.i)) labels[c.lang] = cell(c.i).slice(0, 200);
    if (!labels.en)
      errors.push({
        field: `line ${line}.label_en`,
        code: 'missing_label',
        message: 'An English label is required',
      });
    const position = Number(cell(col('position')) || index * 10);
    terms.push({
      line,
      code: termCode,
      parentCode: cell(col('parent_code')).toLowerCase() || null,
      position: Number.isFinite(position) ? Math.trunc(position) : index * 10,
      labels,
      scopeNote: cell(col('scope_note')) || null,
      retired: /^(yes|true|1|x)$/i.test(cell(col('retired'))),
    });
  }
  return { terms, errors };
}

const sameLabels = (a: Labels, b: Labels) =>
  Object.keys({ ...a, ...b }).every((k) => (a[k] ?? '') === (b[k] ?? ''));

/** Creates and updates terms from CSV, all or nothing; with `dryRun` it only reports what would change. */
export async function importVocabularyCsv(
  ctx: Ctx,
  key: string,
  bytes: Uint8Array,
  dryRun: boolean,
): Promise<VocabularyImportResult> {
  authorize(ctx.actor, 'import', 'vocabulary');
  ctx.note({ action: 'vocabulary.import', resourceType: 'vocabulary', resourceId: key, details: { dryRun } });
  const { terms, errors } = parseTerms(bytes);
  return ctx.database.db.transaction(async (tx) => {
    if (!(await repo.findVocabulary(tx, key))) throw problems.notFound('vocabulary');
    const existing = new Map((await repo.listTerms(tx, key)).map((t) => [t.code, t]));
    const codes = new Set([...existing.keys(), ...terms.map((t) => t.code)]);
    for (const t of terms) {
      if (t.parentCode && !codes.has(t.parentCode)) {
        errors.push({
          field: `line ${t.line}.parent_code`,
          code: 'unknown_term',
          message: `No term "${t.parentCode}"`,
        });
      }
      if (t.parentCode === t.code)
        errors.push({
          field: `line ${t.line}.parent_code`,
          code: 'cycle',
          message: 'A term cannot be its own parent',
        });
    }
    const result: VocabularyImportResult = { dryRun, created: [], updated: [], unchanged: [], errors };
    const idOf = new Map([...existing.values()].map((t) => [t.code, t.id]));
    const codeOfId = new Map([...existing.values()].map((t) => [t.id, t.code]));
    for (const t of terms) {
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
    // Insert new terms first without parents, then set every parent: rows may name parents further down.
    for (const t of terms.filter((x) => !existing.has(x.code))) {
      const row = await repo.insertTerm(tx, {
        vocabularyKey: key,
        code: t.code,
        position: t.position,
        labels: t.labels,
        scopeNote: t.scopeNote,
      });
      idOf.set(t.code, row.id);
    }
    for (const t of terms) {
      if (result.unchanged.includes(t.code)) continue;
      const old = existing.get(t.code);
      await repo.updateTerm(tx, idOf.get(t.code)!, {
        parentId: t.parentCode ? idOf.get(t.parentCode)! : null,
        position: t.position,
        labels: t.labels,
        scopeNote: t.scopeNote,
        retiredAt: t.retired ? (old?.retiredAt ?? new Date()) : null,
      });
    }
    const tree = await termsOf(tx, key, 'en', true);
    if (tree.length !== codes.size) {
      throw problems.validation([{ field: 'file', code: 'cycle', message: 'The parent codes form a loop' }]);
    }
    return result;
  });
}
