import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
});
afterAll(() => t.close());

describe('demo data of the agreements register and internships', () => {
  it('shows the example agreements as demonstration data, found by their corridor', async () => {
    const list = await t.request({ method: 'GET', url: '/agreements?corridor=PH-SA' });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Example bilateral labour agreement (Philippines – Saudi Arabia)');
    expect(list.body).not.toContain('Example regional instrument (ASEAN)');
    expect(list.body).toContain('Demonstration data');
    const page = await t.request({ method: 'GET', url: '/agreements/example-regional-instrument-asean' });
    expect(page.body).toContain('<dt>Parties</dt><dd>ASEAN</dd>');
    expect(page.body).toContain('Demonstration data');
  });

  it('offers the internship programme the seed names, at APMM', async () => {
    const page = await t.request({ method: 'GET', url: '/internships' });
    expect(page.body).toContain('APMM internship programme');
    expect(page.body).toContain('Asia Pacific Mission for Migrants');
    expect(page.body).toContain('in partnership with schools and institutions');
  });
});
