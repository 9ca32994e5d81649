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

  it('a wrong secret looks exactly like an unknown reference and never locks the owner out', async () => {
    const { reference, secret } = (
      await t.request({
        method: 'POST',
        url: '/api/v1/intake/requests',
        payload: { ...(await solved()), language: 'fil', message: 'Tulong po' },
      })
    ).json().data;
    const look = (r: Awaited<ReturnType<TestApp['request']>>) => ({
      status: r.statusCode,
      type: r.headers['content-type'],
      retryAfter: r.headers['retry-after'],
      body: r.json(),
    });
    const status = (payload: object) => t.request({ method: 'POST', url: '/api/v1/intake/status', payload });
    const unknown = look(await status({ reference: 'H-AAAAAAAA', secret }));
    expect(unknown.body.code).toBe('invalid_reference');
    // More wrong secrets than any lock would allow, each from another address (an attacker's botnet).
    for (let i = 0; i < 8; i++) {
      expect(look(await status({ reference, secret: 'AAAA-BBBB-CCCC-DDDD-EEEE' }))).toEqual(unknown);
      expect(look(await status({ reference: `H-ZZZZZZ${i}${i}`, secret }))).toEqual(unknown);
    }
    const owner = await status({ reference, secret });
    expect(owner.statusCode).toBe(200);
  });

  it('throttles failures by address, the same for real and unknown references', async () => {
    const { reference, secret } = (
      await t.request({
        method: 'POST',
        url: '/api/v1/intake/requests',
        payload: { ...(await solved()), language: 'en', message: 'Help please' },
      })
    ).json().data;
    const from = (url: string, payload: object) =>
      t.request({ method: 'POST', url, remoteAddress: '10.9.8.7', payload });
    const wrong = 'AAAA-BBBB-CCCC-DDDD-EEEE';
    // Split over both routes so the per-route request limit is not what answers.
    for (let i = 0; i < 6; i++) {
      expect((await from('/api/v1/intake/status', { reference, secret: wrong })).statusCode).toBe(404);
    }
    for (let i = 0; i < 5; i++) {
      const r = await from('/api/v1/intake/messages', { reference: 'H-QQQQQQQQ', secret, message: 'hello' });
      expect(r.statusCode).toBe(404);
    }
    const real = await from('/api/v1/intake/status', { reference, secret: wrong });
    const fake = await from('/api/v1/intake/status', { reference: 'H-QQQQQQQQ', secret: wrong });
    for (const r of [real, fake]) {
      expect(r.statusCode).toBe(429);
      expect(r.json().code).toBe('rate_limited');
      expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
    }
    expect(real.json()).toEqual(fake.json());
    const owner = await t.request({
      method: 'POST',
      url: '/api/v1/intake/status',
      payload: { reference, secret },
    });
    expect(owner.statusCode).toBe(200);
  });

  it('spends the same time on a wrong secret as on an unknown reference', async () => {
    const { reference } = (
      await t.request({
        method: 'POST',
        url: '/api/v1/intake/requests',
        payload: { ...(await solved()), language: 'en', message: 'Timing' },
      })
    ).json().data;
    const wrong = 'AAAA-BBBB-CCCC-DDDD-EEEE';
    const time = async (ref: string) => {
      const start = performance.now();
      await t.request({
        method: 'POST',
        url: '/api/v1/intake/status',
        payload: { reference: ref, secret: wrong },
      });
      return performance.now() - start;
    };
    const real: number[] = [];
    const fake: number[] = [];
    for (let i = 0; i < 15; i++) {
      real.push(await time(reference));
      fake.push(await time('H-WWWWWWWW'));
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const ratio = median(real) / median(fake);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
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
