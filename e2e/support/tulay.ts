import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { loadConfig } from '../../src/server/config.ts';
import { type Running, startServer } from '../../src/server/server.ts';
import {
  pgliteDirTemplate,
  postgresTemplate,
  templatesEnabled,
} from '../../src/server/testing/test-templates.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));

/** A real Tulay on a loopback port, on its own fresh database, for one spec file. */
export interface TestTulay {
  url: string;
  /** The printed first-administrator link, pointing at this server's real port. */
  setupLink: string;
  running: Running;
  /** The link in the newest email to `to` (the outbox is where mail waits without SMTP). */
  linkFor(to: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Builds dist/web if its sources changed, so the browser sees the current interface. Once per run:
 * the e2e global setup (./global-setup.ts) checks before any journey and sets TULAY_WEB_CHECKED.
 */
export function ensureWebBuilt(): void {
  if (process.env.TULAY_WEB_CHECKED === '1') return;
  const result = spawnSync(process.execPath, [join(repo, 'scripts/build-web-if-stale.mjs')], {
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('Building the web app failed');
  process.env.TULAY_WEB_CHECKED = '1';
}

/**
 * Starts Tulay with `startServer` on port 0: embedded PGlite in a temporary DATA_DIR, or, when
 * DATABASE_URL is set, a brand-new database on that server, dropped again by `stop()`. Either
 * starts as a copy of the migrated template (src/server/testing/test-templates.ts), so the server's
 * own migrations find nothing to do; everything after them (role defaults, the setup link) is its own.
 */
export async function startTulay(): Promise<TestTulay> {
  ensureWebBuilt();
  const serverUrl = process.env.DATABASE_URL;
  let dataDir: string | undefined;
  let databaseUrl: string | undefined;
  let dropDatabase = async () => {};
  if (serverUrl) {
    const name = `tulay_e2e_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    const template = templatesEnabled() ? ` template ${await postgresTemplate(serverUrl)}` : '';
    await admin.query(`create database ${name}${template}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  } else {
    dataDir = mkdtempSync(join(tmpdir(), 'tulay-e2e-'));
    if (templatesEnabled())
      cpSync(join(await pgliteDirTemplate(), 'pg'), join(dataDir, 'pg'), { recursive: true });
  }
  const env: Record<string, string> = {
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir ?? join(tmpdir(), 'tulay-e2e-unused'),
    DEMO_DATA: 'false',
    LOG_LEVEL: 'warn',
  };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  const running = await startServer(loadConfig(env as NodeJS.ProcessEnv));
  const origin = running.url.replace('[::1]', 'localhost');
  // The link is printed with PUBLIC_URL, which defaults to port 0 here: keep only path and fragment.
  const onThisServer = (link: string) => {
    const u = new URL(link);
    return `${origin}${u.pathname}${u.hash}`;
  };
  if (!running.setupLink) throw new Error('A fresh database should print a setup link');
  return {
    url: origin,
    setupLink: onThisServer(running.setupLink),
    running,
    async linkFor(to) {
      const { rows } = await running.database.pool.query<{ body_text: string }>(
        'select body_text from outbox where to_address = $1 order by created_at desc limit 1',
        [to],
      );
      const link = rows[0]?.body_text.match(/https?:\/\/\S+#token=[A-Za-z0-9_-]+/)?.[0];
      if (!link) throw new Error(`No link in the outbox for ${to}`);
      return onThisServer(link);
    },
    async stop() {
      await running.stop();
      await dropDatabase();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
