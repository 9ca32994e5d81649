import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import countryCodes from 'i18n-iso-countries';
import { from as copyFrom } from 'pg-copy-streams';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import type { Database, Engine } from '../src/server/db/client.ts';
import { migrationsFolder, runMigrations } from '../src/server/db/migrate.ts';
import { multipart } from '../src/server/modules/directory/test-support.ts';
import { readStatisticsFile } from '../src/server/modules/statistics/formats/read.ts';
import { undesaWorkbook } from '../src/server/modules/statistics/test-files.ts';
import { ensureRoleDefaults } from '../src/server/platform/auth/bootstrap.ts';
import { benchSession } from './lib/bench-session.ts';
import type { Benchmark } from './lib/benchmark.ts';
import { openBenchDatabase } from './lib/engine.ts';
import { compare, summarise } from './lib/measure.ts';

// UN DESA's "by destination and origin" workbook (International Migrant Stock 2020) has ~32,000
// destination × origin rows of 21 figures (7 years × both sexes, males, females). The generated one
// keeps that layout: each destination starts with a "World" row (a region row, skipped), then one row
// per origin country. 160 destinations × 150 origins × 21 ≈ half a million figures by default.
const DESTINATIONS = Number(process.env.STATISTICS_BENCH_DESTINATIONS ?? 160);
const ORIGINS = Number(process.env.STATISTICS_BENCH_ORIGINS ?? 150);
const YEARS = ['1990', '1995', '2000', '2005', '2010', '2015', '2020'];
const SEXES = ['T', 'M', 'F'] as const;
const ENGINES = (process.env.STATISTICS_BENCH_ENGINES ?? 'pglite,postgres').split(',') as Engine[];

interface Generated {
  workbook: Buffer;
  /** The same figures as COPY rows, after `dataset_id,indicator_id,` (the values the import computes). */
  copyTail: string[];
  observations: number;
}

/** Deterministic figures: a stock per pair, split into males and females, growing over the years. */
async function generate(): Promise<Generated> {
  const numeric = Object.entries(countryCodes.getNumericCodes()).sort(([a], [b]) => a.localeCompare(b));
  if (DESTINATIONS > numeric.length || ORIGINS >= numeric.length) throw new Error('too many countries');
  // The destinations include the Philippines (608), whose profile is measured below.
  const destinations = [
    ...numeric.filter(([n]) => n === '608'),
    ...numeric.filter(([n]) => n !== '608').slice(0, DESTINATIONS - 1),
  ];
  const rows: (string | number | null)[][] = [];
  const copyTail: string[] = [];
  let index = 1;
  for (const [d, dAlpha2] of destinations) {
    rows.push([index++, `Destination ${d}`, null, Number(d), 'B', 'World', 900, ...Array(21).fill(1)]);
    const origins = numeric.filter(([n]) => n !== d).slice(0, ORIGINS);
    for (const [o, oAlpha2] of origins) {
      const base = ((Number(d) * 31 + Number(o) * 17) % 9973) * 13 + 5;
      const values: number[] = [];
      for (const sex of SEXES) {
        YEARS.forEach((year, y) => {
          const total = base + y * 101;
          const value =
            sex === 'T' ? total : sex === 'M' ? Math.floor(total / 2) : total - Math.floor(total / 2);
          values.push(value);
          // An empty unquoted CSV field is NULL to COPY; the importer writes empty texts.
          copyTail.push(`${dAlpha2},${oAlpha2},${year},${sex},"",${value},"",""`);
        });
      }
      rows.push([index++, `Destination ${d}`, null, Number(d), 'B', `Origin ${o}`, Number(o), ...values]);
    }
  }
  const workbook = await undesaWorkbook(rows, { origin: true });
  return { workbook, copyTail, observations: copyTail.length };
}

const COPY_COLUMNS =
  '(dataset_id, indicator_id, area, counterpart, period, sex, classification, value, status, note)';

/**
 * COPY of the same figures into statistics_observations, under another data set of the same
 * database on the server (in a transaction rolled back after, so the profile sees one data set).
 * The embedded engine's socket does not speak the COPY sub-protocol: there COPY runs on an
 * in-process PGlite of the same version, migrated the same way, reading the rows from a blob.
 */
