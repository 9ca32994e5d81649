import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../testing/harness.ts';
import { type Answers, findDifferences, findSmallCounts, REQUESTS } from './statistics-attack.ts';
import { buildWorld, createCaseTestApp, openCase } from './test-support.ts';

// The attack of issue 9 on the real API: `by=corridor` gave NP>QA = 7, `by=corridor,sector` gave
// domestic work 5 with construction suppressed, so construction = 2; suppressed rows told that 1–4
// cases exist; and one more consented case showed up as +1. Here a person makes every request
// there is, in JSON and CSV, before and after one case is added, and tries all of that.

let t: TestApp;
let w: Awaited<ReturnType<typeof buildWorld>>;
beforeAll(async () => {
  t = await createCaseTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

async function consentedCase(values: Record<string, unknown>) {
  const kase = await openCase(t, w.worker.cookie, values);
  const res = await t.request({
    method: 'POST',
    url: `/api/v1/cases/${kase.id}/consents`,
    cookie: w.worker.cookie,
    payload: { purpose: 'statistics', obtainedOn: '2026-01-01', method: 'written' },
  });
  expect(res.statusCode).toBe(201);
}

async function cases(n: number, values: Record<string, unknown>) {
  for (let i = 0; i < n; i++) await consentedCase(values);
}

/** Every request a person can make, answered in JSON or in CSV (read back into the same rows). */
async function askEverything(format: 'json' | 'csv' = 'json'): Promise<Answers> {
  const answers: Answers = new Map();
  for (const dims of REQUESTS) {
    const res = await t.request({
      method: 'GET',
      url: `/api/v1/case-statistics?by=${dims.join(',')}&format=${format}`,
      cookie: w.outsider.cookie,
    });
    expect(res.statusCode).toBe(200);
    if (format === 'json') {
      answers.set(dims.join(','), res.json().data);
      continue;
    }
    const [header = '', , ...lines] = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    const columns = header.split(',');
    const rows = lines.map((line) => {
      const values = line.split(',');
      const row = Object.fromEntries(dims.map((d) => [d, values[columns.indexOf(d)]]));
      const cases = values[columns.indexOf('cases')];
      return { ...row, cases: cases ? Number(cases) : null };
    });
    answers.set(dims.join(','), rows);
  }
  return answers;
}

describe('case statistics against subtraction and differencing', () => {
  it('gives away no count from 1 to 4 by any request, subtraction or one-case difference', async () => {
    await cases(5, { originCountry: 'NP', destinationCountry: 'QA', sector: 'domestic_work' });
    await cases(2, { originCountry: 'NP', destinationCountry: 'QA', sector: 'construction' });
    await cases(6, { originCountry: 'PH', destinationCountry: 'SA', sector: 'domestic_work' });
    await cases(3, {
      originCountry: 'PH',
      destinationCountry: 'SA',
      sector: 'domestic_work',
      violationCodes: ['labour.wage_theft.unpaid'],
    });

    const before = await askEverything();
    expect(findSmallCounts(before)).toEqual([]);
    // The export is the same protected figures, not a second way in.
    expect(await askEverything('csv')).toEqual(before);
    expect(before.get('corridor')).toEqual([
      { corridor: 'NP>QA', cases: 5 },
      { corridor: 'PH>SA', cases: 5 },
    ]);

    // One more case in the smallest group: a date or country filter one case wider would differ
    // by the same case. Nothing anyone can ask tells the two apart.
    await consentedCase({ originCountry: 'NP', destinationCountry: 'QA', sector: 'construction' });
    const after = await askEverything();
    expect(findDifferences(before, after)).toEqual([]);
    expect(after).toEqual(before);

    // Two more make five: the combination appears, as a multiple of 5 everywhere.
    await cases(2, { originCountry: 'NP', destinationCountry: 'QA', sector: 'construction' });
    const grown = await askEverything();
    expect(findSmallCounts(grown)).toEqual([]);
    expect(findDifferences(after, grown)).toEqual([]);
    expect(grown.get('corridor')).toEqual([
      { corridor: 'NP>QA', cases: 10 },
      { corridor: 'PH>SA', cases: 5 },
    ]);
  });
});
