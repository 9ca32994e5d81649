// Load: many clients at once on loopback, bounded in time, against four paths a real installation
// serves most, each compared with /healthz measured in the same run on the same server.
import autocannon from 'autocannon';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import type { Database, Engine } from '../src/server/db/client.ts';
import { runMigrations } from '../src/server/db/migrate.ts';
import { ensureRoleDefaults } from '../src/server/platform/auth/bootstrap.ts';
import { seedDirectory } from './directory-seed.ts';
import { benchSession } from './lib/bench-session.ts';
import type { Benchmark } from './lib/benchmark.ts';
import { openBenchDatabase } from './lib/engine.ts';
import type { Comparison } from './lib/measure.ts';

const ORGANISATIONS = Number(process.env.LOAD_ORGANISATIONS ?? 20_000);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 16);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 5);

interface Target {
  name: string;
  path: string;
  signedIn?: boolean;
}

const TARGETS: Target[] = [
  { name: 'public search (HTML)', path: '/search?q=migrant' },
  { name: 'public organisation list', path: '/api/v1/public/organisations?limit=50' },
  { name: 'signed-in organisation list', path: '/api/v1/organisations?limit=50', signedIn: true },
  { name: 'Get-help challenge', path: '/api/v1/intake/challenge' },
];

async function seed(database: Database): Promise<void> {
  await database.withStatementBudget(600_000, async (slow) => {
    await runMigrations(slow);
    await ensureRoleDefaults(slow.db);
    await seedDirectory(slow, ORGANISATIONS, 0);
  });
}

interface Load {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

let nextClient = 0;

/**
 * One bounded autocannon run; any non-2xx answer or socket error counts as an error. Every request
 * comes from its own client address through the trusted proxy, as on a real installation, so the
 * per-address limits (Get-help allows 30 challenges a minute to one address) measure the path and
 * not the limiter.
 */
async function load(url: string, headers: Record<string, string>, seconds: number): Promise<Load> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    headers,
    requests: [
      {
        setupRequest: (request) => {
          nextClient += 1;
          const address = `10.${(nextClient >> 16) & 255}.${(nextClient >> 8) & 255}.${nextClient & 255}`;
          return { ...request, headers: { ...request.headers, 'x-forwarded-for': address } };
        },
      },
    ],
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

function asComparison(label: string, candidate: Load, baseline: Load, target: string): Comparison {
  // The summary table reads latency percentiles; p99 stands in the p95 column and says so.
  const stats = (name: string, l: Load) => ({ name, samples: 0, p50: l.p50, p95: l.p99, mean: l.p50 });
  return {
    label: `${label} (p99 in the p95 column)`,
    candidate: stats(target, candidate),
    baseline: stats('/healthz', baseline),
    ratioP50: candidate.p50 / Math.max(baseline.p50, 0.001),
    ratioP95: candidate.p99 / Math.max(baseline.p99, 0.001),
  };
}

async function measure(engine: Engine, report: Parameters<Benchmark['run']>[0]): Promise<void> {
  const opened = await openBenchDatabase(engine, 60_000);
  if (!opened) return;
  let app: FastifyInstance | undefined;
  try {
    await seed(opened.database);
    const config = loadConfig({
      LOG_LEVEL: 'silent',
      DEMO_DATA: 'false',
      TRUST_PROXY: 'true',
    } as NodeJS.ProcessEnv);
    app = await buildApp({ config, database: opened.database, webRoot: '/nonexistent' });
    const base = (await app.listen({ port: 0, host: '127.0.0.1' })).replace('localhost', '127.0.0.1');
    const cookie = await benchSession(opened.database, 'viewer');
    await load(`${base}/healthz`, {}, 1); // warm-up: connections, JIT
    for (const target of TARGETS) {
      const headers: Record<string, string> = target.signedIn ? { cookie } : {};
      await load(`${base}${target.path}`, headers, 1);
      const healthz = await load(`${base}/healthz`, {}, SECONDS);
      const candidate = await load(`${base}${target.path}`, headers, SECONDS);
      console.log(
        `  ${engine} · ${target.name}: ${candidate.rps.toFixed(0)} req/s (${(candidate.rps / healthz.rps).toFixed(3)}× /healthz's ${healthz.rps.toFixed(0)}), p99 ${candidate.p99} ms (${(candidate.p99 / Math.max(healthz.p99, 1)).toFixed(1)}× /healthz's ${healthz.p99} ms), errors ${candidate.errors}`,
      );
      report(asComparison(`${target.name} · ${engine}`, candidate, healthz, target.path));
    }
  } finally {
    await app?.close();
    await opened.drop();
  }
}

const benchmark: Benchmark = {
  description: `${CONNECTIONS} concurrent clients for ${SECONDS} s per path on 127.0.0.1 (${ORGANISATIONS} organisations): requests per second and p99 of four public and signed-in paths, each against /healthz measured just before it, on both engines.`,
  async run(report) {
    await measure('pglite', report);
    await measure('postgres', report);
  },
};
export default benchmark;
