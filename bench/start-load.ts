// The signed-in organisation list under load, served the way `npm start` serves it: the real start
// path (startServer: migrations, demo data, the info-level request log on standard output, a data
// directory on disk), plus LOAD_ORGANISATIONS organisations. Not a *.bench.ts: run it alone, with
// `--cpu-prof` when looking for where the time goes (docs/decisions/request-path.md):
//   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/start-load.ts > /dev/null
// Standard output carries the request log (send it where a real installation would); the figures
// go to standard error. DATABASE_URL set: that PostgreSQL server (a fresh database is made on it).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { loadConfig } from '../src/server/config.ts';
import { startServer } from '../src/server/server.ts';
import { seedDirectory } from './directory-seed.ts';
import { benchSession } from './lib/bench-session.ts';

const ORGANISATIONS = Number(process.env.LOAD_ORGANISATIONS ?? 20_000);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 16);
const PATH = process.env.LOAD_PATH ?? '/api/v1/organisations?limit=50';

const dataDir = mkdtempSync(join(tmpdir(), 'tulay-start-load-'));
let databaseUrl: string | undefined;
let dropDatabase = async () => {};
if (process.env.DATABASE_URL) {
  const name = `tulay_start_load_${process.pid}`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  databaseUrl = url.toString();
  dropDatabase = async () => {
    const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  };
}

const config = loadConfig({
  PORT: '0',
  DATA_DIR: dataDir,
  ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
  DEMO_DATA: 'true',
} as NodeJS.ProcessEnv);
const running = await startServer(config);
try {
  await running.database.withStatementBudget(600_000, (slow) => seedDirectory(slow, ORGANISATIONS, 0));
  const cookie = await benchSession(running.database, 'viewer');
  const url = `${running.url.replace('localhost', '127.0.0.1')}${PATH}`;
  const run = (duration: number) =>
    autocannon({ url, connections: CONNECTIONS, duration, headers: { cookie } });
  await run(2); // warm-up: JIT, caches, the pool's connections
  const result = await run(SECONDS);
  console.error(
    `${running.database.engine} · GET ${PATH} under the start path (LOG_LEVEL=${config.LOG_LEVEL}, demo data, ${ORGANISATIONS} organisations), ${CONNECTIONS} connections, ${SECONDS} s: ${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}, errors ${result.errors}`,
  );
} finally {
  await running.stop();
  await dropDatabase();
  rmSync(dataDir, { recursive: true, force: true });
}
