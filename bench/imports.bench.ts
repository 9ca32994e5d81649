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
import { benchSession } from './lib/bench-session.ts';
import type { Benchmark } from './lib/benchmark.ts';
import { openBenchDatabase } from './lib/engine.ts';
import { summarise } from './lib/measure.ts';

// Issue 14's import goal: 100k rows through the directory import (preview + commit) within 3× a
// COPY of the same rows. Organisations and people, each into a database holding nothing else.
const ROWS = Number(process.env.IMPORTS_BENCH_ROWS ?? 100_000);
const ENGINES = (process.env.IMPORTS_BENCH_ENGINES ?? 'pglite,postgres').split(',') as Engine[];

interface Case {
  entity: 'organisations' | 'people';
  /** The import file. */
  csv: string;
  /** The same rows as COPY loads them: the values the import computes. */
  copy: string;
  columns: string;
}

function organisationsCase(n: number): Case {
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
  return {
    entity: 'organisations',
    csv: `${csv.join('\n')}\n`,
    copy: `${copy.join('\n')}\n`,
    columns:
      '(external_id, name, type_code, country_code, countries, founded_year, website, published, search_text)',
  };
}

function peopleCase(n: number): Case {
  const csv = ['external_id,name,country,languages,email,phone,public_consent'];
  const copy: string[] = [];
  const now = new Date().toISOString();
  for (let i = 0; i < n; i += 1) {
    const name = `Imported Person ${i}`;
    const country = ['PH', 'ID', 'NP', 'BD'][i % 4]!;
    const consent = i % 2 === 0;
    csv.push(
      `p-${i},${name},${country},en;fil,person${i}@example.org,+63 2 555 ${i},${consent ? 'yes' : 'no'}`,
    );
    copy.push(
      `p-${i},${name},${country},"{en,fil}",person${i}@example.org,+63 2 555 ${i},${consent ? 't' : 'f'},${consent ? now : ''},${name.toLowerCase()} `,
    );
  }
  return {
    entity: 'people',
    csv: `${csv.join('\n')}\n`,
    copy: `${copy.join('\n')}\n`,
    columns:
      '(external_id, name, country_code, languages, email, phone, public_consent, consent_recorded_at, search_text)',
  };
}

/** COPY into an empty table shaped like the entity's (same columns and indexes). */
async function copyBaseline(engine: Engine, database: Database, c: Case): Promise<number> {
  if (engine === 'postgres') {
    await database.pool.query(`create table ${c.entity}_copy (like ${c.entity} including all)`);
    const client = await database.pool.connect();
    try {
      const start = performance.now();
      await pipeline(
        Readable.from([c.copy]),
        client.query(copyFrom(`COPY ${c.entity}_copy ${c.columns} FROM STDIN WITH (FORMAT csv)`)),
      );
      return performance.now() - start;
    } finally {
      client.release();
    }
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
  await lite.query(`COPY ${c.entity} ${c.columns} FROM '/dev/blob' WITH (FORMAT csv)`, [], {
    blob: new Blob([c.copy]),
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
    await database.pool.query(`insert into organisations (name, search_text) values ('Bench', 'bench')`);
    // Reading 100k rows takes longer than a request's file-work limit on a busy machine.
    const config = loadConfig({
      LOG_LEVEL: 'silent',
      DEMO_DATA: 'false',
      FILE_WORK_TIMEOUT_MS: '600000',
    } as unknown as NodeJS.ProcessEnv);
    const app = await buildApp({ config, database, webRoot: '/nonexistent' });
    await app.ready();
    const headers = {
      host: 'localhost:3000',
      origin: 'http://localhost:3000',
      cookie: await benchSession(database, 'secretariat'),
    };
    for (const c of [organisationsCase(ROWS), peopleCase(ROWS)]) {
      const importOnce = async () => {
        const body = multipart(c.csv, `${c.entity}.csv`);
        const start = performance.now();
        const preview = await app.inject({
          method: 'POST',
          url: `/api/v1/directory/imports?entity=${c.entity}`,
          headers: { ...headers, ...body.headers },
          payload: body.payload,
        });
        if (preview.statusCode !== 201)
          throw new Error(`preview: ${preview.statusCode} ${preview.body.slice(0, 300)}`);
        const previewMs = performance.now() - start;
        const p = preview.json().data;
        const commit = await app.inject({
          method: 'POST',
          url: `/api/v1/directory/imports/${p.id}/commit`,
          headers,
          payload: { version: p.version },
        });
        if (commit.statusCode !== 200)
          throw new Error(`commit: ${commit.statusCode} ${commit.body.slice(0, 300)}`);
        const ms = performance.now() - start;
        return { ms, previewMs, summary: commit.json().data };
      };
      const first = await importOnce();
      const again = await importOnce();
      if (first.summary.create !== ROWS || again.summary.unchanged !== ROWS)
        throw new Error(`unexpected import summaries ${JSON.stringify([first.summary, again.summary])}`);
      console.log(
        `  ${engine} ${c.entity}: preview ${(first.previewMs / 1000).toFixed(1)} s + commit ${((first.ms - first.previewMs) / 1000).toFixed(1)} s; re-import preview ${(again.previewMs / 1000).toFixed(1)} s + commit ${((again.ms - again.previewMs) / 1000).toFixed(1)} s`,
      );
      const baseline = summarise(engine === 'pglite' ? 'COPY (in-process PGlite)' : 'COPY FROM STDIN', [
        await copyBaseline(engine, database, c),
      ]);
      for (const [label, run] of [
        ['import (preview + commit, all new)', first],
        ['re-import (all unchanged)', again],
      ] as const) {
        const candidate = summarise('CSV import through the API', [run.ms]);
        report({
          label: `${c.entity} ${label} · ${engine} · ${ROWS.toLocaleString('en')} rows`,
          candidate,
          baseline,
          ratioP50: candidate.p50 / baseline.p50,
          ratioP95: candidate.p95 / baseline.p95,
        });
      }
    }
    await app.close();
  } finally {
    await opened.drop();
  }
}

const benchmark: Benchmark = {
  description: `Directory imports of ${ROWS.toLocaleString('en')} organisations and ${ROWS.toLocaleString('en')} people (CSV through the API, preview + commit) vs COPY of the same rows, ${ENGINES.join(' and ')}.`,
  async run(report) {
    for (const engine of ENGINES) await measure(engine, report);
  },
};
export default benchmark;
