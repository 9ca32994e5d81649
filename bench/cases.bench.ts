import { sql } from 'drizzle-orm';
import type { Database, Engine } from '../src/server/db/client.ts';
import { runMigrations } from '../src/server/db/migrate.ts';
import * as repo from '../src/server/modules/cases/repository.ts';
import { withCaseAccess } from '../src/server/modules/cases/rls.ts';
import type { Benchmark } from './lib/benchmark.ts';
import { openBenchDatabase } from './lib/engine.ts';
import { compare } from './lib/measure.ts';

const TARGET = Number(process.env.CASES_BENCH_SIZE ?? 1_000_000);
/** The embedded engine loads until this budget is spent, then measures the size reached. */
const LOAD_BUDGET_MS = Number(process.env.CASES_BENCH_LOAD_SECONDS ?? 180) * 1000;
const ORGANISATIONS = 50;
const WORKERS_PER_ORG = 10;
const CHUNK = 50_000;

/**
 * 50 organisations with 10 case workers each; case i belongs to organisation i % 50 and is
 * assigned to one of its workers; 1 % are referred to a worker of another organisation. Loaded as
 * the owner in chunks (the embedded engine stops when the time budget is spent).
 */
async function seed(database: Database, engine: Engine): Promise<number> {
  await runMigrations(database);
  const q = (text: string, values: unknown[] = []) => database.pool.query(text, values);
  await q(
    `insert into organisations (name, country_code, published)
     select 'Organisation ' || i, (array['SA','QA','AE','PH','ID','NP','BD','LK','JO','LB'])[1 + i % 10], true
     from generate_series(0, $1::int - 1) i`,
    [ORGANISATIONS],
  );
  await q(
    `insert into users (organisation_id, email, name, role, totp_enabled)
     select o.id, 'worker' || w || '.' || o.name || '@example.org', 'Worker ' || w, 'case_worker', true
     from organisations o cross join generate_series(0, $1::int - 1) w`,
    [WORKERS_PER_ORG],
  );
  await q(
    `create temporary table bench_orgs as select row_number() over (order by name) - 1 as n, id from organisations`,
  );
  await q(
    `create temporary table bench_workers as
     select o.n as org_n, row_number() over (partition by o.n order by u.email) - 1 as w, u.id
     from users u join bench_orgs o on o.id = u.organisation_id`,
  );
  const start = performance.now();
  let loaded = 0;
  while (loaded < TARGET) {
    const size = Math.min(CHUNK, TARGET - loaded);
    await q(
      // Titles are sealed in the application (case-text.ts); the search index holds one token per
      // word. The bench stands the lower-cased words in for the tokens: the query shape is the same.
      `insert into cases (id, organisation_id, reference, title_enc, search_tokens, status, sector, origin_country, destination_country, violation_codes, client_enc, narrative_enc, created_at, updated_at, creator_pending)
       select md5('case' || i)::uuid, o.id, 'C-B-' || i,
         'g1.' || encode(sha256(('t' || i)::bytea), 'base64'),
         regexp_split_to_array(lower(t.title), '[^[:alnum:]]+'),
         (array['intake','assessment','active','referred','closed'])[1 + i % 5],
         (array['domestic_work','construction','fishing','agriculture'])[1 + i % 4],
         (array['PH','ID','NP','BD'])[1 + i % 4], (array['SA','QA','AE','JO'])[1 + i % 4],
         array['labour.wage_theft.unpaid'],
         'g1.' || encode(sha256(('c' || i)::bytea), 'base64') || encode(sha256(('d' || i)::bytea), 'base64'),
         'g1.' || encode(sha256(('n' || i)::bytea), 'base64'),
         now() - (i || ' minutes')::interval, now() - (i || ' minutes')::interval, false
       from generate_series($1::int, $2::int - 1) i
       cross join lateral (select
         (array['Wage theft','Passport confiscation','Contract substitution','Physical abuse','Detention'])[1 + i % 5] || ', ' ||
         (array['domestic work','construction','fishing','agriculture'])[1 + i % 4] || ', ' ||
         (array['Riyadh','Doha','Dubai','Amman','Beirut','Jeddah','Kuwait','Muscat','Manama','Abu Dhabi'])[1 + (i / 7) % 10] as title) t
       join bench_orgs o on o.n = i % ${ORGANISATIONS}`,
      [loaded, loaded + size],
    );
    await q(
      `insert into case_assignments (case_id, user_id)
       select md5('case' || i)::uuid, w.id from generate_series($1::int, $2::int - 1) i
       join bench_workers w on w.org_n = i % ${ORGANISATIONS} and w.w = (i / ${ORGANISATIONS}) % ${WORKERS_PER_ORG}`,
      [loaded, loaded + size],
    );
    await q(
      `insert into case_referrals (case_id, from_organisation_id, to_organisation_id, to_user_id, shared_fields, status, override_reason)
       select md5('case' || i)::uuid, f.id, w.organisation_id, w.id, array['facts'], 'accepted', 'bench'
       from generate_series($1::int, $2::int - 1) i
       join bench_orgs f on f.n = i % ${ORGANISATIONS}
       join bench_workers bw on bw.org_n = (i + 7) % ${ORGANISATIONS} and bw.w = 0
       join users w on w.id = bw.id
       where i % 100 = 0`,
      [loaded, loaded + size],
    );
    loaded += size;
    if (engine === 'pglite' && performance.now() - start > LOAD_BUDGET_MS) break;
  }
  await q('analyze');
  console.log(
    `  ${engine}: ${loaded.toLocaleString('en')} cases across ${ORGANISATIONS} organisations loaded in ${((performance.now() - start) / 1000).toFixed(0)} s`,
  );
  return loaded;
}

