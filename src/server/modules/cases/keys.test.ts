import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import type { TestApp } from '../../testing/harness.ts';
import { searchKeyOf, searchTokens } from './case-text.ts';
import { decryptField, encryptField, newDataKey, unwrapDataKey, wrapDataKey } from './crypto.ts';
import { generateKeyEntry, keyringOf, parseKeyring, rotateCaseKeys, unwrapWith } from './keys.ts';
import * as repo from './repository.ts';
import { withCaseAccess } from './rls.ts';
import { buildWorld, createCaseTestApp, openCase } from './test-support.ts';

describe('field encryption', () => {
  it('round-trips and binds a ciphertext to its case and field', () => {
    const key = newDataKey();
    const sealed = encryptField(key, 'case-1', 'client', { name: 'Maria' });
    expect(sealed).not.toContain('Maria');
    expect(decryptField(key, 'case-1', 'client', sealed)).toEqual({ name: 'Maria' });
    expect(() => decryptField(key, 'case-2', 'client', sealed)).toThrow();
    expect(() => decryptField(key, 'case-1', 'narrative', sealed)).toThrow();
    expect(() => decryptField(newDataKey(), 'case-1', 'client', sealed)).toThrow();
  });

  it('detects tampering', () => {
    const key = newDataKey();
    const parts = encryptField(key, 'c', 'f', 'hello world').split('.');
    const body = Buffer.from(parts[2]!, 'base64url');
    body[0]! ^= 1;
    parts[2] = body.toString('base64url');
    expect(() => decryptField(key, 'c', 'f', parts.join('.'))).toThrow();
  });

  it('wraps data keys under a master key', () => {
    const master = newDataKey();
    const dataKey = newDataKey();
    expect(unwrapDataKey(master, 'c', wrapDataKey(master, 'c', dataKey)).equals(dataKey)).toBe(true);
  });
});

describe('master keys', () => {
  it('parses CASE_KEYS with the first key active and refuses bad keys', () => {
    const ring = parseKeyring(`${generateKeyEntry('new')},${generateKeyEntry('old')}`);
    expect(ring.activeId).toBe('new');
    expect(ring.keys.size).toBe(2);
    expect(() => parseKeyring('x:c2hvcnQ=')).toThrow(/32 bytes/);
    expect(() => parseKeyring('')).toThrow();
  });

  it('creates a key file with mode 0600 in DATA_DIR when CASE_KEYS is not set', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tulay-keys-'));
    const config = loadConfig({ DATA_DIR: dir } as NodeJS.ProcessEnv);
    const ring = keyringOf(config);
    expect(statSync(join(dir, 'case-keys')).mode & 0o777).toBe(0o600);
    // The same file gives the same key on the next start.
    expect(
      keyringOf(loadConfig({ DATA_DIR: dir } as NodeJS.ProcessEnv))
        .keys.get(ring.activeId)!
        .equals(ring.keys.get(ring.activeId)!),
    ).toBe(true);
  });
});

describe('key rotation', () => {
  const oldEntry = generateKeyEntry('old');
  const newEntry = generateKeyEntry('new');
  let t: TestApp;
  let w: Awaited<ReturnType<typeof buildWorld>>;
  beforeAll(async () => {
    t = await createCaseTestApp({ CASE_KEYS: oldEntry });
    w = await buildWorld(t);
  });
  afterAll(() => t.close());

  it('rewraps every data key under the new master key; the old key can then be removed', async () => {
    const ids = [(await openCase(t, w.worker.cookie)).id, (await openCase(t, w.worker.cookie)).id];
    const rewrapped = await rotateCaseKeys(t.database, parseKeyring(`${newEntry},${oldEntry}`), 1);
    expect(rewrapped).toBe(2);
    const rows = await t.database.db.execute(sql`select distinct master_key_id from case_keys`);
    expect(rows.rows).toEqual([{ master_key_id: 'new' }]);
    // With only the new master key configured, every case still decrypts.
    const onlyNew = parseKeyring(newEntry);
    for (const id of ids) {
      const client = await withCaseAccess(
        t.database,
        { userId: w.worker.id, organisationId: w.worker.organisationId },
        async (tx) => {
          const key = unwrapWith(onlyNew, id, (await repo.findCaseKey(tx, id))!);
          return decryptField<{ name: string }>(
            key,
            id,
            'client',
            (await repo.findCase(tx, id))!.case.clientEnc!,
          );
        },
      );
      expect(client.name).toBe('Maria Santos');
    }
    expect(await rotateCaseKeys(t.database, parseKeyring(newEntry))).toBe(0);
    // The search key moved too: the blind index still answers with only the new key.
    const search = await t.database.db.execute(sql`select master_key_id from case_search_keys`);
    expect(search.rows).toEqual([{ master_key_id: 'new' }]);
    const tokens = await withCaseAccess(
      t.database,
      { userId: w.worker.id, organisationId: w.worker.organisationId },
      async (tx) => searchTokens(await searchKeyOf(tx, onlyNew), ['Blue Star']),
    );
    const found = await t.database.db.execute(
      sql`select count(*)::int as n from cases where search_tokens @> ${`{${tokens.join(',')}}`}::text[]`,
    );
    expect((found.rows[0] as { n: number }).n).toBe(2);
  });
});
