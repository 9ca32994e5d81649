import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { multipart } from './test-support.ts';

// A commit is one transaction, all or nothing; on the embedded engine it holds the only connection
// until it ends. Its progress must still answer meanwhile (to the session that commits), without
// waiting for the database: before, even the session lookup of the progress request waited.
let t: TestApp;
let staff: string;

beforeAll(async () => {
  t = await createTestApp();
  staff = await (await buildUser(t, { role: 'secretariat' })).session();
});
afterAll(() => t.close());

describe('import progress', () => {
  it('answers while the commit is running', async () => {
    const header = 'external_id,name,type,country,countries,founded_year,website,published';
    const rows = Array.from(
      { length: 4000 },
      (_, i) => `prog-${i},Progress organisation ${i},ngo,PH,PH;HK,${1950 + (i % 70)},example${i}.org,yes`,
    );
    const body = multipart(`${[header, ...rows].join('\n')}\n`, 'orgs.csv');
    const preview = await t.request({
      method: 'POST',
      url: '/api/v1/directory/imports',
      cookie: staff,
      ...body,
    });
    expect(preview.statusCode, preview.body).toBe(201);
    const { id, version } = preview.json().data;

    let committed = false;
    const commit = t
      .request({
        method: 'POST',
        url: `/api/v1/directory/imports/${id}/commit`,
        cookie: staff,
        payload: { version },
      })
      .finally(() => {
        committed = true;
      });
    const seenDuringCommit: string[] = [];
    while (!committed) {
      const r = await t.request({
        method: 'GET',
        url: `/api/v1/directory/imports/${id}/progress`,
        cookie: staff,
      });
      expect(r.statusCode, r.body).toBe(200);
      const phase = r.json().data?.phase as string | undefined;
      if (!committed && phase && phase !== 'done') seenDuringCommit.push(phase);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect((await commit).statusCode).toBe(200);
    expect(seenDuringCommit.length).toBeGreaterThan(0);
    // Another session gets no progress from memory: it is the committing session's.
    const other = await (await buildUser(t, { role: 'secretariat' })).session();
    const r = await t.request({
      method: 'GET',
      url: `/api/v1/directory/imports/${id}/progress`,
      cookie: other,
    });
    expect(r.statusCode).toBe(200);
  });
});
