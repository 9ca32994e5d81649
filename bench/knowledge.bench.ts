import { loadConfig } from '../src/server/config.ts';
import type { Database, Engine } from '../src/server/db/client.ts';
import { runMigrations } from '../src/server/db/migrate.ts';
import { search } from '../src/server/modules/search/service.ts';
import { PUBLIC } from '../src/server/platform/access/actor.ts';
import { WorkPool } from '../src/server/platform/files/work-pool.ts';
import type { Ctx } from '../src/server/platform/http/context.ts';
import type { Benchmark } from './lib/benchmark.ts';
import { openBenchDatabase } from './lib/engine.ts';
import { compare } from './lib/measure.ts';

const TARGET = Number(process.env.KNOWLEDGE_BENCH_SIZE ?? 100_000);
/**
 * A safety stop: the load ends when this budget is spent and the size reached is measured (on a
 * machine shared with other work the embedded engine may not reach 100k inside it).
 */
const LOAD_BUDGET_MS = Number(process.env.KNOWLEDGE_BENCH_LOAD_SECONDS ?? 1200) * 1000;
const CHUNK = 5_000;
const PAGES = 64;

const WORDS =
  `migrant worker workers domestic recruitment agency fee fees wage wages unpaid contract substitution passport
confiscation employer employers embassy mission consular dialogue union unions organising rights protection shelter
trafficking forced labour deportation detention undocumented remittance remittances return reintegration training
paralegal lawyer legal aid case complaint tribunal ministry labour policy brief yearbook country report thematic health
gender women marriage seafarers fishers construction agriculture caregivers nurses kafala sponsorship visa permit overtime
rest day salary deduction debt bondage housing dormitory insurance pension social security ratification convention
campaign advocacy network secretariat parliament caucus resolution monitoring bilateral agreement memorandum corridor
origin destination statistics inflows outflows stocks survey interviews findings recommendations implementation`.split(
    /\s+/,
  );

/** A page of ~450 words of the field's vocabulary, reproducible from its number. */
function pageText(n: number): string {
  let x = n * 2654435761 + 12345;
  const out: string[] = [];
  for (let i = 0; i < 450; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out.push(WORDS[x % WORDS.length]!);
  }
  return out.join(' ');
}

/**
 * Loads search entries straight into the index table in chunks. The 64 distinct pages are parsed
 * once; each record's document concatenates five of them (tsvector `||` shifts positions, exactly
 * as parsing the whole text would). The trigram index (substring search for CJK and Thai, not used
 * by this query) is dropped for the load: building it over ~1.5 GB of text would not fit the time.
 * The other GIN indexes are dropped too and built again after the load, as any bulk load does:
 * maintaining them row by row for every chunk costs more than one build at the end.
 */
async function seed(database: Database, engine: Engine): Promise<number> {
  await runMigrations(database);
  const q = (text: string, values: unknown[] = []) => database.pool.query(text, values);
  await q('drop index if exists search_entries_text_trgm_idx');
  const gin: { indexname: string; indexdef: string }[] = (
    await q(
      `select indexname, indexdef from pg_indexes where tablename = 'search_entries' and indexdef ilike '% using gin %'`,
    )
  ).rows;
  for (const { indexname } of gin) await q(`drop index ${indexname}`);
  await q('create temporary table bench_pages (n int primary key, body text, doc tsvector)');
  for (let n = 0; n < PAGES; n++) {
    await q(`insert into bench_pages values ($1, $2, setweight(to_tsvector('english', $2), 'C'))`, [
      n,
      pageText(n),
    ]);
  }
  const start = performance.now();
  let loaded = 0;
  while (loaded < TARGET) {
    const size = Math.min(CHUNK, TARGET - loaded);
    await q(
      `insert into search_entries (kind, record_id, is_public, title, summary, body, search_text, document, type_code, regions, countries, groupings, themes, principles, org_types, languages, year)
       select case when i % 5 = 0 then 'practice' else 'publication' end, md5('k' || i)::uuid, i % 10 <> 0,
         t.title, t.summary, b.body, '', setweight(to_tsvector('english', t.title), 'A') || setweight(to_tsvector('english', t.summary), 'B') || b.doc,
         case when i % 5 = 0 then 'good_practice' else (array['research','policy_brief','yearbook','country_report','thematic_report','statement','training_material'])[1 + i % 7] end,
         array[(array['ilo-asia-pacific','ilo-arab-states','ilo-africa','ilo-americas','ilo-europe-central-asia'])[1 + i % 5]],
         array[(array['PH','ID','NP','BD','LK','IN','QA','SA','AE','JO','LB','HK','MY','SG','TH','KR'])[1 + i % 16], (array['QA','SA','AE','KW','OM','BH'])[1 + i % 6]],
         array[(array['asean','saarc','gcc','colombo-process','abu-dhabi-dialogue'])[1 + i % 5]],
         array[(array['evidence_based_policy','protection','ratification_campaigns','migration_development','social_dialogue'])[1 + (i / 5) % 5]],
         array['p' || (1 + i % 15)],
         array[(array['civil_society','workers_organisation','government','international_organisation'])[1 + i % 4]],
         array[(array['en','fil','id','ar','ne','bn'])[1 + (i / 25) % 6]],
         1990 + i % 35
       from generate_series($1::int, $2::int - 1) i
       cross join lateral (select 'Record ' || i || ': ' || (array['recruitment fees','wage theft','domestic workers','passport confiscation','legal aid'])[1 + i % 5] as title,
                                  'Summary of record ' || i || ' on ' || (array['kafala reform','labour inspection','shelters','remittances','seafarers'])[1 + i % 5] as summary) t
       cross join lateral (select string_agg(p.body, E'\\n\\f\\n' order by k) as body, tsvector_agg_concat(p.doc order by k) as doc
                           from generate_series(0, 4) k join bench_pages p on p.n = (i * 7 + k * 13) % ${PAGES}) b`,
      [loaded, loaded + size],
    );
    loaded += size;
    if (performance.now() - start > LOAD_BUDGET_MS) break;
  }
  const loadedMs = performance.now() - start;
  for (const { indexdef } of gin) await q(indexdef);
  await q('analyze search_entries');
  console.log(
    `  ${engine}: rows in ${(loadedMs / 1000).toFixed(0)} s, then ${gin.length} GIN indexes in ${((performance.now() - start - loadedMs) / 1000).toFixed(0)} s`,
  );
  console.log(
    `  ${engine}: ${loaded.toLocaleString('en')} records (~5 pages of text each) loaded in ${((performance.now() - start) / 1000).toFixed(0)} s`,
  );
  return loaded;
}

