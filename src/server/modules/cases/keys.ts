import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import { unwrapDataKey, wrapDataKey } from './crypto.ts';
import * as repo from './repository-system.ts';
import * as textRepo from './repository-text.ts';
import { withCaseSystem } from './rls.ts';

/** The master keys: the first is used to wrap new data keys, the others only to unwrap old ones. */
export interface Keyring {
  activeId: string;
  keys: ReadonlyMap<string, Buffer>;
}

/** Parses `id:base64key,id2:base64key` (first active). Every key must be exactly 32 bytes. */
export function parseKeyring(text: string): Keyring {
  const keys = new Map<string, Buffer>();
  let activeId = '';
  for (const part of text.split(/[,\s]+/).filter(Boolean)) {
    const [id, b64] = part.split(':');
    if (!id || !b64 || !/^[A-Za-z0-9_-]{1,40}$/.test(id))
      throw new Error('CASE_KEYS: expected id:base64key entries');
    const key = Buffer.from(b64, 'base64');
    if (key.length !== 32) throw new Error(`CASE_KEYS: key ${id} is not 32 bytes`);
    if (keys.has(id)) throw new Error(`CASE_KEYS: key ${id} given twice`);
    keys.set(id, key);
    activeId ||= id;
  }
  if (!activeId) throw new Error('CASE_KEYS: no key given');
  return { activeId, keys };
}

/** A fresh master key entry `id:base64`, for configuration or tests. */
export function generateKeyEntry(
  id = `k${new Date().toISOString().slice(0, 10).replaceAll('-', '')}`,
): string {
  return `${id}:${randomBytes(32).toString('base64')}`;
}

const cache = new WeakMap<Config, Keyring>();

/**
 * The keyring for this configuration: CASE_KEYS when set; otherwise DATA_DIR/case-keys, created on
 * first use with mode 0600 (the embedded default, so a fresh install encrypts from the start).
 */
export function keyringOf(config: Config): Keyring {
  const cached = cache.get(config);
  if (cached) return cached;
  let text = config.CASE_KEYS;
  if (!text) {
    const file = join(config.dataDir, 'case-keys');
    if (!existsSync(file)) {
      mkdirSync(config.dataDir, { recursive: true });
      writeFileSync(file, `${generateKeyEntry()}\n`, { mode: 0o600, flag: 'wx' });
      chmodSync(file, 0o600);
    }
    text = readFileSync(file, 'utf8');
  }
  const ring = parseKeyring(text);
  cache.set(config, ring);
  return ring;
}

export function wrapWithActive(ring: Keyring, caseId: string, dataKey: Buffer) {
  return {
    masterKeyId: ring.activeId,
    wrappedKey: wrapDataKey(ring.keys.get(ring.activeId)!, caseId, dataKey),
  };
}

/** Unwraps a case data key; fails loudly if the master key it was wrapped with is gone from the ring. */
export function unwrapWith(
  ring: Keyring,
  caseId: string,
  row: { masterKeyId: string; wrappedKey: string },
): Buffer {
  const master = ring.keys.get(row.masterKeyId);
  if (!master) throw new Error(`Case master key ${row.masterKeyId} is not configured`);
  return unwrapDataKey(master, caseId, row.wrappedKey);
}

/** A secret derived from the active master key for one purpose (e.g. signing intake challenges). */
export function derivedSecret(ring: Keyring, purpose: string): Buffer {
  return createHmac('sha256', ring.keys.get(ring.activeId)!).update(`tulay/${purpose}`).digest();
}

/**
 * Key rotation: rewraps every data key not wrapped by the active master key. Case data is not
 * re-encrypted (data keys do not change), so it is quick; afterwards the old master key can be
 * removed from CASE_KEYS. Returns how many keys were rewrapped.
 */
export async function rotateCaseKeys(database: Database, ring: Keyring, batch = 500): Promise<number> {
  let total = 0;
  // The search key (case-text.ts) is wrapped like a data key, under its own id.
  await withCaseSystem(database, async (tx) => {
    for (const row of await textRepo.searchKeysNotWrappedBy(tx, ring.activeId))
      await textRepo.rewrapSearchKey(tx, row.id, wrapWithActive(ring, row.id, unwrapWith(ring, row.id, row)));
  });
  for (;;) {
    const done = await withCaseSystem(database, async (tx) => {
      const rows = await repo.keysNotWrappedBy(tx, ring.activeId, batch);
      for (const row of rows) {
        const dataKey = unwrapWith(ring, row.caseId, row);
        await repo.rewrapKey(tx, row.caseId, row.masterKeyId, wrapWithActive(ring, row.caseId, dataKey));
      }
      return rows.length;
    });
    total += done;
    if (done < batch) return total;
  }
}
