import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { popoloSchemas } from '../../testing/popolo.ts';

let t: TestApp;
let staff: string;

beforeAll(async () => {
  t = await createTestApp();
  staff = await (await buildUser(t, { role: 'secretariat' })).session();
});
afterAll(() => t.close());

describe('people', () => {
  it('keeps posts and affiliations with dates, and lists publicly only with consent', async () => {
    const mission = await buildOrganisation(t, { name: 'A mission', published: true });
    const create = (name: string, publicConsent: boolean) =>
      t.request({
        method: 'POST',
        url: '/api/v1/people',
        cookie: staff,
        payload: { name, publicConsent, languages: ['ko', 'en'], countryCode: 'KR' },
      });
    const coordinator = (await create('Kim Area', true)).json().data;
    const quiet = (await create('Private Person', false)).json().data;
    expect(coordinator.consentRecordedAt).not.toBeNull();
    expect(quiet.consentRecordedAt).toBeNull();
    for (const p of [coordinator, quiet]) {
      const m = await t.request({
        method: 'POST',
        url: '/api/v1/memberships',
        cookie: staff,
        payload: {
          personId: p.id,
          parentId: mission.id,
          roleCode: 'area_coordinator',
          label: 'Area coordinator, South Korea',
          countryCode: 'KR',
          startDate: '2019-03',
        },
      });
      expect(m.statusCode, m.body).toBe(201);
    }
    const profile = (
      await t.request({ method: 'GET', url: `/api/v1/people/${coordinator.id}`, cookie: staff })
    ).json().data;
    expect(profile.memberships[0]).toMatchObject({
      label: 'Area coordinator, South Korea',
      roleLabel: 'Area coordinator',
      parentName: 'A mission',
      startDate: '2019-03',
    });
    const listed = (
      await t.request({
        method: 'GET',
        url: `/api/v1/people?organisation=${mission.id}&role=area_coordinator&activeOn=2020-01-01`,
        cookie: staff,
      })
    ).json();
    expect(listed.data.map((p: { name: string }) => p.name)).toEqual(['Kim Area', 'Private Person']);
    // A post that ended in March 2020 is over by December, though the year is the same.
    const ended = (
      await t.request({ method: 'GET', url: `/api/v1/people/${quiet.id}`, cookie: staff })
    ).json().data.memberships[0];
    const end = await t.request({
      method: 'PATCH',
      url: `/api/v1/memberships/${ended.id}`,
      cookie: staff,
      payload: { endDate: '2020-03', version: ended.version },
    });
    expect(end.statusCode, end.body).toBe(200);
    const onDay = async (day: string) =>
      (
        await t.request({
          method: 'GET',
          url: `/api/v1/people?organisation=${mission.id}&activeOn=${day}`,
          cookie: staff,
        })
      )
        .json()
        .data.map((p: { name: string }) => p.name);
    expect(await onDay('2020-03-31')).toEqual(['Kim Area', 'Private Person']);
    expect(await onDay('2020-12-01')).toEqual(['Kim Area']);
    const publicPage = (
      await t.request({ method: 'GET', url: `/api/v1/public/organisations/${mission.id}` })
    ).json().data;
    expect(publicPage.people).toEqual([
      { name: 'Kim Area', roleLabel: 'Area coordinator', label: 'Area coordinator, South Korea' },
    ]);
    const csv = await t.request({ method: 'GET', url: '/api/v1/people?format=csv', cookie: staff });
    expect(csv.body).toContain('Area coordinator, South Korea (A mission)');

    // The same list as XLSX and as Popolo JSON that validates against the Popolo schemas.
    const query = `organisation=${mission.id}`;
    const xlsx = await t.request({
      method: 'GET',
      url: `/api/v1/people?${query}&format=xlsx`,
      cookie: staff,
    });
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(2).getCell(1).value).toBe('#contact+id');
    expect([3, 4].map((r) => sheet.getRow(r).getCell(3).value)).toEqual(['Kim Area', 'Private Person']);
    const popolo = await t.request({
      method: 'GET',
      url: `/api/v1/people?${query}&format=popolo`,
      cookie: staff,
    });
    const body = popolo.json();
    expect(body.persons.map((p: { name: string }) => p.name)).toEqual(['Kim Area', 'Private Person']);
    expect(body.memberships).toHaveLength(2);
    const schemas = popoloSchemas();
    for (const p of body.persons) expect(schemas.check(p, 'person')).toEqual([]);
    for (const m of body.memberships) expect(schemas.check(m, 'membership')).toEqual([]);
  });

  it('lets a member editor keep the people of their own organisation only', async () => {
    const editor = await buildUser(t, { role: 'member_editor' });
    const cookie = await editor.session();
    const person = (
      await t.request({ method: 'POST', url: '/api/v1/people', cookie, payload: { name: 'Our volunteer' } })
    ).json().data;
    const link = await t.request({
      method: 'POST',
      url: '/api/v1/memberships',
      cookie,
      payload: { personId: person.id, parentId: editor.organisationId, roleCode: 'staff' },
    });
    expect(link.statusCode).toBe(201);
    const ok = await t.request({
      method: 'PATCH',
      url: `/api/v1/people/${person.id}`,
      cookie,
      payload: { summary: 'Volunteer since 2020', version: 1 },
    });
    expect(ok.statusCode).toBe(200);
    const contact = await t.request({
      method: 'PATCH',
      url: `/api/v1/people/${person.id}`,
      cookie,
      payload: { email: 'x@example.org', version: 2 },
    });
    expect(contact.statusCode).toBe(403);
    const stranger = (
      await t.request({ method: 'POST', url: '/api/v1/people', cookie: staff, payload: { name: 'Stranger' } })
    ).json().data;
    const denied = await t.request({
      method: 'PATCH',
      url: `/api/v1/people/${stranger.id}`,
      cookie,
      payload: { summary: 'x', version: 1 },
    });
    expect(denied.statusCode).toBe(403);
    const stale = await t.request({
      method: 'PATCH',
      url: `/api/v1/people/${person.id}`,
      cookie,
      payload: { summary: 'y', version: 1 },
    });
    expect(stale.statusCode).toBe(409);
  });
});