async function measure(engine: Engine, report: Parameters<Benchmark['run']>[0]): Promise<void> {
  // On disk for the embedded engine: ~1.5 GB of text would not sit well in memory.
  const opened = await openBenchDatabase(engine, 1_800_000, { onDisk: true });
  if (!opened) return;
  try {
    const { database } = opened;
    // tsvector has no concatenating aggregate: one small SQL function (bench database only).
    await database.pool.query(
      `create or replace function tsv_concat(a tsvector, b tsvector) returns tsvector language sql immutable as 'select coalesce(a, ''''::tsvector) || b'`,
    );
    await database.pool
      .query(
        `create or replace aggregate tsvector_agg_concat(tsvector) (sfunc = tsv_concat, stype = tsvector)`,
      )
      .catch(() => {});
    const size = await seed(database, engine);
    const config = loadConfig({ LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv);
    const ctx: Ctx = {
      database,
      config,
      fileWork: new WorkPool({ workers: 1, queue: 0, timeoutMs: 60_000, memoryMb: 256 }),
      actor: PUBLIC,
      ip: '127.0.0.1',
      userAgent: 'bench',
      locale: 'en',
      note: () => {},
    };
    const params = {
      q: 'passport confiscation',
      region: ['ilo-asia-pacific'],
      theme: ['protection'],
      language: ['en'],
      limit: 20,
    };
    const first = await search(ctx, params);
    if (first.data.length === 0) throw new Error('the benchmark query matched nothing');
    const bare = () =>
      database.pool.query(
        `select kind, record_id, title, ts_rank_cd(document, websearch_to_tsquery('english', $1), 1) as rank from search_entries
         where is_public and document @@ websearch_to_tsquery('english', $1) and regions && $2::text[] and themes && $3::text[] and languages && $4::text[]
         order by rank desc, updated_at desc, record_id limit 21`,
        [params.q, params.region, params.theme, params.language],
      );
    report(
      await compare({
        label: `q="${params.q}" + region + theme + language · ${engine} · ${size.toLocaleString('en')} records, ${first.total.toLocaleString('en')} hits`,
        candidate: { name: 'search(): page + snippets + 10 facets', run: () => search(ctx, params) },
        baseline: { name: 'bare SQL: same match, top 20', run: bare },
        warmupMs: 1000,
        durationMs: 8000,
        minRounds: 10,
      }),
    );
  } finally {
    await opened.drop();
  }
}

const benchmark: Benchmark = {
  description: `Faceted search over good practices and publications (3 facet filters, ~5 pages of text per record) vs the bare SQL query, ${TARGET.toLocaleString('en')} records (or as many as load in ${LOAD_BUDGET_MS / 1000} s), both engines.`,
  async run(report) {
    await measure('pglite', report);
    await measure('postgres', report);
  },
};
export default benchmark;
