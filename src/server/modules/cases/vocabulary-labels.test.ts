import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES } from '../../../shared/locales.ts';
import {
  CONSENT_PURPOSE_LABELS,
  EVENT_KIND_LABELS,
  OUTCOME_LABELS,
  STATUS_LABELS,
} from '../../../web/modules/cases/labels.ts';
import { createTestDatabase } from '../../testing/test-database.ts';
import { SECTOR_LABELS } from './get-help-html.ts';
import { CASE_STATUSES, CONSENT_PURPOSES, EVENT_KINDS, OUTCOMES, SECTORS } from './vocabulary.ts';

// Every vocabulary a migrant sees or a case uses is named in every complete interface language:
// sectors and violation types live in the shared vocabularies (labels per term, in the database);
// outcomes, consent purposes, statuses and timeline kinds are catalog strings (labels.ts).
const COMPLETE = LOCALES.filter((l) => l.complete).map((l) => l.code as string);
const migration = readFileSync(
  fileURLToPath(new URL('../../../../migrations/0024_case_vocabulary_labels.sql', import.meta.url)),
  'utf8',
);
const catalog = (locale: string): Record<string, string> =>
  JSON.parse(
    readFileSync(fileURLToPath(new URL(`../../../shared/locales/${locale}.json`, import.meta.url)), 'utf8'),
  );

let db: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

type Row = { key: string; code: string; labels: Record<string, string>; version: number };
const terms = async () =>
  (
    await db.database.db.execute(sql`
      select vocabulary_key as key, code, labels, version from vocabulary_terms
      where vocabulary_key in ('case_violation', 'case_sector') order by vocabulary_key, code`)
  ).rows as Row[];
const unlabelled = (rows: Array<{ code: string; labels: Record<string, string> }>) =>
  rows.flatMap((r) => COMPLETE.filter((l) => !r.labels[l]?.trim()).map((l) => `${r.code} lacks ${l}`));

describe('case vocabularies in the database (sectors, violation types)', () => {
  it('label every term and both vocabularies in every complete language', async () => {
    const rows = await terms();
    expect(rows.length).toBeGreaterThan(40);
    expect(unlabelled(rows)).toEqual([]);
    const vocabularies = (
      await db.database.db.execute(sql`
        select key as code, labels from vocabularies where key in ('case_violation', 'case_sector')`)
    ).rows as Array<{ code: string; labels: Record<string, string> }>;
    expect(unlabelled(vocabularies)).toEqual([]);
  });

  it('reach an existing installation, keeping what its administrators wrote, and change nothing twice', async () => {
    const run = async () => {
      for (const statement of migration.split('--> statement-breakpoint')) {
        await db.database.db.execute(sql.raw(statement));
      }
    };
    // An installation from before the labels: English only, and one Filipino label of its own.
    await db.database.db.execute(sql`
      update vocabulary_terms set labels = jsonb_build_object('en', labels->>'en')
      where vocabulary_key in ('case_violation', 'case_sector')`);
    await db.database.db.execute(sql`
      update vocabulary_terms set labels = labels || '{"fil":"Kasambahay"}'
      where vocabulary_key = 'case_sector' and code = 'domestic_work'`);
    expect(unlabelled(await terms()).length).toBeGreaterThan(0);

    await run();
    const after = await terms();
    expect(unlabelled(after)).toEqual([]);
    const domestic = after.find((r) => r.code === 'domestic_work')!;
    expect(domestic.labels.fil).toBe('Kasambahay');
    expect(domestic.labels.en).toBe('Domestic work');
    expect(domestic.labels.ar).toBe('العمل المنزلي');

    await run();
    expect(await terms()).toEqual(after);
  });
});

// Not case vocabularies, but staff reading Nepali, Bengali or Chinese meet them on every directory
// and library screen: every vocabulary a fresh installation ships is labelled the same way.
it('every vocabulary and term a fresh installation ships is labelled in every complete language', async () => {
  const rows = (
    await db.database.db.execute(sql`
      select vocabulary_key || ':' || code as code, labels from vocabulary_terms
      union all select key, labels from vocabularies`)
  ).rows as Array<{ code: string; labels: Record<string, string> }>;
  expect(rows.length).toBeGreaterThan(100);
  expect(unlabelled(rows)).toEqual([]);
});

describe('case vocabularies in the catalogs (outcomes, consent, statuses, timeline, Get-help sectors)', () => {
  const tables: Array<[string, readonly string[], Record<string, string>]> = [
    ['outcomes', OUTCOMES, OUTCOME_LABELS],
    ['consent purposes', CONSENT_PURPOSES, CONSENT_PURPOSE_LABELS],
    ['statuses', CASE_STATUSES, STATUS_LABELS],
    ['timeline entry kinds', EVENT_KINDS, EVENT_KIND_LABELS],
    ['Get-help sectors', SECTORS, Object.fromEntries(SECTOR_LABELS)],
  ];
  for (const [name, codes, labels] of tables) {
    it(`name every ${name.replace(/s$/, '')} the server knows, in every complete language`, () => {
      // Get-help offers a short list of sectors: each must be a real sector; the others must name all.
      const named = Object.keys(labels);
      if (name === 'Get-help sectors') expect(named.filter((c) => !codes.includes(c))).toEqual([]);
      else expect(named.sort()).toEqual([...codes].sort());
      for (const locale of COMPLETE.filter((l) => l !== 'en')) {
        const strings = catalog(locale);
        const missing = named.filter((code) => !strings[labels[code]!]?.trim());
        expect(missing, `${name} without a ${locale} label`).toEqual([]);
      }
    });
  }
});
