import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildOrganisation, buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { registerLinkedWork } from './linked-work.ts';

// The extension point campaigns and events use: a provider registered once shows its items on the
// programme's page (staff API and public page), public ones only to the public. A kind of work
// no module registers, so the test's provider stands beside the real ones.

let t: TestApp;
let staff: string;
let runner: string;
beforeAll(async () => {
  registerLinkedWork({
    kind: 'test-statements',
    heading: 'Statements',
    async list(_ctx, programmeId, { publicOnly }) {
      const item = {
        title: `C189 for ${programmeId.slice(0, 4)}`,
        href: '/campaigns/c189',
        publicHref: '/campaigns/c189',
      };
      return publicOnly ? [item] : [item, { title: 'Draft campaign', href: '/campaigns/draft' }];
    },
  });
  t = await createTestApp();
  staff = await (await buildUser(t, { role: 'secretariat' })).session();
  runner = (await buildOrganisation(t)).id;
});
afterAll(() => t.close());

it('a kind is registered once', () => {
  expect(() =>
    registerLinkedWork({ kind: 'test-statements', heading: 'Again', list: async () => [] }),
  ).toThrow();
});

it('shows a registered provider on the staff API and, public items only, on the public page', async () => {
  const created = (
    await t.request({
      method: 'POST',
      url: '/api/v1/programmes',
      cookie: staff,
      payload: { name: 'Domestic workers', runningOrganisationIds: [runner] },
    })
  ).json().data;
  const staffView = (
    await t.request({ method: 'GET', url: `/api/v1/programmes/${created.id}`, cookie: staff })
  ).json().data;
  expect(staffView.linkedWork).toEqual([
    expect.objectContaining({ kind: 'test-statements', items: [expect.anything(), expect.anything()] }),
  ]);
  await t.request({
    method: 'POST',
    url: `/api/v1/programmes/${created.id}/publish`,
    cookie: staff,
    payload: { version: created.version },
  });
  const html = (await t.request({ method: 'GET', url: `/programmes/${created.slug}` })).body;
  expect(html).toContain('<h2>Statements</h2>');
  expect(html).toContain('href="/campaigns/c189"');
  expect(html).not.toContain('Draft campaign');
});
