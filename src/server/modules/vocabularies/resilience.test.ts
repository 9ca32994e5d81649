import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { MAX_TERM_DEPTH, termsOf } from './service.ts';

// The term tree at scale (O(n), cached per vocabulary revision), one depth rule everywhere, and
// hostile CSV text (NUL in a label, UTF-16 without a byte-order mark).

let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await (await buildUser(t, { role: 'network_administrator' })).session();
  for (const key of ['chain_vocab', 'small_vocab', 'large_vocab'])
    await t.request({
      method: 'POST',
      url: '/api/v1/vocabularies',
      cookie: admin,
      payload: { key, labels: { en: key } },
    });
});
afterAll(() => t.close());

const csvUpload = (key: string, body: string | Buffer, dryRun: boolean) =>
  t.request({
    method: 'POST',
    url: `/api/v1/vocabularies/${key}/import?dryRun=${dryRun}`,
    cookie: admin,
    payload: body,
    headers: { 'content-type': 'text/csv' },
  });

/** A chain of `length` terms, each under the one before: the last sits at depth length - 1. */
const chainCsv = (prefix: string, length: number) =>
  `code,parent_code,label_en\n${Array.from({ length }, (_, i) => `${prefix}${i},${i ? `${prefix}${i - 1}` : ''},T${i}`).join('\n')}\n`;

/** Adds `n` sibling terms in one statement (what a 25k-row import leaves behind). */
async function addTerms(key: string, n: number) {
  await t.database.db.execute(sql`
    insert into vocabulary_terms (vocabulary_key, code, position, labels)
    select ${key}, 't' || i, i, jsonb_build_object('en', 'Term ' || i) from generate_series(1, ${n}) as i`);
}

