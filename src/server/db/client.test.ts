import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../testing/test-database.ts';
import { openDatabase } from './client.ts';

const onServer = Boolean(process.env.DATABASE_URL);

describe('database client', () => {
  let test: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    test = await createTestDatabase();
  });
  afterAll(() => test.drop());

  it('an SQL error leaves the connection usable for the next query', async () => {
    await expect(test.database.pool.query('select 1/0')).rejects.toThrow(/division by zero/);
    expect((await test.database.pool.query('select 41 + 1 as n')).rows[0].n).toBe(42);
  });

  it('a slow statement does not block the event loop', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 20);
    await test.database.pool.query('select pg_sleep(0.6)');
    clearInterval(timer);
    // The statement ran for 600 ms; a blocked loop would have ticked about 30 times, a frozen one never.
    expect(ticks).toBeGreaterThan(5);
  });

  it.skipIf(onServer)(
    'embedded: the watchdog ends a runaway statement, restarts the engine and keeps the data',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'tulay-watchdog-'));
      const database = await openDatabase({ dataDir: dir, statementTimeoutMs: 800 });
      try {
        await database.pool.query('create table kept (v text)');
        await database.pool.query("insert into kept values ('still here')");
        await expect(database.pool.query('select pg_sleep(30)')).rejects.toThrow();
        expect(database.restarts()).toBe(1);
        expect((await database.pool.query('select v from kept')).rows).toEqual([{ v: 'still here' }]);
      } finally {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  it.runIf(onServer)('server: the statement timeout cancels a runaway statement', async () => {
    const { url, drop } = await createTestDatabase();
    const database = await openDatabase({ databaseUrl: url!, dataDir: '', statementTimeoutMs: 300 });
    try {
      await expect(database.pool.query('select pg_sleep(5)')).rejects.toMatchObject({ code: '57014' });
      expect((await database.pool.query('select 1 as n')).rows[0].n).toBe(1);
    } finally {
      await database.close();
      await drop();
    }
  });
});
