import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../testing/harness.ts';
import { solve } from './intake-pow.ts';
import { buildWorld, createCaseTestApp } from './test-support.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof buildWorld>>;
beforeAll(async () => {
  t = await createCaseTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

async function solved() {
  const { challenge, bits } = (await t.request({ method: 'GET', url: '/api/v1/intake/challenge' })).json()
    .data;
  return { challenge, nonce: solve(challenge, bits) };
}

const arabic = 'لم يدفع لي صاحب العمل راتبي منذ ستة أشهر وأخذ جواز سفري';

describe('Get help', () => {
  it('a migrant asks in Arabic, comes back with the code, reads a reply and adds information', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/intake/requests',
      payload: {
        ...(await solved()),
        language: 'ar',
        message: arabic,
        name: 'فاطمة',
        contact: '+966 50 111 2222',
        destinationCountry: 'SA',
        sector: 'domestic_work',
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    const { reference, secret } = res.json().data;
    expect(reference).toMatch(/^H-[0-9A-Z]{8}$/);
    expect(secret).toMatch(/^([0-9A-Z]{4}-){4}[0-9A-Z]{4}$/);

    // Stored: the secret only as a hash; the message and identity only as ciphertext.
    const dump =
      JSON.stringify((await t.database.db.execute(sql`select * from case_intake_access`)).rows) +
      JSON.stringify((await t.database.db.execute(sql`select * from cases`)).rows) +
      JSON.stringify((await t.database.db.execute(sql`select * from case_events`)).rows);
    expect(dump).not.toContain(secret);
    expect(dump).not.toContain('فاطمة');
    expect(dump).not.toContain('جواز');

    // The intake desk of the destination organisation sees it; a case worker elsewhere does not.
    const list = (
      await t.request({ method: 'GET', url: '/api/v1/cases', cookie: w.supervisor.cookie })
    ).json().data;
    const kase = list.find((c: { reference: string }) => c.reference === reference);
    expect(kase).toBeTruthy();
    expect(
      (await t.request({ method: 'GET', url: '/api/v1/cases', cookie: w.outsider.cookie })).json().data,
    ).toEqual([]);
    await t.request({
      method: 'POST',
      url: `/api/v1/cases/${kase.id}/events`,
      cookie: w.supervisor.cookie,
      payload: { kind: 'reply', text: 'We received your message. A lawyer will call you.' },
    });
    await t.request({
      method: 'POST',
      url: `/api/v1/cases/${kase.id}/events`,
      cookie: w.supervisor.cookie,
      payload: { kind: 'note', text: 'Internal: check embassy shelter' },
    });

    // Codes typed by hand: lower case, spaces, O for 0 still work.
    const typed = secret.toLowerCase().replaceAll('-', ' ').replaceAll('0', 'o');
    const status = await t.request({
      method: 'POST',
      url: '/api/v1/intake/status',
      payload: { reference: reference.toLowerCase(), secret: typed },
    });
    expect(status.statusCode).toBe(200);
    const data = status.json().data;
    expect(data.status).toBe('received');
    expect(data.messages.map((m: { from: string; text: string }) => [m.from, m.text])).toEqual([
      ['you', arabic],
      ['team', 'We received your message. A lawyer will call you.'],
    ]);
    const add = await t.request({
      method: 'POST',
      url: '/api/v1/intake/messages',
      payload: { reference, secret, message: 'My new number is +966 50 333 4444' },
    });
    expect(add.statusCode).toBe(204);
    const events = (
      await t.request({ method: 'GET', url: `/api/v1/cases/${kase.id}/events`, cookie: w.supervisor.cookie })
    ).json().data;
    expect(events.at(-1).text).toBe('My new number is +966 50 333 4444');
  });

  it('refuses a replayed challenge, a wrong solution and a forged challenge', async () => {
    const s = await solved();
    const body = { language: 'en', message: 'Help please' };
    expect(
      (await t.request({ method: 'POST', url: '/api/v1/intake/requests', payload: { ...s, ...body } }))
        .statusCode,
    ).toBe(201);
    const replay = await t.request({
      method: 'POST',
      url: '/api/v1/intake/requests',
      payload: { ...s, ...body },
    });
    expect([replay.statusCode, replay.json().code]).toEqual([409, 'challenge_spent']);
    const fresh = await solved();
    const forged = fresh.challenge.replace(/^\d+/, String(Date.now() + 10 ** 9));
    const bad = await t.request({
      method: 'POST',
      url: '/api/v1/intake/requests',
      payload: { challenge: forged, nonce: fresh.nonce, ...body },
    });
    expect(bad.json().code).toBe('challenge_invalid');
    const wrong = await t.request({
      method: 'POST',
      url: '/api/v1/intake/requests',
      payload: { challenge: fresh.challenge, nonce: 'not-it-zz', ...body },
    });
    expect([400, 201]).toContain(wrong.statusCode); // 1 in 16 nonces happens to solve a 4-bit test challenge
  });

  it('answers a filled honeypot like a success and stores nothing', async () => {
    const before = (await t.database.db.execute(sql`select count(*)::int as n from cases`)).rows[0] as {
      n: number;
    };
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/intake/requests',
      payload: { ...(await solved()), language: 'en', message: 'buy pills', website: 'http://spam.example' },
    });
    expect(res.statusCode).toBe(201);
    const after = (await t.database.db.execute(sql`select count(*)::int as n from cases`)).rows[0] as {
      n: number;
    };
    expect(after.n).toBe(before.n);
    const status = await t.request({
      method: 'POST',
      url: '/api/v1/intake/status',
      payload: res.json().data,
    });
    expect(status.statusCode).toBe(404);
  });

  it('wrong secrets look like unknown references and lock the reference after five tries', async () => {
    const { reference, secret } = (
      await t.request({
        method: 'POST',
        url: '/api/v1/intake/requests',
        payload: { ...(await solved()), language: 'fil', message: 'Tulong po' },
      })
    ).json().data;
    const unknown = await t.request({
      method: 'POST',
      url: '/api/v1/intake/status',
      payload: { reference: 'H-AAAAAAAA', secret },
    });
    expect(unknown.json().code).toBe('invalid_reference');
    for (let i = 0; i < 5; i++) {
      const res = await t.request({
        method: 'POST',
        url: '/api/v1/intake/status',
        payload: { reference, secret: 'AAAA-BBBB-CCCC-DDDD-EEEE' },
      });
      expect(res.json().code).toBe('invalid_reference');
    }
    const locked = await t.request({
      method: 'POST',
      url: '/api/v1/intake/status',
      payload: { reference, secret },
    });
    expect(locked.statusCode).toBe(429);
  });

  it('rate-limits lookups per address', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await t.request({
        method: 'POST',
        url: '/api/v1/intake/status',
        remoteAddress: '10.9.9.9',
        payload: { reference: 'H-ZZZZZZZZ', secret: 'AAAA-BBBB-CCCC-DDDD-EEEE' },
      });
      codes.push(res.statusCode);
    }
    expect(codes.slice(0, 10).every((c) => c === 404)).toBe(true);
    expect(codes.at(-1)).toBe(429);
  });

  it('refuses hostile input with 400s, never 500s', async () => {
    const s = await solved();
    const cases = [
      { ...s, language: 'en', message: 'x\u0000y' },
      { ...s, language: "en'; drop table cases;--", message: 'hi' },
      { ...s, language: 'en', message: 'a'.repeat(5001) },
      { ...s, language: 'en', message: 'hi', destinationCountry: 'Saudi' },
      { ...s, language: 'en', message: 'hi', extra: true },
    ];
    for (const payload of cases) {
      const res = await t.request({ method: 'POST', url: '/api/v1/intake/requests', payload });
      expect(res.statusCode).toBe(400);
    }
    const injection = await t.request({
      method: 'POST',
      url: '/api/v1/intake/status',
      payload: { reference: "H-' OR 1=1 --", secret: 'x' },
    });
    expect(injection.statusCode).toBe(400);
  });
});