async function timeOf(f: () => Promise<unknown>, runs = 3): Promise<number> {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await f();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

describe('vocabulary term tree', () => {
  it('builds a 25k-term tree in linear time, and serves it from the cache until a term changes', async () => {
    await addTerms('small_vocab', 1_000);
    await addTerms('large_vocab', 25_000);
    // First reads build the tree (the cache is empty for each new revision).
    const bustAndRead = (key: string) => async () => {
      await t.database.db.execute(
        sql`update vocabulary_terms set position = position where code = 't1' and vocabulary_key = ${key}`,
      );
      return termsOf(t.database.db, key, 'en', true);
    };
    const small = await timeOf(bustAndRead('small_vocab'));
    const large = await timeOf(bustAndRead('large_vocab'));
    // 25× the terms: linear work takes about 25× as long; the quadratic build took 600× and more.
    expect(large / small, `1k: ${small.toFixed(1)} ms, 25k: ${large.toFixed(1)} ms`).toBeLessThan(100);
    const cached = await timeOf(() => termsOf(t.database.db, 'large_vocab', 'en', true));
    expect(cached / large, `cached: ${cached.toFixed(1)} ms, built: ${large.toFixed(1)} ms`).toBeLessThan(
      0.5,
    );
    expect((await termsOf(t.database.db, 'large_vocab')).length).toBe(25_000);
  }, 120_000);

  it('shows a term change at once, whoever makes it, and ignores one rolled back', async () => {
    const label = async () =>
      (await termsOf(t.database.db, 'small_vocab', 'en')).find((x) => x.code === 't5')?.label;
    expect(await label()).toBe('Term 5');
    const term = (await termsOf(t.database.db, 'small_vocab', 'en')).find((x) => x.code === 't5')!;
    const patch = await t.request({
      method: 'PATCH',
      url: '/api/v1/vocabularies/small_vocab/terms/t5',
      cookie: admin,
      payload: { labels: { en: 'Renamed' }, version: term.version },
    });
    expect(patch.statusCode).toBe(200);
    expect(await label()).toBe('Renamed');
    const list = await t.request({ method: 'GET', url: '/api/v1/vocabularies/small_vocab/terms' });
    expect(list.json().data.find((x: { code: string }) => x.code === 't5').label).toBe('Renamed');
    // Straight SQL, as a restore or another server would: the triggers give a new revision.
    await t.database.db.execute(
      sql`update vocabulary_terms set labels = '{"en":"By SQL"}' where vocabulary_key = 'small_vocab' and code = 't5'`,
    );
    expect(await label()).toBe('By SQL');
    // A change read inside a transaction that rolls back must not stay in the cache.
    await t.database.db
      .transaction(async (tx) => {
        await tx.execute(
          sql`update vocabulary_terms set labels = '{"en":"Rolled back"}' where vocabulary_key = 'small_vocab' and code = 't5'`,
        );
        expect((await termsOf(tx, 'small_vocab')).find((x) => x.code === 't5')?.label).toBe('Rolled back');
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect(await label()).toBe('By SQL');
  });
});

describe('one depth rule', () => {
  it('refuses a chain deeper than the limit the same way in the dry run and the import, and says why', async () => {
    const deep = chainCsv('d', MAX_TERM_DEPTH + 2);
    const dry = await csvUpload('chain_vocab', deep, true);
    expect(dry.statusCode).toBe(200);
    expect(dry.json().data.errors).toEqual([
      expect.objectContaining({ code: 'too_deep', field: `line ${MAX_TERM_DEPTH + 3}.parent_code` }),
    ]);
    const real = await csvUpload('chain_vocab', deep, false);
    expect(real.statusCode).toBe(422);
    expect(real.json().errors).toEqual([expect.objectContaining({ code: 'too_deep' })]);
    expect(JSON.stringify(real.json())).not.toContain('loop');
    // At the limit exactly, both accept.
    const atLimit = chainCsv('d', MAX_TERM_DEPTH + 1);
    expect((await csvUpload('chain_vocab', atLimit, true)).json().data.errors).toEqual([]);
    expect((await csvUpload('chain_vocab', atLimit, false)).statusCode).toBe(200);
  });

  it('refuses through the API a term that would sit deeper than the limit, so none vanishes from the list', async () => {
    // The chain from the previous test ends at depth MAX_TERM_DEPTH.
    const last = `d${MAX_TERM_DEPTH}`;
    const create = await t.request({
      method: 'POST',
      url: '/api/v1/vocabularies/chain_vocab/terms',
      cookie: admin,
      payload: { code: 'too_far', parentCode: last, labels: { en: 'Too far' } },
    });
    expect(create.statusCode).toBe(400);
    expect(create.json().errors[0].code).toBe('too_deep');
    // Moving a subtree: d1 (49 levels below it) under a term at depth 1 would put its leaf at 51.
    const d1 = (await termsOf(t.database.db, 'chain_vocab', 'en', true)).find((x) => x.code === 'd1')!;
    for (const [code, parentCode] of [
      ['other_root', undefined],
      ['other_child', 'other_root'],
    ]) {
      const made = await t.request({
        method: 'POST',
        url: '/api/v1/vocabularies/chain_vocab/terms',
        cookie: admin,
        payload: { code, parentCode, labels: { en: code } },
      });
      expect(made.statusCode).toBe(201);
    }
    const move = await t.request({
      method: 'PATCH',
      url: '/api/v1/vocabularies/chain_vocab/terms/d1',
      cookie: admin,
      payload: { parentCode: 'other_child', version: d1.version },
    });
    expect(move.statusCode).toBe(400);
    expect(move.json().errors[0].code).toBe('too_deep');
    const csv = await t.request({
      method: 'GET',
      url: '/api/v1/vocabularies/chain_vocab/terms?format=csv',
      cookie: admin,
    });
    expect(csv.body.trim().split('\n')).toHaveLength(1 + MAX_TERM_DEPTH + 1 + 2);
  });
});

describe('hostile CSV text', () => {
  it('refuses a NUL in a label in the dry run and in the import alike, naming the row', async () => {
    const csv = 'code,label_en\nfine,Fine\nbad_nul,Bad\u0000label\n';
    const dry = await csvUpload('chain_vocab', csv, true);
    expect(dry.statusCode).toBe(200);
    expect(dry.json().data.errors).toEqual([
      expect.objectContaining({ field: 'line 3.label_en', code: 'unstorable_text' }),
    ]);
    const real = await csvUpload('chain_vocab', csv, false);
    expect(real.statusCode).toBe(422);
    expect(real.json().errors[0]).toMatchObject({ field: 'line 3.label_en', code: 'unstorable_text' });
  });

  it('reads UTF-16 without a byte-order mark (both byte orders)', async () => {
    const text = 'code,label_en\nutf16_term,Café ñ\n';
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le).swap16();
    for (const bytes of [le, be]) {
      const dry = await csvUpload('chain_vocab', bytes, true);
      expect(dry.statusCode, dry.body).toBe(200);
      expect(dry.json().data.errors).toEqual([]);
      expect(dry.json().data.created).toEqual(['utf16_term']);
    }
  });
});
