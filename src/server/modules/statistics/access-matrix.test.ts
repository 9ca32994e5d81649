import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../shared/roles.ts';
import { buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { multipartBody, tempDataDir } from '../library/testing.ts';
import { ILOSTAT_ROWS, ilostatCsv } from './test-files.ts';

// Every role × every statistics action. Statistics are the network's, not one organisation's, so
// there is no own/other-organisation column: the secretariat and network administrators keep them,
// every signed-in person reads drafts, the public reads published data sets only.
type Actor = Role | 'public';
const keeps = (a: Actor) => a === 'network_administrator' || a === 'secretariat';
const signedIn = (a: Actor) => a !== 'public';

let t: TestApp;
let keeper: string;
const cookies = new Map<Actor, string | undefined>();
let n = 0;

beforeAll(async () => {
  t = await createTestApp({ config: { DATA_DIR: tempDataDir() } });
  keeper = await (await buildUser(t, { role: 'secretariat' })).session();
  cookies.set('public', undefined);
  for (const role of ROLES) cookies.set(role, await (await buildUser(t, { role })).session());
});
afterAll(() => t.close());

async function draftSet() {
  n++;
  const res = await t.request({
    method: 'POST',
    url: '/api/v1/statistics/datasets',
    cookie: keeper,
    payload: { code: `m-${n}`, titles: { en: 'M' }, source: 'S' },
  });
  return res.json().data as { id: string; code: string; version: number };
}

async function previewed() {
  const set = await draftSet();
  const body = multipartBody({ name: 'x.csv', bytes: Buffer.from(ilostatCsv(ILOSTAT_ROWS)) });
  const res = await t.request({
    method: 'POST',
    url: `/api/v1/statistics/datasets/${set.id}/imports`,
    cookie: keeper,
    ...body,
  });
  return { set, imp: res.json().data as { id: string; version: number } };
}

const ACTIONS: Record<string, { allowed: (a: Actor) => boolean; run: (cookie?: string) => Promise<number> }> =
  {
    'list data sets': {
      allowed: () => true,
      run: async (cookie) => (await t.request({ url: '/api/v1/statistics/datasets', cookie })).statusCode,
    },
    'read an unpublished data set': {
      allowed: signedIn,
      run: async (cookie) => {
        const set = await draftSet();
        return (await t.request({ url: `/api/v1/statistics/datasets/${set.id}`, cookie })).statusCode;
      },
    },
    'create a data set': {
      allowed: keeps,
      run: async (cookie) =>
        (
          await t.request({
            method: 'POST',
            url: '/api/v1/statistics/datasets',
            cookie,
            payload: { code: `c-${++n}`, titles: { en: 'C' }, source: 'S' },
          })
        ).statusCode,
    },
    'change a data set': {
      allowed: keeps,
      run: async (cookie) => {
        const set = await draftSet();
        return (
          await t.request({
            method: 'PATCH',
            url: `/api/v1/statistics/datasets/${set.id}`,
            cookie,
            payload: { version: set.version, published: true },
          })
        ).statusCode;
      },
    },
    'delete a data set': {
      allowed: keeps,
      run: async (cookie) => {
        const set = await draftSet();
        return (
          await t.request({
            method: 'DELETE',
            url: `/api/v1/statistics/datasets/${set.id}?version=${set.version}`,
            cookie,
          })
        ).statusCode;
      },
    },
    'preview an import': {
      allowed: keeps,
      run: async (cookie) => {
        const set = await draftSet();
        const body = multipartBody({ name: 'x.csv', bytes: Buffer.from(ilostatCsv(ILOSTAT_ROWS)) });
        return (
          await t.request({
            method: 'POST',
            url: `/api/v1/statistics/datasets/${set.id}/imports`,
            cookie,
            ...body,
          })
        ).statusCode;
      },
    },
    'commit an import': {
      allowed: keeps,
      run: async (cookie) => {
        const { imp } = await previewed();
        return (
          await t.request({
            method: 'POST',
            url: `/api/v1/statistics/imports/${imp.id}/commit`,
            cookie,
            payload: { version: imp.version },
          })
        ).statusCode;
      },
    },
    'change an indicator': {
      allowed: keeps,
      run: async (cookie) => {
        const { imp } = await previewed();
        await t.request({
          method: 'POST',
          url: `/api/v1/statistics/imports/${imp.id}/commit`,
          cookie: keeper,
          payload: { version: imp.version },
        });
        const list = (await t.request({ url: '/api/v1/statistics/indicators', cookie: keeper })).json().data;
        const indicator = list[0];
        return (
          await t.request({
            method: 'PATCH',
            url: `/api/v1/statistics/indicators/${indicator.id}`,
            cookie,
            payload: { version: indicator.version, unit: 'thousands' },
          })
        ).statusCode;
      },
    },
    'read figures of an unpublished data set': {
      allowed: signedIn,
      run: async (cookie) => {
        const { set, imp } = await previewed();
        await t.request({
          method: 'POST',
          url: `/api/v1/statistics/imports/${imp.id}/commit`,
          cookie: keeper,
          payload: { version: imp.version },
        });
        const res = await t.request({ url: `/api/v1/statistics/observations?dataset=${set.code}`, cookie });
        return res.json().data.length > 0 ? 200 : 404;
      },
    },
  };

const cases = Object.entries(ACTIONS).flatMap(([action, spec]) =>
  (['public', ...ROLES] as Actor[]).map((actor) => ({ action, actor, allowed: spec.allowed(actor) })),
);

describe('statistics access matrix', () => {
  it.each(cases)('$actor: $action → allowed $allowed', async ({ action, actor, allowed }) => {
    const status = await ACTIONS[action]!.run(cookies.get(actor));
    if (allowed) expect(status).toBeLessThan(300);
    // Unpublished data sets do not exist for the public (404); writes ask the public to sign in
    // (401) and refuse a signed-in person without the right (403).
    else if (action.startsWith('read')) expect(status).toBe(404);
    else expect(status).toBe(actor === 'public' ? 401 : 403);
  });
});
