import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/roles.ts';
import { type BuiltUser, buildUser } from '../../testing/factories.ts';
import {
  HOSTILE_TEXT,
  hostileBodies,
  hostileParams,
  type Operation,
  operationsOf,
  sample,
  show,
} from '../../testing/fuzz.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';

// Generated from the OpenAPI document: every operation gets a fixed, deterministic set of hostile
// values in each path parameter, query parameter and body property (NUL, lone surrogates, huge
// numbers, far dates, crafted cursors, runs of search operators, oversized text, wrong types,
// malformed JSON and multipart), as the anonymous public and as the most powerful role. Any 5xx fails.

/** The most powerful role there is: the one place to change when a stronger role is added. */
const MOST_POWERFUL_ROLE: Role = 'network_administrator';

/** Operations that would end or weaken the fuzzer's own session; they have their own tests. */
const SKIPPED = new Set([
  'POST /api/v1/auth/logout',
  'POST /api/v1/auth/password',
  'POST /api/v1/auth/two-factor/disable',
  'POST /api/v1/auth/two-factor/setup',
  'DELETE /api/v1/auth/sessions/{id}',
]);

const NIL = '00000000-0000-4000-8000-000000000000';

let t: TestApp;
let admin: BuiltUser;
let operations: Operation[];
/** A real value for each path parameter, so requests reach the record's handler, not a 404. */
const known = new Map<string, string>();

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  admin = await buildUser(t, { role: MOST_POWERFUL_ROLE });
  await buildUser(t, { role: 'viewer' }); // someone else to administer
  const spec = (await t.request({ method: 'GET', url: '/api/v1/openapi.json' })).json();
  operations = operationsOf(spec).filter((op) => !SKIPPED.has(`${op.method} ${op.path}`));
  await harvestIds();
});
afterAll(() => t.close());

/** Reads each list once as the administrator and keeps one record id per collection (never the admin's own). */
async function harvestIds() {
  const cookie = await admin.session();
  for (const op of operations.filter((o) => o.method === 'GET' && o.pathParams.length === 0)) {
    const r = await t.request({ method: 'GET', url: op.path, cookie });
    if (r.statusCode !== 200 || !String(r.headers['content-type']).includes('json')) continue;
    const rows = (r.json() as { data?: unknown }).data;
    const row = Array.isArray(rows)
      ? (rows as Record<string, unknown>[]).find((x) => x.id !== admin.id)
      : undefined;
    if (row?.id) known.set(`${op.path}/{id}`, String(row.id));
    if (row?.key && op.path.endsWith('/vocabularies')) known.set('key', String(row.key));
  }
  const key = known.get('key');
  if (key) {
    const r = await t.request({ method: 'GET', url: `/api/v1/vocabularies/${key}/terms`, cookie });
    const terms = (r.json() as { data?: { code: string }[] }).data;
    if (terms?.[0]) known.set('code', terms[0].code);
  }
}

function pathValue(op: Operation, name: string): string {
  if (name === 'key') return known.get('key') ?? 'fuzz_key';
  if (name === 'code') return known.get('code') ?? 'x';
  if (name === 'role') return 'viewer';
  if (name === 'id') {
    const prefix = op.path.slice(0, op.path.indexOf('{id}') + 4);
    return known.get(prefix) ?? NIL;
  }
  return NIL;
}

/** Percent-encodes text; a lone surrogate goes out as the bytes a hostile client would send (WTF-8). */
function enc(s: string): string {
  return s
    .split(/(\p{Cs})/u)
    .map((part) =>
      /^\p{Cs}$/u.test(part)
        ? [
            0xe0 | (part.charCodeAt(0) >> 12),
            0x80 | ((part.charCodeAt(0) >> 6) & 63),
            0x80 | (part.charCodeAt(0) & 63),
          ]
            .map((b) => `%${b.toString(16).toUpperCase()}`)
            .join('')
        : encodeURIComponent(part),
    )
    .join('');
}

function urlOf(op: Operation, override?: [string, string], query?: [string, string]): string {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    enc(override?.[0] === name ? override[1] : pathValue(op, name)),
  );
  return query ? `${path}?${enc(query[0])}=${enc(query[1])}` : path;
}

