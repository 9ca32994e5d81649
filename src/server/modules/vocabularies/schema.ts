import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
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

/** Labels of one thing in every UI language: `{ en: 'Trade union', fil: '…', ar: '…' }`. */
export type Labels = Record<string, string>;

/** A controlled vocabulary (organisation types, membership roles, thematic areas …). */
export const vocabularies = pgTable('vocabularies', {
  key: text('key').primaryKey(),
  labels: jsonb('labels').$type<Labels>().notNull().default({}),
  description: text('description'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
  /**
   * Bumped from a sequence by triggers on every change to the vocabulary's terms (never reused,
   * even after a rollback): the term tree is cached per vocabulary under this revision.
   */
  termsRevision: bigint('terms_revision', { mode: 'number' }).notNull().default(0),
});

/**
 * A term of a vocabulary, at any depth (parent), in a stable order. Records keep the term's code,
 * so a retired term still labels the records that use it.
 */
export const vocabularyTerms = pgTable(
  'vocabulary_terms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    vocabularyKey: text('vocabulary_key')
      .notNull()
      .references(() => vocabularies.key),
    code: text('code').notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => vocabularyTerms.id),
    position: integer('position').notNull().default(0),
    labels: jsonb('labels').$type<Labels>().notNull().default({}),
    scopeNote: text('scope_note'),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('vocabulary_terms_code_key').on(t.vocabularyKey, t.code),
    index('vocabulary_terms_parent_idx').on(t.parentId),
    check('vocabulary_terms_code_format', sql`${t.code} ~ '^[a-z0-9][a-z0-9_.-]{0,62}$'`),
  ],
);