async function copyBaseline(engine: Engine, database: Database, copyTail: string[]): Promise<number> {
  const setup = `
    insert into statistics_datasets (id, code, titles, source) values ('00000000-0000-4000-8000-00000000c0b1', 'copy-baseline', '{"en":"COPY"}', 'bench');
    insert into statistics_indicators (id, code, labels, unit, flow) values ('00000000-0000-4000-8000-00000000c0b2', 'COPY_STOCK', '{"en":"COPY"}', 'persons', 'stock')`;
  const lines = `${copyTail.map((t) => `00000000-0000-4000-8000-00000000c0b1,00000000-0000-4000-8000-00000000c0b2,${t}`).join('\n')}\n`;
  if (engine === 'postgres') {
    const client = await database.pool.connect();
    try {
      await client.query('begin');
      await client.query(setup);
      const start = performance.now();
      await pipeline(
        Readable.from([lines]),
        client.query(copyFrom(`COPY statistics_observations ${COPY_COLUMNS} FROM STDIN WITH (FORMAT csv)`)),
      );
      const ms = performance.now() - start;
      await client.query('rollback');
      return ms;
    } finally {
      client.release();
    }
  }
  const lite = await PGlite.create({ extensions: { btree_gist, pg_trgm } });
  await migrate(drizzle(lite), {
    migrationsFolder,
    migrationsSchema: 'tulay_meta',
    migrationsTable: 'migrations',
  });
  await lite.exec(setup);
  const start = performance.now();
  await lite.query(`COPY statistics_observations ${COPY_COLUMNS} FROM '/dev/blob' WITH (FORMAT csv)`, [], {
    blob: new Blob([lines]),
  });
  const ms = performance.now() - start;
  await lite.close();
  return ms;
}

/** The three queries of a country profile (repository-views.ts), as bare SQL for the public. */
const PROFILE_SQL = [
  `select i.code as indicator, i.labels, i.unit, i.flow, o.area, o.counterpart, o.period, o.sex, o.classification, o.value, o.status, d.code as dataset, d.source, d.network, d.demonstration
   from statistics_observations o join statistics_indicators i on i.id = o.indicator_id join statistics_datasets d on d.id = o.dataset_id
   where o.area = 'PH' and o.counterpart = '' and d.published order by i.code, o.classification, o.period, o.sex`,
  ...[
    ['o.area', 'o.counterpart'],
    ['o.counterpart', 'o.area'],
  ].map(
    ([mine, other]) => `with stock as (
      select ${other} as country, o.period, o.value, d.code as dataset from statistics_observations o
      join statistics_indicators i on i.id = o.indicator_id and i.flow = 'stock'
      join statistics_datasets d on d.id = o.dataset_id
      where ${mine} = 'PH' and o.counterpart <> '' and o.sex = 'T' and o.classification = '' and length(${other}) = 2 and d.published)
    select country, period, value, dataset from stock where period = (select max(period) from stock)
    order by value desc, country limit 10`,
  ),
];

