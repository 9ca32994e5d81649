import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../testing/harness.ts';
import { buildWorld, createCaseTestApp, openCase } from './test-support.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof buildWorld>>;
beforeAll(async () => {
  t = await createCaseTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

const caseRoute = (url: string) => /^\/api\/v1\/(cases|case-|intake)/.test(url);

describe('case data is never cached', () => {
  it('every case, case file, referral and Get-help route answers Cache-Control: no-store', async () => {
    const kase = await openCase(t, w.worker.cookie);
    const routes = t.app.declaredRoutes.filter((r) => caseRoute(r.url));
    expect(routes.length).toBeGreaterThan(25);
    const missing: string[] = [];
    for (const route of routes) {
      const url = route.url
        .replace(':id', kase.id)
        .replace(':childId', '00000000-0000-4000-8000-000000000000');
      const body = route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} };
      const res = await t.request({ method: route.method as 'GET', url, cookie: w.worker.cookie, ...body });
      if (res.headers['cache-control'] !== 'no-store')
        missing.push(`${route.method} ${route.url} ${res.statusCode}`);
    }
    expect(missing).toEqual([]);
  });

  it('successful reads of a case and its referrals are no-store', async () => {
    const kase = await openCase(t, w.worker.cookie);
    for (const url of [
      `/api/v1/cases/${kase.id}`,
      `/api/v1/cases/${kase.id}/referrals`,
      '/api/v1/case-referrals/incoming',
    ]) {
      const res = await t.request({ method: 'GET', url, cookie: w.worker.cookie });
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });
});
