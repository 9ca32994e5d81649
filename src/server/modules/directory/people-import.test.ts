import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/roles.ts';
import { type Actor, PUBLIC } from '../../platform/access/actor.ts';
import { can } from '../../platform/access/policy.ts';
import '../people/policy.ts';
import { buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { updatePeopleIfVersion } from '../people/repository.ts';
import { multipart } from './test-support.ts';

let t: TestApp;
let staff: string;

beforeAll(async () => {
  t = await createTestApp();
  staff = await (await buildUser(t, { role: 'secretariat' })).session();
});
afterAll(() => t.close());

async function preview(file: Buffer | string, query = '', cookie = staff, fileName = 'people.csv') {
  const body = multipart(file, fileName);
  return t.request({
    method: 'POST',
    url: `/api/v1/directory/imports?entity=people${query}`,
    cookie,
    ...body,
  });
}

async function commit(id: string, version: number) {
  return t.request({
    method: 'POST',
    url: `/api/v1/directory/imports/${id}/commit`,
    cookie: staff,
    payload: { version },
  });
}

async function person(externalId: string) {
  const { rows } = await t.database.pool.query(
    'select name, country_code, languages, email, phone, public_consent, consent_recorded_at, contact_details from people where external_id = $1',
    [externalId],
  );
  return rows[0] as Record<string, unknown> | undefined;
}

const base: Actor = {
  kind: 'user',
  userId: '00000000-0000-0000-0000-000000000001',
  organisationId: '00000000-0000-0000-0000-000000000002',
  role: 'viewer',
  email: 'someone@example.org',
  name: 'Someone',
  locale: 'en',
  sessionId: 's',
  totpEnabled: true,
  mustEnrolTotp: false,
};

const HEADER = 'external_id,name,honorific_prefix,country,languages,email,phone,public_consent';
const ROWS = [
  'p-1,Maria Santos,Ms,Philippines,tl;en,maria@example.org,+63 2 555 0101,yes',
  'p-2,Siti Rahma,,ID,id en,,,no',
  'p-3,Kim Area,,Atlantis,ko,,,',
];

describe('people import', () => {
  it('previews, refuses rows with errors, commits once fixed and re-imports without changes', async () => {
    const broken = (await preview([HEADER, ...ROWS].join('\n'))).json().data;
    expect(broken).toMatchObject({ entity: 'people' });
    expect(broken.summary).toMatchObject({ total: 3, create: 2, error: 1 });
    expect(broken.rows[2]).toMatchObject({
      line: 4,
      action: 'error',
      errors: ['country: unknown country "Atlantis"'],
    });
    expect((await commit(broken.id, broken.version)).json().code).toBe('import_has_errors');
    expect(await person('p-1')).toBeUndefined(); // all or nothing

    const csv = [HEADER, ...ROWS.slice(0, 2), 'p-3,Kim Area,,KR,ko,,,'].join('\n');
    const fixed = (await preview(csv)).json().data;
    expect(fixed.summary).toMatchObject({ total: 3, create: 3, update: 0, unchanged: 0, error: 0 });
    const done = await commit(fixed.id, fixed.version);
    expect(done.statusCode, done.body).toBe(200);
    const maria = await person('p-1');
    expect(maria).toMatchObject({
      name: 'Maria Santos',
      country_code: 'PH',
      languages: ['tl', 'en'],
      email: 'maria@example.org',
      public_consent: true,
      contact_details: [],
    });
    expect(maria?.consent_recorded_at).toBeInstanceOf(Date);
    expect((await person('p-2'))?.consent_recorded_at).toBeNull();

    const again = (await preview(csv)).json().data;
    expect(again.summary).toMatchObject({ create: 0, update: 0, unchanged: 3, error: 0 });
    expect((await commit(again.id, again.version)).statusCode).toBe(200);

    const changed = (await preview(csv.replace('+63 2 555 0101', '+63 2 555 0199'))).json().data;
    expect(changed.summary).toMatchObject({ update: 1, unchanged: 2 });
    expect(changed.rows[0]).toMatchObject({ action: 'update', changes: ['phone'] });
    expect((await commit(changed.id, changed.version)).statusCode).toBe(200);
    expect(await person('p-1')).toMatchObject({
      phone: '+63 2 555 0199',
      consent_recorded_at: maria?.consent_recorded_at,
    });
  });

  it('matches on name and country, leaving contact details alone', async () => {
    await t.database.pool.query(
      `update people set contact_details = '[{"type":"other","value":"Signal"}]' where external_id = 'p-2'`,
    );
    const csv = 'name,country,summary\nSiti Rahma,Indonesia,Organiser\nSiti Rahma,Malaysia,\n';
    const p = (await preview(csv, '&key=name_country')).json().data;
    expect(p.summary).toMatchObject({ update: 1, create: 1, error: 0 });
    expect((await commit(p.id, p.version)).statusCode).toBe(200);
    const { rows } = await t.database.pool.query(
      "select summary, contact_details from people where external_id = 'p-2'",
    );
    expect(rows[0]).toMatchObject({
      summary: 'Organiser',
      contact_details: [{ type: 'other', value: 'Signal' }],
    });
  });

  it('writes updates in batches only over the version it read: a stale one writes nothing', async () => {
    const { rows } = await t.database.pool.query(
      "select id, name, version from people where external_id in ('p-1', 'p-2') order by external_id",
    );
    const [fresh, stale] = rows.map((r) => ({ id: r.id, name: `${r.name}!`, version: r.version }));
    const written = await t.database.db
      .transaction(async (tx) => {
        // The second person's version moved on since it was read: the whole batch is refused.
        if (!(await updatePeopleIfVersion(tx, [fresh!, { ...stale!, version: stale!.version - 1 }])))
          throw new Error('stale');
        return true;
      })
      .catch(() => false);
    expect(written).toBe(false);
    const after = await t.database.pool.query("select name from people where external_id = 'p-1'");
    expect(after.rows[0].name).toBe(rows[0].name);
  });

  it('gives row errors for bad cells, never a 500, and keeps formula-looking text as text', async () => {
    const csv = [
      'external_id,name,languages,email,public_consent',
      'b-1,Bad Language,english,,',
      `b-2,${'x'.repeat(201)},en,,`,
      'b-3,Bad Mail,,not-an-email,maybe',
      'b-4,"=HYPERLINK(""http://evil.example"",""x"")",en,,',
    ].join('\n');
    const r = await preview(csv);
    expect(r.statusCode, r.body).toBe(201);
    const rows = r.json().data.rows;
    expect(rows[0].errors[0]).toContain('not a language code');
    expect(rows[1].errors[0]).toContain('name: longer than 200 characters');
    expect(rows[2].errors).toEqual([
      'email: not an email address',
      'public_consent: write yes or no, not "maybe"',
    ]);
    expect(rows[3]).toMatchObject({ action: 'create', name: '=HYPERLINK("http://evil.example","x")' });
    const unknown = await t.request({
      method: 'POST',
      url: '/api/v1/directory/imports?entity=people',
      cookie: staff,
      ...multipart('name,acronym\nX,Y\n', 'x.csv', { mapping: JSON.stringify({ acronym: 'acronym' }) }),
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toMatchObject({ code: 'unknown_target' });
  });

  it('reads an XLSX file of people', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('People');
    sheet.addRow(['external_id', 'name', 'country', 'languages']);
    sheet.addRow(['x-1', 'From a workbook', 'TH', 'th']);
    sheet.addRow(['x-2', 'Second sheet row', 'Thailand', 'th, en']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const p = (await preview(xlsx, '', staff, 'people.xlsx')).json().data;
    expect(p.summary).toMatchObject({ create: 2, error: 0 });
    expect((await commit(p.id, p.version)).statusCode).toBe(200);
    expect(await person('x-2')).toMatchObject({ country_code: 'TH', languages: ['th', 'en'] });
  });

  it('is for staff only', async () => {
    const editor = await (await buildUser(t, { role: 'member_editor' })).session();
    expect((await preview('name\nx\n', '', editor)).statusCode).toBe(403);
    // The route's rule is the organisation one; the service checks the person ability itself.
    const actor = (role: Role): Actor => ({ ...base, role });
    const roles: Role[] = [
      'network_administrator',
      'administrator',
      'secretariat',
      'member_editor',
      'case_worker',
      'viewer',
    ];
    expect(roles.map((r) => can(actor(r), 'import', 'person'))).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
    expect(can(PUBLIC, 'import', 'person')).toBe(false);
  });
});
