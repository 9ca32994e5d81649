import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import type { Database, Engine } from '../src/server/db/client.ts';
import { runMigrations } from '../src/server/db/migrate.ts';
import { ensureRoleDefaults } from '../src/server/platform/auth/bootstrap.ts';
import { benchSession } from './lib/bench-session.ts';
import type { Benchmark } from './lib/benchmark.ts';
import { openBenchDatabase } from './lib/engine.ts';
import { compare } from './lib/measure.ts';

const ORGANISATIONS = 3000;
const PATH = '/api/v1/organisations?limit=50';

async function seed(database: Database): Promise<void> {
  await runMigrations(database);
  await ensureRoleDefaults(database.db);
  await database.pool.query(
    `insert into organisations (name, acronym, country_code, published, search_text)
     select 'Organisation ' || i, 'O' || i, (array['PH','ID','NP','TH','MY'])[1 + i % 5], i % 3 = 0, lower('Organisation ' || i)
     from generate_series(1, $1::int) i`,
    [ORGANISATIONS],
  );
}

/**
 * The statement the endpoint runs for its list, recorded from one real request, so the baseline
 * stays the same query however the repository writes it.
 */
async function captureListQuery(
  database: Database,
  request: () => Promise<unknown>,
): Promise<pg.QueryConfig> {
  const pool = database.pool as unknown as { query: (...args: unknown[]) => unknown };
  const original = pool.query;
  const seen: pg.QueryConfig[] = [];
  pool.query = function (this: unknown, config: unknown, values?: unknown, callback?: unknown) {
    // Drizzle passes the values beside the config object; the replay needs them together.
    const c = typeof config === 'string' ? { text: config } : (config as pg.QueryConfig);
    seen.push({ ...c, values: Array.isArray(values) ? values : c.values });
    return original.call(this, config, values, callback);
  };
  try {
    await request();
  } finally {
    pool.query = original;
  }
  const list = seen.find((q) => /from "organisations"/i.test(q.text) && /\blimit\b/i.test(q.text));
  if (!list) throw new Error(`No organisation list query seen among:\n${seen.map((q) => q.text).join('\n')}`);
  // Part of the overhead is the other statements (session, vocabulary labels …): say how many.
  console.log(
    `  (one request runs ${seen.length} SQL statements through the pool; the baseline is its list query)`,
  );
  return list;
}

async function measure(engine: Engine, report: Parameters<Benchmark['run']>[0]): Promise<void> {
  const opened = await openBenchDatabase(engine, 60_000);
  if (!opened) return;
  let app: FastifyInstance | undefined;
  try {
    const { database } = opened;
    await seed(database);
    const config = loadConfig({ LOG_LEVEL: 'silent', DEMO_DATA: 'false' } as NodeJS.ProcessEnv);
    app = await buildApp({ config, database, webRoot: '/nonexistent' });
    const base = (await app.listen({ port: 0, host: '127.0.0.1' })).replace('localhost', '127.0.0.1');
    // Writes must come from PUBLIC_URL's origin: make it the port really listened on.
    config.publicUrl = base;
    const cookie = await benchSession(database, 'viewer');
    const get = async () => {
      const response = await fetch(`${base}${PATH}`, { headers: { cookie } });
      if (response.status !== 200)
        throw new Error(`GET ${PATH}: ${response.status} ${await response.text()}`);
      return response.text();
    };
    const list = await captureListQuery(database, get);
    report(
      await compare({
        label: `${PATH} · ${engine}`,
        candidate: { name: 'HTTP GET (loopback, signed in)', run: get },
        baseline: { name: 'its list SQL on the same pool', run: () => database.pool.query(list) },
        warmupMs: 700,
        durationMs: 3000,
      }),
    );
  } finally {
    await app?.close();
    await opened.drop();
  }
}

const benchmark: Benchmark = {
  description: `GET ${PATH} over HTTP on 127.0.0.1 (${ORGANISATIONS} organisations) vs the same SELECT through the same pool, on both engines.`,
  async run(report) {
    await measure('pglite', report);
    await measure('postgres', report);
  },
};
export default benchmark;
