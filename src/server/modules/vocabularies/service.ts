import type { Tx } from '../../db/client.ts';
import { noticesOf } from '../../db/notices.ts';
import { abilitiesFor, authorize } from '../../platform/access/policy.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { problems } from '../../platform/http/problem.ts';
import './policy.ts';
import * as repo from './repository.ts';
import type { Labels } from './schema.ts';

// The shared service other modules use to list and resolve terms by vocabulary key and code.

export interface Term {
  id: string;
  vocabularyKey: string;
  code: string;
  parentCode: string | null;
  depth: number;
  position: number;
  labels: Labels;
  label: string;
  scopeNote: string | null;
  retired: boolean;
  version: number;
}

/** A label in `locale`, falling back to English and then to the code. */
export function labelOf(labels: Labels, locale: string, fallback: string): string {
  return labels[locale] || labels.en || fallback;
}

/**
 * How deep a term may sit: a root has depth 0, so a chain holds at most MAX_TERM_DEPTH + 1 terms.
 * The one rule the API, the import and its dry run all apply (deeper terms would not be listed).
 */
export const MAX_TERM_DEPTH = 50;

export const tooDeep = (field: string) => ({
  field,
  code: 'too_deep',
  message: `Terms may be nested at most ${MAX_TERM_DEPTH} levels below a top-level term`,
});

/** A term placed in its tree, before labels are chosen for a language. */
interface Placed {
  row: repo.TermRow;
  depth: number;
  parentCode: string | null;
}

/**
 * Orders terms as a tree (parents first, children beneath in their own order), with depth, in
 * O(n): children are grouped by parent in one pass (rows arrive in sibling order) and walked once.
 * A term whose parent chain never reaches a root (a loop) is left out.
 */
export function placeTerms(rows: repo.TermRow[]): Placed[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const children = new Map<string | null, repo.TermRow[]>();
  for (const r of rows) {
    const parent = r.parentId && byId.has(r.parentId) ? r.parentId : null;
    const siblings = children.get(parent);
    if (siblings) siblings.push(r);
    else children.set(parent, [r]);
  }
  const out: Placed[] = [];
  // An explicit stack, not recursion: a deep chain cannot overflow the call stack.
  const stack: { row: repo.TermRow; depth: number }[] = (children.get(null) ?? [])
    .map((row) => ({ row, depth: 0 }))
    .reverse();
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { row, depth } = item;
    out.push({
      row,
      depth,
      parentCode: row.parentId ? (byId.get(row.parentId)?.code ?? null) : null,
    });
    const below = children.get(row.id) ?? [];
    for (let i = below.length - 1; i >= 0; i--) stack.push({ row: below[i]!, depth: depth + 1 });
  }
  return out;
}

function toTerm(p: Placed, locale: string): Term {
  const r = p.row;
  return {
    id: r.id,
    vocabularyKey: r.vocabularyKey,
    code: r.code,
    parentCode: p.parentCode,
    depth: p.depth,
    position: r.position,
    labels: r.labels,
    label: labelOf(r.labels, locale, r.code),
    scopeNote: r.scopeNote,
    retired: r.retiredAt !== null,
    version: r.version,
  };
}

/**
 * The term tree of each vocabulary, kept under the vocabulary's terms_revision (which triggers
 * change on any change to its terms, in any transaction, from any process): a list of
 * organisations reads one row to know its 25k-term vocabulary is unchanged, instead of every term.
 */
type Tree = { revision: number; placed: Placed[]; byLocale: Map<string, Term[]> };
const treeCache = new Map<string, Tree>();

/**
 * Outside transactions even that one row is not read on every request: a tree whose revision was
 * read under a notice stamp (db/notices.ts) is served as it is while no vocabulary notice arrived,
 * per database handle. A transaction always reads the revision: it may hold its own changes.
 */
const trusted = new WeakMap<object, Map<string, { stamp: string; tree: Tree }>>();

