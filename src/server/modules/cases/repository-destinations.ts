import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';

/**
 * Countries the network works in, for the top of the Get-help destination list: where an intake
 * desk sits, the destination end of the corridors published organisations work on, and the
 * countries published organisations are based or active in. A request to any other country is
 * still accepted (it goes to the secretariat's intake); this only orders the list.
 */
export async function coveredCountries(tx: Tx): Promise<Set<string>> {
  const result = await tx.execute<{ code: string }>(sql`
    select distinct code from (
      select o.country_code as code from organisations o
        join case_supervisors s on s.organisation_id = o.id and s.receives_intake
      union select split_part(corridor, '-', 2) from organisations o, unnest(o.corridors) as corridor
        where o.published and o.merged_into_id is null
      union select o.country_code from organisations o where o.published and o.merged_into_id is null
      union select country from organisations o, unnest(o.countries) as country
        where o.published and o.merged_into_id is null
    ) covered where code is not null`);
  return new Set(result.rows.map((r) => r.code));
}
