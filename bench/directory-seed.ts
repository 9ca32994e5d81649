// Loads the directory benchmark's data set with set-based SQL: organisations (some of them networks),
// people, and memberships of both in the networks and organisations.
import type { Database } from '../src/server/db/client.ts';

export const WORDS = [
  'migrant',
  'workers',
  'union',
  'centre',
  'alliance',
  'solidarity',
  'mission',
  'forum',
  'rights',
  'domestic',
];
export const COUNTRIES = [
  'PH',
  'ID',
  'NP',
  'BD',
  'LK',
  'HK',
  'SG',
  'MY',
  'TH',
  'KR',
  'JP',
  'TW',
  'QA',
  'AE',
  'SA',
  'JO',
  'LB',
  'AU',
  'NZ',
  'VN',
];
const TYPES = [
  'migrant_organisation',
  'ngo',
  'trade_union',
  'faith_group',
  'service_institution',
  'human_rights_group',
  'university',
];
export const NETWORKS = 50;

const arr = (xs: string[]) => `array[${xs.map((x) => `'${x}'`).join(',')}]`;

/** Organisation i: a name of words, a type, a headquarters and two countries where it is active. */
export async function seedDirectory(
  database: Database,
  organisations: number,
  people: number,
): Promise<void> {
  const q = (text: string, values: unknown[] = []) => database.pool.query(text, values);
  const w = arr(WORDS);
  const c = arr(COUNTRIES);
  await q(
    `insert into organisations (name, type_code, country_code, countries, founded_year, published, search_text, description, external_id)
     select n, t, cc, array[cc, (${c})[1 + (i * 7) % 20]], 1950 + i % 70, i % 3 = 0, lower(n),
            'Works with ' || (${w})[1 + (i * 3) % 10] || ' and ' || (${w})[1 + (i * 5) % 10], 'seed-' || i
     from (select i, 'Organisation ' || i || ' ' || (${w})[1 + i % 10] || ' ' || (${w})[1 + (i / 10) % 10] as n,
                  case when i < ${NETWORKS} then 'network' else (${arr(TYPES)})[1 + i % 7] end as t,
                  (${c})[1 + i % 20] as cc
           from generate_series(0, $1::int - 1) i) s`,
    [organisations],
  );
  await q(
    `create temporary table bench_ids as select row_number() over (order by external_id) - 1 as n, id from organisations`,
  );
  await q(`create index on bench_ids (n)`);
  // Every organisation is in one network; a tenth of them in a second one as partner.
  await q(
    `insert into memberships (organisation_id, parent_id, role_code, start_date, end_date)
     select o.id, n.id, case when o.n % 5 = 0 then 'partner' else 'member' end, (2000 + o.n % 25)::text, case when o.n % 11 = 0 then '2019' end
     from bench_ids o join bench_ids n on n.n = o.n % ${NETWORKS} where o.n >= ${NETWORKS}`,
  );
  await q(
    `insert into people (name, country_code, languages, public_consent, search_text)
     select 'Person ' || i || ' ' || (${w})[1 + i % 10], (${c})[1 + i % 20], array['en'], i % 2 = 0, lower('Person ' || i)
     from generate_series(0, $1::int - 1) i`,
    [people],
  );
  await q(
    `insert into memberships (person_id, parent_id, role_code, start_date)
     select p.id, o.id, case when p.rn % 20 = 0 then 'area_coordinator' else 'staff' end, '2015'
     from (select id, row_number() over (order by id) - 1 as rn from people) p join bench_ids o on o.n = p.rn % $1::int`,
    [organisations],
  );
  await q('analyze');
}