async function treeOf(tx: Tx, key: string): Promise<Tree> {
  const notices = noticesOf(tx);
  const known = notices ? trusted.get(tx)?.get(key) : undefined;
  if (notices && known && notices.current('vocabulary', known.stamp)) return known.tree;
  // Taken before the revision is read: a notice arriving meanwhile leaves this copy untrusted.
  const stamp = notices?.stamp('vocabulary');
  const revision = await repo.termsRevision(tx, key);
  let entry = treeCache.get(key);
  if (!entry || revision === undefined || entry.revision !== revision) {
    const placed = placeTerms(await repo.listTerms(tx, key, true));
    entry = { revision: revision ?? -1, placed, byLocale: new Map() };
    if (revision !== undefined) treeCache.set(key, entry);
  }
  if (notices && stamp !== undefined && revision !== undefined) {
    const map = trusted.get(tx) ?? new Map();
    trusted.set(tx, map);
    map.set(key, { stamp, tree: entry });
  }
  return entry;
}

/** Every term of a vocabulary as an ordered tree; retired terms only when asked. */
export async function termsOf(tx: Tx, key: string, locale = 'en', includeRetired = false): Promise<Term[]> {
  const entry = await treeOf(tx, key);
  const cacheKey = `${locale}|${includeRetired}`;
  let terms = entry.byLocale.get(cacheKey);
  if (!terms) {
    const all = entry.placed.map((p) => toTerm(p, locale));
    terms = includeRetired ? all : all.filter((t) => !t.retired);
    entry.byLocale.set(cacheKey, terms);
  }
  // Callers get their own array (they sort and filter); the terms themselves are shared, read-only.
  return [...terms];
}

/** One term by code (retired or not), or undefined. */
export async function resolveTerm(
  tx: Tx,
  key: string,
  code: string,
  locale = 'en',
): Promise<Term | undefined> {
  return (await termsOf(tx, key, locale, true)).find((t) => t.code === code);
}

/** A term's code and every code below it: filtering by "network" also finds platforms and caucuses. */
export function codesUnder(tx: Tx, key: string, code: string): Promise<string[]> {
  return repo.codesUnder(tx, key, code);
}

/** Finds the term a person or spreadsheet meant: its code, or its label in any language (case-insensitive). */
export function matchTerm(terms: Term[], input: string): Term | undefined {
  const text = input.trim().toLowerCase();
  if (!text) return undefined;
  return (
    terms.find((t) => t.code === text) ??
    terms.find((t) => Object.values(t.labels).some((l) => l.toLowerCase() === text))
  );
}

/** A code derived from a label, for terms an import creates. */
export function codeFromLabel(label: string): string {
  const code = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 60);
  return code || `term_${Math.random().toString(36).slice(2, 8)}`;
}

async function vocabularyOrThrow(tx: Tx, key: string) {
  const vocabulary = await repo.findVocabulary(tx, key);
  if (!vocabulary) throw problems.notFound('vocabulary');
  return vocabulary;
}

export async function listVocabularies(ctx: Ctx) {
  const rows = await repo.listVocabularies(ctx.database.db);
  return rows.map((v) => ({
    key: v.key,
    labels: v.labels,
    label: labelOf(v.labels, ctx.locale, v.key),
    description: v.description,
    version: v.version,
    abilities: abilitiesFor(ctx.actor, 'vocabulary', v),
  }));
}

export async function createVocabulary(
  ctx: Ctx,
  input: { key: string; labels: Labels; description?: string },
) {
  authorize(ctx.actor, 'create', 'vocabulary');
  ctx.note({ action: 'vocabulary.create', resourceType: 'vocabulary', resourceId: input.key });
  const row = await repo.insertVocabulary(ctx.database.db, input);
  if (!row) throw problems.conflict('vocabulary_exists', 'A vocabulary with this key already exists.');
  return row;
}

export async function listTermsFor(ctx: Ctx, key: string, includeRetired: boolean) {
  await vocabularyOrThrow(ctx.database.db, key);
  const terms = await termsOf(ctx.database.db, key, ctx.locale, includeRetired);
  return terms.map((t) => ({ ...t, abilities: abilitiesFor(ctx.actor, 'vocabulary', t) }));
}

