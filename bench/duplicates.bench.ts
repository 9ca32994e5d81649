// Possible duplicates at 20k organisations: one page of GET /api/v1/organisations/duplicates against
// one page of the signed-in organisation list (limit=50), the request staff make most, in the same
// run. Before the paged scan over the (country, name) trigram index, the duplicates request compared
// every pair in each country and ran past the 15 s statement timeout.
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import type { Engine } from '../src/server/db/client.ts';
import { runMigrations } from '../src/server/db/migrate.ts';
import { ensureRoleDefaults } from '../src/server/platform/auth/bootstrap.ts';
import { seedDirectory } from './directory-seed.ts';
import { benchSession } from './lib/bench-session.ts';
import type { Benchmark } from './lib/benchmark.ts';
import { openBenchDatabase } from './lib/engine.ts';
import { compare } from './lib/measure.ts';

const ORGANISATIONS = Number(process.env.DUPLICATES_BENCH_ORGS ?? 20_000);

async function measure(engine: Engine, report: Parameters<Benchmark['run']>[0]) {
  const opened = await openBenchDatabase(engine, 15_000);
  if (!opened) return;
  const { database } = opened;
  try {
    await database.withStatementBudget(600_000, async (slow) => {
      await runMigrations(slow);
      await ensureRoleDefaults(slow.db);
      await seedDirectory(slow, ORGANISATIONS, 0);
    });
    const config = loadConfig({ LOG_LEVEL: 'silent', DEMO_DATA: 'false' } as NodeJS.ProcessEnv);
    const app = await buildApp({ config, database, webRoot: '/nonexistent' });
    await app.ready();
    const cookie = await benchSession(database, 'secretariat');
    const headers = { host: 'localhost:3000', cookie };
    // A page in the middle of the scan, as after a few "Load more".
    const first = await app.inject({
      method: 'GET',
      url: '/api/v1/organisations/duplicates?limit=100',
      headers,
    });
    if (first.statusCode !== 200) throw new Error(`duplicates: ${first.statusCode} ${first.body}`);
    const duplicates = `/api/v1/organisations/duplicates?limit=100&cursor=${first.json().nextCursor}`;
    const list = '/api/v1/organisations?limit=50';
    report(
      await compare({
        label: `possible duplicates, one page of 100 organisations · ${engine} · ${ORGANISATIONS.toLocaleString('en')} orgs`,
        candidate: {
          name: 'GET /api/v1/organisations/duplicates?limit=100',
          run: () => app.inject({ method: 'GET', url: duplicates, headers }),
        },
        baseline: {
          name: 'GET /api/v1/organisations?limit=50',
          run: () => app.inject({ method: 'GET', url: list, headers }),
        },
        warmupMs: 500,
        durationMs: 5000,
      }),
    );
    await app.close();
  } finally {
    await opened.drop();
  }
}

const benchmark: Benchmark = {
  description: `Possible duplicates, one page (100 organisations examined) vs the signed-in organisation list (50), ${ORGANISATIONS.toLocaleString('en')} organisations, both engines.`,
  async run(report) {
    await measure('pglite', report);
    await measure('postgres', report);
  },
};
export default benchmark;