function check(failures: string[], r: LightMyRequestResponse, label: string) {
  if (r.statusCode >= 500) failures.push(`${label} → ${r.statusCode} ${r.body.slice(0, 200)}`);
}

/** The hostile requests of one operation: one hostile value each, the rest plausible. */
function casesOf(op: Operation) {
  const cases: { label: string; url: string; payload?: unknown; headers?: Record<string, string> }[] = [];
  const body = op.body ? sample(op.body, NIL) : undefined;
  for (const name of op.pathParams)
    for (const v of [HOSTILE_TEXT[0]!, HOSTILE_TEXT[1]!, 'x'.repeat(3000)])
      cases.push({ label: `path ${name}=${show(v)}`, url: urlOf(op, [name, v]), payload: body });
  if (Object.keys(op.query).length)
    cases.push({
      label: 'query of 17 kB',
      url: urlOf(op, undefined, [Object.keys(op.query)[0]!, 'x'.repeat(17_000)]),
    });
  for (const [name, schema] of Object.entries(op.query))
    for (const v of hostileParams(name, schema))
      cases.push({ label: `query ${name}=${show(v)}`, url: urlOf(op, undefined, [name, v]), payload: body });
  if (op.body) {
    for (const h of hostileBodies(op.body, NIL))
      cases.push({ label: `body ${h.label}`, url: urlOf(op), payload: h.body });
    cases.push({
      label: 'malformed JSON',
      url: urlOf(op),
      payload: '{"a": [1, 2',
      headers: { 'content-type': 'application/json' },
    });
  }
  if (op.multipart) {
    const garbage = '--zz\r\nContent-Disposition: form-data; name="file"; filename="a\u0000.pdf"\r\n\r\n%PDF';
    for (const contentType of [
      'multipart/form-data',
      'multipart/form-data; boundary=zz',
      'multipart/form-data; boundary=',
    ])
      cases.push({
        label: `multipart ${contentType}`,
        url: urlOf(op),
        payload: garbage,
        headers: { 'content-type': contentType },
      });
  }
  return cases;
}

/** Sends every case of every operation; answers the list of 5xx, each with operation and input. */
async function fuzz(cookie: (() => Promise<string>) | undefined, actor: string): Promise<string[]> {
  const failures: string[] = [];
  for (const op of operations) {
    const session = cookie ? await cookie() : undefined;
    const all = casesOf(op);
    if (!session) {
      // Where the public is refused outright, the rest only repeats what the administrator's run covers.
      const r = await t.request({
        method: op.method as 'POST',
        url: urlOf(op),
        ...(op.body ? { payload: sample(op.body, NIL) as string } : {}),
      });
      check(failures, r, `${actor} ${op.method} ${op.path} plain`);
      if (r.statusCode === 401 || r.statusCode === 403) continue;
    }
    for (const c of all) {
      const r = await t.request({
        method: op.method as 'POST',
        url: c.url,
        cookie: session,
        headers: c.headers,
        ...(c.payload !== undefined ? { payload: c.payload as string } : {}),
      });
      check(failures, r, `${actor} ${op.method} ${op.path} ${c.label}`);
    }
  }
  return failures;
}

describe('OpenAPI-driven fuzzing', () => {
  it('covers the operations of the document', () => {
    expect(operations.length).toBeGreaterThan(80);
    expect(known.size).toBeGreaterThan(5);
  });

  it('no hostile value brings a 5xx, for the public', async () => {
    const failures = await fuzz(undefined, 'public');
    expect(failures, failures.join('\n')).toEqual([]);
  }, 300_000);

  it(`no hostile value brings a 5xx, for the ${MOST_POWERFUL_ROLE}`, async () => {
    const failures = await fuzz(() => admin.session(), MOST_POWERFUL_ROLE);
    expect(failures, failures.join('\n')).toEqual([]);
    // The run did not lock itself out: the account is still there, with its role, and signs in.
    const me = await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie: await admin.session() });
    expect(me.statusCode).toBe(200);
    expect(JSON.stringify(me.json())).toContain(MOST_POWERFUL_ROLE);
  }, 300_000);
});
