import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyEntry } from '../modules/cases/keys.ts';
import { buildWorld, createCaseTestApp, openCase } from '../modules/cases/test-support.ts';
import type { TestApp } from '../testing/harness.ts';
import { CliFailure, UsageError } from './args.ts';
import { parseKeysArgs, runKeysRotate } from './keys.ts';

const oldEntry = generateKeyEntry('old');
const newEntry = generateKeyEntry('new');
let t: TestApp;
beforeAll(async () => {
  t = await createCaseTestApp({ CASE_KEYS: oldEntry });
});
afterAll(() => t?.close());

/** Runs `tulay keys rotate` against the test database with this CASE_KEYS, returning what it printed. */
async function rotate(caseKeys: string): Promise<string> {
  const printed: string[] = [];
  await runKeysRotate(t.database, { ...t.config, CASE_KEYS: caseKeys }, (s) => printed.push(s));
  return printed.join('\n');
}

const lastAudit = async () => {
  const r = await t.database.pool.query(
    "select actor_email, outcome, details from audit_events where action = 'cli.keys.rotate' order by id desc limit 1",
  );
  return r.rows[0];
};

describe('tulay keys: usage', () => {
  it.each([
    [[], /Missing keys command/],
    [['spin'], /Unknown keys command: spin/],
    [['rotate', 'extra'], /Unexpected argument: extra/],
    [['rotate', '--batch', '5'], /--batch: unknown option/],
  ])('%j is refused as bad usage', (args, message) => {
    expect(() => parseKeysArgs(args)).toThrow(UsageError);
    expect(() => parseKeysArgs(args)).toThrow(message);
  });

  it('accepts rotate', () => {
    expect(parseKeysArgs(['rotate'])).toBe('rotate');
  });
});

describe('tulay keys rotate', () => {
  it('rewraps the data keys under the first configured key, prints the count and audits it', async () => {
    const w = await buildWorld(t);
    await openCase(t, w.worker.cookie);
    await openCase(t, w.worker.cookie);
    expect(await rotate(`${newEntry},${oldEntry}`)).toMatch(
      /Rewrapped 2 case data keys under the active key new/,
    );
    expect(await lastAudit()).toMatchObject({
      actor_email: 'cli',
      outcome: 'success',
      details: { rewrapped: 2, activeKeyId: 'new' },
    });
    const keys = await t.database.pool.query('select distinct master_key_id from case_keys');
    expect(keys.rows).toEqual([{ master_key_id: 'new' }]);
    // Run again: nothing left to do.
    expect(await rotate(`${newEntry},${oldEntry}`)).toMatch(/No case data key needed rewrapping/);
    expect((await lastAudit()).details).toMatchObject({ rewrapped: 0 });
  });

  it('fails, and audits the failure, when a data key is wrapped by a key no longer configured', async () => {
    // The data keys are wrapped by "new"; a keyring without it cannot unwrap them.
    await expect(rotate(generateKeyEntry('newer'))).rejects.toThrow(CliFailure);
    expect(await lastAudit()).toMatchObject({
      outcome: 'failed',
      details: { reason: expect.stringMatching(/master key new is not configured/) },
    });
  });
});
