import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

function describeAccess(access: unknown): string {
  if (typeof access === 'string') return access;
  if (access && typeof access === 'object') {
    const { resource, action } = access as { resource: string; action: string };
    return `${resource}:${action}`;
  }
  return 'UNDECLARED';
}

describe('route access declarations', () => {
  it('every route declares who may call it', () => {
    const undeclared = t.app.declaredRoutes
      .filter((r) => r.access === undefined)
      .map((r) => `${r.method} ${r.url}`);
    expect(undeclared).toEqual([]);
  });

  it('the list of routes and their rules changes only on purpose (review a change as a permission change)', async () => {
    const lines = t.app.declaredRoutes
      .map((r) => `${r.method.padEnd(6)} ${r.url.padEnd(60)} ${describeAccess(r.access)}`)
      .sort()
      .join('\n');
    await expect(`${lines}\n`).toMatchFileSnapshot('./__snapshots__/routes.txt');
  });

  it('every { resource, action } rule names a declared policy action', async () => {
    const { declaredPolicies } = await import('./policy.ts');
    const policies = declaredPolicies();
    const unknown = t.app.declaredRoutes
      .filter((r) => typeof r.access === 'object')
      .filter((r) => {
        const { resource, action } = r.access as { resource: string; action: string };
        return !policies.get(resource) || !Object.hasOwn(policies.get(resource)!, action);
      })
      .map((r) => `${r.method} ${r.url}`);
    expect(unknown).toEqual([]);
  });

  it('a route registered without a rule is refused at request time', async () => {
    const { buildApp } = await import('../../app.ts');
    const app = await buildApp({ config: t.config, database: t.database, webRoot: '/nonexistent' });
    app.get('/api/v1/forgotten', async () => ({ secret: true }));
    await app.ready();
    const response = await app.inject({ method: 'GET', url: '/api/v1/forgotten' });
    expect(response.statusCode).toBe(403);
    expect(response.body).not.toContain('secret');
    await app.close();
  });
});
