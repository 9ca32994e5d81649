import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { from as copyFrom } from 'pg-copy-streams';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import type { Database, Engine } from '../src/server/db/client.ts';
import { migrationsFolder, runMigrations } from '../src/server/db/migrate.ts';
import { multipart } from '../src/server/modules/directory/test-support.ts';
import { ensureRoleDefaults } from '../src/server/platform/auth/bootstrap.ts';
import { seedDirectory } from './directory-seed.ts';
import { benchSession } from './lib/bench-session.ts';
import type { Benchmark } from './lib/benchmark.ts';
import { openBenchDatabase } from './lib/engine.ts';
import { compare, summarise } from './lib/measure.ts';

const ORGANISATIONS = Number(process.env.DIRECTORY_BENCH_ORGS ?? 100_000);
const PEOPLE = Number(process.env.DIRECTORY_BENCH_PEOPLE ?? 200_000);
const IMPORT_ROWS = Number(process.env.DIRECTORY_BENCH_IMPORT ?? 100_000);

/** The import file and the same rows as COPY would load them (the values the import computes). */
function importRows(n: number) {
  const csv = ['external_id,name,type,country,countries,founded_year,website,published'];
  const copy: string[] = [];
  for (let i = 0; i < n; i += 1) {
    const name = `Imported organisation ${i}`;
    const country = ['PH', 'ID', 'NP', 'QA'][i % 4]!;
    csv.push(
      `imp-${i},${name},ngo,${country},"${country};HK",${1960 + (i % 60)},example${i}.org,${i % 2 ? 'yes' : 'no'}`,
    );
    copy.push(
      `imp-${i},${name},ngo,${country},"{${country},HK}",${1960 + (i % 60)},https://example${i}.org,${i % 2 ? 't' : 'f'},${name.toLowerCase()}`,
    );
  }
  return { csv: `${csv.join('\n')}\n`, copy: `${copy.join('\n')}\n` };
}
const COPY_COLUMNS =
  '(external_id, name, type_code, country_code, countries, founded_year, website, published, search_text)';

/** COPY of the rows into an empty table shaped like organisations (same columns and indexes). */
async function copyBaseline(engine: Engine, database: Database, rows: string): Promise<number> {
  if (engine === 'postgres') {
    await database.pool.query('create table organisations_copy (like organisations including all)');
    const client = await database.pool.connect();
    const start = performance.now();
    await pipeline(
      Readable.from([rows]),
      client.query(copyFrom(`COPY organisations_copy ${COPY_COLUMNS} FROM STDIN WITH (FORMAT csv)`)),
    );
    const ms = performance.now() - start;
    client.release();
    return ms;
  }
  // The embedded engine's socket does not speak the COPY sub-protocol: COPY runs on an in-process
  // PGlite of the same version, migrated the same way, reading the rows from a blob.
  const lite = await PGlite.create({ extensions: { btree_gist, pg_trgm } });
  await migrate(drizzle(lite), {
    migrationsFolder,
    migrationsSchema: 'tulay_meta',
    migrationsTable: 'migrations',
  });
  const start = performance.now();
  await lite.query(`COPY organisations ${COPY_COLUMNS} FROM '/dev/blob' WITH (FORMAT csv)`, [], {
    blob: new Blob([rows]),
  });
  const ms = performance.now() - start;
  await lite.close();
  return ms;
}

