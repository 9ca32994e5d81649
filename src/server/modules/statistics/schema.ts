import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  date,
  doublePrecision,
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
 * Where figures come from: a published data set (ILOSTAT, UN DESA's International Migrant Stock) or
 * the network's own figures. Every observation keeps its data set, so every figure shown can name
 * its source, citation and licence.
 */
export const statisticsDatasets = pgTable(
  'statistics_datasets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    titles: jsonb('titles').$type<Labels>().notNull().default({}),
    source: text('source').notNull(),
    citation: text('citation').notNull().default(''),
    licence: text('licence').notNull().default(''),
    retrievedOn: date('retrieved_on'),
    url: text('url').notNull().default(''),
    /** Published data sets are on the public pages and the public API. */
    published: boolean('published').notNull().default(false),
    /** The network's own figures (deployments reported by agencies, members' counts), not a published source. */
    network: boolean('network').notNull().default(false),
    /** Figures made up for the demonstration, never facts. */
    demonstration: boolean('demonstration').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('statistics_datasets_code_key').on(t.code),
    check('statistics_datasets_code_format', sql`${t.code} ~ '^[a-z0-9][a-z0-9_-]{0,62}$'`),
  ],
);

/** What is measured: ILOSTAT's indicator codes, `MIGRANT_STOCK`, or the network's own codes. */
export const statisticsIndicators = pgTable(
  'statistics_indicators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    labels: jsonb('labels').$type<Labels>().notNull().default({}),
    unit: text('unit').notNull().default(''),
    /** What a country profile shows it as: a stock of migrants, an inflow, an outflow, or another figure. */
    flow: text('flow').notNull().default('other'),
    definitions: jsonb('definitions').$type<Labels>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('statistics_indicators_code_key').on(t.code),
    check('statistics_indicators_code_format', sql`${t.code} ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$'`),
    check('statistics_indicators_flow', sql`${t.flow} in ('stock', 'inflow', 'outflow', 'other')`),
  ],
);

/**
 * One figure. Its key is the data set, indicator, area, counterpart, period, sex and classification;
 * a re-import updates the value by that key. `area` and `counterpart` are ISO alpha-2 codes or a
 * grouping code (`asean`, `ilo-arab-states`); `counterpart` is '' when the figure has none.
 */
export const statisticsObservations = pgTable(
  'statistics_observations',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    datasetId: uuid('dataset_id')
      .notNull()
      .references(() => statisticsDatasets.id, { onDelete: 'cascade' }),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => statisticsIndicators.id),
    area: text('area').notNull(),
    counterpart: text('counterpart').notNull().default(''),
    /** `2020` or `2020-03`. */
    period: text('period').notNull(),
    /** T (total), F or M. */
    sex: text('sex').notNull().default('T'),
    /** Classifications such as age, sector or occupation, written `AGE_YTHADULT_YGE15` or ''. */
    classification: text('classification').notNull().default(''),
    value: doublePrecision('value').notNull(),
    /** estimate, break, provisional, unreliable … or ''. */
    status: text('status').notNull().default(''),
    note: text('note').notNull().default(''),
  },
  (t) => [
    uniqueIndex('statistics_observations_key').on(
      t.datasetId,
      t.indicatorId,
      t.area,
      t.counterpart,
      t.period,
      t.sex,
      t.classification,
    ),
    index('statistics_observations_area_idx').on(t.area, t.indicatorId, t.period),
    index('statistics_observations_counterpart_idx').on(t.counterpart, t.indicatorId),
    check('statistics_observations_period_format', sql`${t.period} ~ '^[0-9]{4}(-(0[1-9]|1[0-2]))?$'`),
    check('statistics_observations_sex', sql`${t.sex} in ('T', 'F', 'M')`),
  ],
);

/**
 * An import between its preview and its commit. The file is kept in file storage under `sha256` and
 * read again at commit, so the preview stores only its counts and the refused rows.
 */
export const statisticsImports = pgTable(
  'statistics_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    datasetId: uuid('dataset_id')
      .notNull()
      .references(() => statisticsDatasets.id, { onDelete: 'cascade' }),
    format: text('format').notNull(),
    fileName: text('file_name').notNull(),
    sha256: text('sha256').notNull(),
    status: text('status').notNull().default('preview'),
    summary: jsonb('summary').notNull().default({}),
    refused: jsonb('refused').notNull().default([]),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    committedAt: timestamp('committed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('statistics_imports_dataset_idx').on(t.datasetId, t.createdAt),
    check('statistics_imports_status', sql`${t.status} in ('preview', 'committed')`),
  ],
);