async function measure(engine: Engine, report: Parameters<Benchmark['run']>[0]): Promise<void> {
  const opened = await openBenchDatabase(engine, engine === 'pglite' ? 120_000 : 300_000);
  if (!opened) return;
  try {
    const { database } = opened;
    const size = await seed(database, engine);
    const worker = (
      await database.pool.query<{ id: string; organisation_id: string }>(
        `select u.id, u.organisation_id from users u join case_assignments a on a.user_id = u.id group by u.id order by count(*) desc limit 1`,
      )
    ).rows[0]!;
    const actor = { userId: worker.id, organisationId: worker.organisation_id };
    const owner = <T>(fn: Parameters<typeof withCaseAccess<T>>[2]) =>
      database.db.transaction(async (tx) => {
        // The same settings as withCaseAccess (JIT off too), but no SET ROLE: the owner is not subject to RLS.
        await tx.execute(
          sql`select set_config('tulay.user_id', ${actor.userId}, true), set_config('tulay.organisation_id', ${actor.organisationId}, true)`,
        );
        await tx.execute(sql`set local jit = off`);
        return fn(tx);
      });
    const queries = {
      'case list (limit 50)': { userId: actor.userId, limit: 51 },
      'case search ?q=doha': { userId: actor.userId, tokens: ['doha'], limit: 51 },
    } satisfies Record<string, repo.CaseListFilter>;
    const check = await withCaseAccess(database, actor, (tx) =>
      repo.listCases(tx, queries['case list (limit 50)']),
    );
    if (check.length !== 51) throw new Error(`expected a full page under RLS, got ${check.length}`);
    if (process.env.CASES_BENCH_EXPLAIN) {
      for (const [label, filter] of Object.entries(queries)) {
        const plan = await withCaseAccess(database, actor, async (tx) => {
          const result = await tx.execute(sql`explain (analyze, costs off) ${repo.listCasesQuery(filter)}`);
          return result.rows.map((r) => Object.values(r as object)[0]).join('\n');
        });
        console.log(`  EXPLAIN ${label} (with RLS):\n${plan}`);
      }
    }
    for (const [label, filter] of Object.entries(queries)) {
      report(
        await compare({
          label: `${label} · ${engine} · ${size.toLocaleString('en')} cases`,
          candidate: {
            name: 'with row-level security',
            run: () => withCaseAccess(database, actor, (tx) => repo.listCases(tx, filter)),
          },
          baseline: {
            name: 'same query as owner (no RLS)',
            run: () => owner((tx) => repo.listCases(tx, filter)),
          },
          warmupMs: 700,
          durationMs: 4000,
        }),
      );
    }
  } finally {
    await opened.drop();
  }
}

const benchmark: Benchmark = {
  description: `A case worker's case list and search with RLS vs the same query without it, ${TARGET.toLocaleString('en')} cases (PGlite: as many as load in ${LOAD_BUDGET_MS / 1000} s), both engines.`,
  async run(report) {
    await measure('pglite', report);
    await measure('postgres', report);
  },
};
export default benchmark;
