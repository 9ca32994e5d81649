import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';
import { startServer } from './server.ts';
import { createTestDatabase } from './testing/test-database.ts';

// Starts Tulay the way `npm start` does (real listen on loopback, migrations, demo data) and checks
// what a new installation shows: health, the seed networks with their secretariats, the setup link.
describe('starting Tulay', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tulay-start-'));
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
    rmSync(dir, { recursive: true, force: true });
  });

  async function start(env: Record<string, string>) {
    const server = process.env.DATABASE_URL ? await createTestDatabase() : undefined;
    if (server) {
      await server.database.close(); // startServer opens its own pool on the fresh database
      cleanups.push(() => server.drop().catch(() => {}));
    }
    const config = loadConfig({
      PORT: '0',
      LOG_LEVEL: 'silent',
      DATA_DIR: join(dir, env.DEMO_DATA ?? 'demo'),
      ...(server?.url ? { DATABASE_URL: server.url } : {}),
      ...env,
    } as NodeJS.ProcessEnv);
    const running = await startServer(config);
    cleanups.push(() => running.stop());
    return running;
  }

  it('serves health, loads the seed networks with their secretariats and prints a setup link on the real port', async () => {
    const running = await start({});
    const port = (running.app.server.address() as { port: number }).port;
    expect(running.setupLink).toMatch(new RegExp(`^http://localhost:${port}/setup#token=`));
    expect(await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()).toEqual({ status: 'ok' });
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    const { rows } = await running.database.pool.query<{ member: string; network: string; role: string }>(
      `select m.name as member, n.name as network, ms.role_code as role
         from memberships ms join organisations m on m.id = ms.organisation_id join organisations n on n.id = ms.parent_id
        where ms.role_code = 'secretariat' order by n.name`,
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        {
          member: 'Asia Pacific Mission for Migrants',
          network: "Alliance of Marriage Migrants' Organizations for Rights and Empowerment",
          role: 'secretariat',
        },
        {
          member: 'Asia Pacific Mission for Migrants',
          network: 'Migrants Caucus on the ASEAN',
          role: 'secretariat',
        },
        {
          member: 'Migrant Forum in Asia',
          network: 'Asian Inter-Parliamentary Caucus on Labor Migration',
          role: 'secretariat',
        },
      ]),
    );
  });

  it('loads no demo data when DEMO_DATA=false', async () => {
    const running = await start({ DEMO_DATA: 'false' });
    // The one organisation is the unpublished stand-in that receives Get-help requests until setup.
    const { rows } = await running.database.pool.query<{ name: string; published: boolean }>(
      'select name, published from organisations',
    );
    expect(rows).toEqual([{ name: 'Network secretariat', published: false }]);
    expect(running.setupLink).toContain('/setup#token=');
  });
});