export interface TermInput {
  code: string;
  parentCode?: string | null;
  position?: number;
  labels: Labels;
  scopeNote?: string | null;
}

async function parentIdFor(tx: Tx, key: string, parentCode: string | null | undefined, selfId?: string) {
  if (!parentCode) return null;
  const parent = await repo.findTerm(tx, key, parentCode);
  if (!parent)
    throw problems.validation([
      { field: 'body.parentCode', code: 'unknown_term', message: 'No such parent term' },
    ]);
  const tree = await termsOf(tx, key, 'en', true);
  const parentDepth = tree.find((t) => t.code === parentCode)?.depth ?? 0;
  let height = 0;
  if (selfId) {
    // Refuse a parent that is the term itself or one of its descendants: the tree must stay a tree.
    const self = await repo.findTermById(tx, selfId);
    const below = self ? await repo.codesUnder(tx, key, self.code) : [];
    if (below.includes(parentCode)) {
      throw problems.validation([
        { field: 'body.parentCode', code: 'cycle', message: 'A term cannot be placed under itself' },
      ]);
    }
    const under = new Set(below);
    const depthOfSelf = tree.find((t) => t.id === selfId)?.depth ?? 0;
    for (const t of tree) if (under.has(t.code)) height = Math.max(height, t.depth - depthOfSelf);
  }
  // The term lands at parentDepth + 1 and brings its own subtree along.
  if (parentDepth + 1 + height > MAX_TERM_DEPTH) throw problems.validation([tooDeep('body.parentCode')]);
  return parent.id;
}

export async function createTerm(ctx: Ctx, key: string, input: TermInput) {
  authorize(ctx.actor, 'update', 'vocabulary');
  ctx.note({
    action: 'vocabulary.term.create',
    resourceType: 'vocabulary_term',
    resourceId: `${key}:${input.code}`,
  });
  const term = await ctx.database.db.transaction(async (tx) => {
    await vocabularyOrThrow(tx, key);
    if (await repo.findTerm(tx, key, input.code)) {
      throw problems.conflict('term_exists', 'A term with this code already exists.');
    }
    const parentId = await parentIdFor(tx, key, input.parentCode);
    return repo.insertTerm(tx, {
      vocabularyKey: key,
      code: input.code,
      parentId,
      position: input.position ?? 0,
      labels: input.labels,
      scopeNote: input.scopeNote ?? null,
    });
  });
  return (await resolveTerm(ctx.database.db, key, term.code, ctx.locale))!;
}

export async function updateTermFor(
  ctx: Ctx,
  key: string,
  code: string,
  input: Partial<Omit<TermInput, 'code'>> & { retired?: boolean; version: number },
) {
  authorize(ctx.actor, 'update', 'vocabulary');
  ctx.note({
    action: 'vocabulary.term.update',
    resourceType: 'vocabulary_term',
    resourceId: `${key}:${code}`,
    details: { retired: input.retired },
  });
  await ctx.database.db.transaction(async (tx) => {
    const term = await repo.findTerm(tx, key, code);
    if (!term) throw problems.notFound('term');
    const parentId =
      input.parentCode === undefined ? undefined : await parentIdFor(tx, key, input.parentCode, term.id);
    const changed = await repo.updateTermIfVersion(tx, term.id, input.version, {
      ...(parentId === undefined ? {} : { parentId }),
      ...(input.position === undefined ? {} : { position: input.position }),
      ...(input.labels ? { labels: input.labels } : {}),
      ...(input.scopeNote === undefined ? {} : { scopeNote: input.scopeNote }),
      ...(input.retired === undefined
        ? {}
        : { retiredAt: input.retired ? (term.retiredAt ?? new Date()) : null }),
    });
    if (!changed) throw problems.versionConflict();
  });
  return (await resolveTerm(ctx.database.db, key, code, ctx.locale))!;
}