async function measure(engine: Engine, generated: Generated, report: Parameters<Benchmark['run']>[0]) {
  const opened = await openBenchDatabase(engine, 600_000);
  if (!opened) return;
  const { database } = opened;
  const dataDir = mkdtempSync(join(tmpdir(), 'tulay-statbench-'));
  try {
    await runMigrations(database);
    await ensureRoleDefaults(database.db);
    await database.pool.query(`insert into organisations (name, search_text) values ('Bench', 'bench')`);
    const config = loadConfig({
      LOG_LEVEL: 'silent',
      DEMO_DATA: 'false',
      DATA_DIR: dataDir,
      FILE_WORK_TIMEOUT_MS: '600000',
    } as unknown as NodeJS.ProcessEnv);
    const app = await buildApp({ config, database, webRoot: '/nonexistent' });
    await app.ready();
    const headers = {
      host: 'localhost:3000',
      origin: 'http://localhost:3000',
      cookie: await benchSession(database, 'secretariat'),
    };
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/statistics/datasets',
      headers,
      payload: {
        code: 'undesa-ims-2020',
        titles: { en: 'Migrant stock (bench)' },
        source: 'UN DESA',
        published: true,
      },
    });
    if (created.statusCode !== 201) throw new Error(`dataset: ${created.statusCode} ${created.body}`);
    const datasetId = created.json().data.id as string;

    const importOnce = async () => {
      const body = multipart(
        generated.workbook,
        'undesa_pd_2020_ims_stock_by_sex_destination_and_origin.xlsx',
      );
      const start = performance.now();
      const preview = await app.inject({
        method: 'POST',
        url: `/api/v1/statistics/datasets/${datasetId}/imports`,
        headers: { ...headers, ...body.headers },
        payload: body.payload,
      });
      if (preview.statusCode !== 201)
        throw new Error(`preview: ${preview.statusCode} ${preview.body.slice(0, 300)}`);
      const previewMs = performance.now() - start;
      const p = preview.json().data;
      const commit = await app.inject({
        method: 'POST',
        url: `/api/v1/statistics/imports/${p.id}/commit`,
        headers,
        payload: { version: p.version },
      });
      if (commit.statusCode !== 200)
        throw new Error(`commit: ${commit.statusCode} ${commit.body.slice(0, 300)}`);
      const ms = performance.now() - start;
      return { ms, previewMs, commitMs: ms - previewMs, summary: p.summary };
    };
    const first = await importOnce();
    const again = await importOnce();
    if (first.summary.new !== generated.observations || again.summary.unchanged !== generated.observations)
      throw new Error(`unexpected summaries ${JSON.stringify([first.summary, again.summary])}`);
    const readStart = performance.now();
    await readStatisticsFile(generated.workbook, 'undesa');
    const readMs = performance.now() - readStart;
    console.log(
      `  ${engine}: first import preview ${(first.previewMs / 1000).toFixed(1)} s + commit ${(first.commitMs / 1000).toFixed(1)} s; re-import preview ${(again.previewMs / 1000).toFixed(1)} s + commit ${(again.commitMs / 1000).toFixed(1)} s; reading the workbook alone (main thread) ${(readMs / 1000).toFixed(1)} s`,
    );

    const copyMs = await copyBaseline(engine, database, generated.copyTail);
    const baseline = summarise(engine === 'pglite' ? 'COPY (in-process PGlite)' : 'COPY FROM STDIN', [
      copyMs,
    ]);
    const rows = `${generated.observations.toLocaleString('en')} figures`;
    for (const [label, ms, name] of [
      ['import (preview + commit, all new)', first.ms, 'XLSX import through the API'],
      ['commit alone (all new)', first.commitMs, 'commit (the write, in one transaction)'],
      ['re-import (all unchanged)', again.ms, 'XLSX import through the API'],
    ] as const) {
      const candidate = summarise(name, [ms]);
      report({
        label: `${label} · ${engine} · ${rows}`,
        candidate,
        baseline,
        ratioP50: candidate.p50 / baseline.p50,
        ratioP95: candidate.p95 / baseline.p95,
      });
    }

    await database.pool.query('analyze statistics_observations');
    const check = await app.inject({ method: 'GET', url: '/api/v1/statistics/areas/PH' });
    if (check.statusCode !== 200 || check.json().data.origins.length !== 10)
      throw new Error(`profile: ${check.statusCode} ${check.body.slice(0, 300)}`);
    report(
      await compare({
        label: `country profile PH (public) · ${engine} · ${rows}`,
        candidate: {
          name: 'GET /api/v1/statistics/areas/PH',
          run: () => app.inject({ method: 'GET', url: '/api/v1/statistics/areas/PH' }),
        },
        baseline: {
          name: 'its 3 queries, bare SQL',
          run: async () => {
            for (const q of PROFILE_SQL) await database.pool.query(q);
          },
        },
        warmupMs: 1000,
        durationMs: 5000,
      }),
    );
    await app.close();
  } finally {
    await opened.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const benchmark: Benchmark = {
  description: `A UN DESA destination × origin workbook (${DESTINATIONS} × ${ORIGINS} pairs × 21 figures) imported through the API (preview + commit) vs COPY of the same figures, and a country profile vs its bare SQL at p95, both engines.`,
  async run(report) {
    const start = performance.now();
    const generated = await generate();
    console.log(
      `  generated ${generated.observations.toLocaleString('en')} figures, ${(generated.workbook.length / 1e6).toFixed(1)} MB workbook, in ${((performance.now() - start) / 1000).toFixed(0)} s`,
    );
    for (const engine of ENGINES) await measure(engine, generated, report);
  },
};
export default benchmark;
