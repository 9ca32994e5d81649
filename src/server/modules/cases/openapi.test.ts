import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../testing/harness.ts';
import { createCaseTestApp } from './test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createCaseTestApp();
});
afterAll(() => t.close());

describe('OpenAPI', () => {
  it('documents the case, statistics and Get-help routes', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    for (const path of [
      '/api/v1/cases',
      '/api/v1/cases/{id}',
      '/api/v1/cases/{id}/files',
      '/api/v1/case-statistics',
      '/api/v1/intake/requests',
    ]) {
      expect(paths).toContain(path);
    }
  });
});
