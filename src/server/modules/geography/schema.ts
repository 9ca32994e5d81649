import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Labels } from '../vocabularies/schema.ts';

/**
 * A network's own regions (e.g. the Asia-Pacific region of a mission: KR, JP, TW, NZ, AU), kept by
 * staff. ILO regions and inter-governmental groupings are public facts and live in code (builtin.ts).
 */
export const geoRegions = pgTable(
  'geo_regions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    labels: jsonb('labels').$type<Labels>().notNull().default({}),
    countries: text('countries').array().notNull().default(sql`'{}'::text[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('geo_regions_code_key').on(t.code),
    index('geo_regions_countries_idx').using('gin', t.countries),
    check('geo_regions_code_format', sql`${t.code} ~ '^[a-z0-9][a-z0-9_-]{0,62}$'`),
  ],
);