async function measure(engine: Engine, report: Parameters<Benchmark['run']>[0]) {
  const opened = await openBenchDatabase(engine, 600_000);
  if (!opened) return;
  const { database } = opened;
  try {
    await runMigrations(database);
    await ensureRoleDefaults(database.db);
    const loadStart = performance.now();
    await seedDirectory(database, ORGANISATIONS, PEOPLE);
    console.log(
      `  ${engine}: loaded ${ORGANISATIONS.toLocaleString('en')} organisations and ${PEOPLE.toLocaleString('en')} people in ${((performance.now() - loadStart) / 1000).toFixed(0)} s`,
    );
    const config = loadConfig({ LOG_LEVEL: 'silent', DEMO_DATA: 'false' } as NodeJS.ProcessEnv);
    const app = await buildApp({ config, database, webRoot: '/nonexistent' });
    await app.ready();
    const cookie = await benchSession(database, 'secretariat');
    // The origin a browser on this site sends with its writes (PUBLIC_URL's default).
    const headers = {
      host: 'localhost:3000',
      origin: 'http://localhost:3000',
      cookie,
    };
    const network = (await database.pool.query(`select id from organisations where external_id = 'seed-7'`))
      .rows[0].id;
    const asean = ['BN', 'KH', 'ID', 'LA', 'MY', 'MM', 'PH', 'SG', 'TH', 'TL', 'VN'];

    const cases: [string, string, string, unknown[]][] = [
      [
        '?q=solidarity (trigram)',
        '/api/v1/organisations?q=solidarity&sort=name&limit=50',
        `select * from organisations where merged_into_id is null and (search_text like '%solidarity%' or to_tsvector('simple', coalesce(description, '')) @@ websearch_to_tsquery('simple', 'solidarity')) order by lower(name), id limit 51`,
        [],
      ],
      [
        '?type=trade_union&region=asean',
        '/api/v1/organisations?type=trade_union&region=asean&limit=50',
        `select * from organisations where merged_into_id is null and type_code in ('trade_union') and (country_code = any($1) or countries && $1::text[]) order by lower(name), id limit 51`,
        [asean],
      ],
      [
        '?network=…&role=partner&activeOn=2020-01-01',
        `/api/v1/organisations?network=${network}&role=partner&activeOn=2020-01-01&limit=50`,
        `select o.* from organisations o where o.merged_into_id is null and exists (select 1 from memberships m where m.organisation_id = o.id and m.parent_id = $1 and m.role_code in ('partner') and (m.start_date is null or m.start_date <= '2020-01-01') and (m.end_date is null or m.end_date >= '2020')) order by lower(o.name), o.id limit 51`,
        [network],
      ],
    ];
    for (const [label, url, bare, values] of cases) {
      const check = await app.inject({ method: 'GET', url, headers });
      if (check.statusCode !== 200) throw new Error(`${url}: ${check.statusCode} ${check.body}`);
      report(
        await compare({
          label: `search ${label} · ${engine} · ${ORGANISATIONS.toLocaleString('en')} orgs`,
          candidate: {
            name: 'GET /api/v1/organisations (whole stack)',
            run: () => app.inject({ method: 'GET', url, headers }),
          },
          baseline: { name: 'bare SQL query', run: () => database.pool.query(bare, values) },
          warmupMs: 500,
          durationMs: 3000,
        }),
      );
    }

    if (IMPORT_ROWS === 0) return void (await app.close());
    const { csv, copy } = importRows(IMPORT_ROWS);
    const importOnce = async () => {
      const start = performance.now();
      const body = multipart(csv, 'bench.csv');
      const preview = await app.inject({
        method: 'POST',
        url: '/api/v1/directory/imports',
        headers: { ...headers, ...body.headers },
        payload: body.payload,
      });
      if (preview.statusCode !== 201)
        throw new Error(`preview: ${preview.statusCode} ${preview.body.slice(0, 300)}`);
      const p = preview.json().data;
      const commit = await app.inject({
        method: 'POST',
        url: `/api/v1/directory/imports/${p.id}/commit`,
        headers,
        payload: { version: p.version },
      });
      if (commit.statusCode !== 200)
        throw new Error(`commit: ${commit.statusCode} ${commit.body.slice(0, 300)}`);
      return { ms: performance.now() - start, summary: commit.json().data };
    };
    const first = await importOnce();
    const again = await importOnce();
    if (first.summary.create !== IMPORT_ROWS || again.summary.unchanged !== IMPORT_ROWS) {
      throw new Error(`unexpected import summaries ${JSON.stringify([first.summary, again.summary])}`);
    }
    const copyMs = await copyBaseline(engine, database, copy);
    const baseline = summarise(engine === 'pglite' ? 'COPY (in-process PGlite)' : 'COPY FROM STDIN', [
      copyMs,
    ]);
    for (const [label, run] of [
      ['import (preview + commit, all new)', first],
      ['re-import (all unchanged)', again],
    ] as const) {
      const candidate = summarise('CSV import through the API', [run.ms]);
      report({
        label: `${label} · ${engine} · ${IMPORT_ROWS.toLocaleString('en')} rows`,
        candidate,
        baseline,
        ratioP50: candidate.p50 / baseline.p50,
        ratioP95: candidate.p95 / baseline.p95,
      });
    }
    await app.close();
  } finally {
    await opened.drop();
  }
}

const benchmark: Benchmark = {
  description: `Directory search (HTTP API vs bare SQL, p95) and a ${IMPORT_ROWS.toLocaleString('en')}-row CSV import (vs COPY of the same rows), ${ORGANISATIONS.toLocaleString('en')} organisations and ${PEOPLE.toLocaleString('en')} people, both engines.`,
  async run(report) {
    await measure('pglite', report);
    await measure('postgres', report);
  },
};
export default benchmark;
