import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';

// Runs hostile input against EVERY route the application declares, as the public and as an
// administrator: whatever arrives, the answer is a precise 4xx problem (or a success), never a 5xx.

const HOSTILE = [
  "'; DROP TABLE users; --",
  '<script>alert(1)</script><img src=x onerror=alert(1)>',
  '=HYPERLINK("http://evil.example","x")',
  '../../../../etc/passwd',
  'nul\u0000byte',
  'ﷺ العربية 中文 ไทย 😀',
  'x'.repeat(20_000),
  '',
];

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
};

function hostileValue(schema: JsonSchema | undefined, text: string): unknown {
  const type = Array.isArray(schema?.type) ? schema?.type[0] : (schema?.type ?? schema?.anyOf?.[0]?.type);
  if (type === 'object') return hostileObject(schema, text);
  if (type === 'array') return [hostileValue(schema?.items, text)];
  if (type === 'number' || type === 'integer' || type === 'boolean') return text; // wrong type on purpose
  return text;
}

function hostileObject(schema: JsonSchema | undefined, text: string): Record<string, unknown> {
  const props = schema?.properties ?? {};
  return Object.fromEntries(Object.entries(props).map(([k, v]) => [k, hostileValue(v, text)]));
}

interface Operation {
  method: string;
  url: string;
  body?: JsonSchema;
  query: string[];
  multipart: boolean;
}

let t: TestApp;
let adminCookie: () => Promise<string>;
let operations: Operation[];

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  // The widest role: every route's input is parsed before any organisation check could refuse it.
  const admin = await buildUser(t, { role: 'network_administrator' });
  adminCookie = () => admin.session();
  const spec = (await t.request({ method: 'GET', url: '/api/v1/openapi.json' })).json();
  type OpenApiOperation = {
    requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
    parameters?: { in: string; name: string }[];
  };
  operations = Object.entries(spec.paths as Record<string, Record<string, OpenApiOperation>>).flatMap(
    ([path, ops]) =>
      Object.entries(ops).map(([method, op]) => {
        const content = op.requestBody?.content ?? {};
        return {
          method: method.toUpperCase(),
          url: path,
          body: content['application/json']?.schema,
          query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
          multipart: Boolean(content['multipart/form-data']),
        };
      }),
  );
});
afterAll(() => t.close());

function expectProblemOrSuccess(
  r: { statusCode: number; headers: Record<string, unknown>; body: string },
  label: string,
) {
  expect(r.statusCode, `${label} → ${r.statusCode} ${r.body.slice(0, 300)}`).toBeLessThan(500);
  if (r.statusCode >= 400)
    expect(String(r.headers['content-type']), label).toContain('application/problem+json');
}

function fill(url: string, value: string) {
  return url.replace(/\{(\w+)\}/g, () => encodeURIComponent(value));
}

describe('hostile input on every route', () => {
  it('finds the routes to test', () => {
    expect(operations.length).toBeGreaterThan(20);
  });

  it('malformed JSON, wrong content types and oversized bodies get a precise 4xx', async () => {
    const cookie = await adminCookie();
    for (const op of operations.filter((o) => o.method !== 'GET' && o.method !== 'DELETE')) {
      const url = fill(op.url, '00000000-0000-4000-8000-000000000000');
      const label = `${op.method} ${op.url}`;
      const malformed = await t.request({
        method: op.method as 'POST',
        url,
        cookie,
        headers: { 'content-type': 'application/json' },
        payload: '{"a": [1, 2',
      });
      expectProblemOrSuccess(malformed, `${label} malformed`);
      if (!op.multipart && op.body) {
        expect(malformed.statusCode, label).toBe(400);
        expect(malformed.json().code, label).toBe('malformed_json');
      }
      const huge = await t.request({
        method: op.method as 'POST',
        url,
        cookie,
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ x: 'y'.repeat(300_000) }),
      });
      expectProblemOrSuccess(huge, `${label} huge`);
      if (!op.multipart) expect(huge.statusCode, label).toBe(413);
      const xml = await t.request({
        method: op.method as 'POST',
        url,
        cookie,
        headers: { 'content-type': 'application/xml' },
        payload: '<a/>',
      });
      expectProblemOrSuccess(xml, `${label} xml`);
      expect(xml.statusCode, label).toBe(415);
    }
  });

  it('unknown fields and hostile strings in every field, path and query parameter never cause a 5xx', async () => {
    for (const op of operations) {
      for (const text of HOSTILE) {
        for (const cookie of [undefined, await adminCookie()]) {
          const label = `${op.method} ${op.url} ${JSON.stringify(text.slice(0, 30))} ${cookie ? 'admin' : 'public'}`;
          const query = Object.fromEntries(op.query.map((q) => [q, text]));
          const payload = op.body ? { ...hostileObject(op.body, text), unexpectedField: text } : undefined;
          const r = await t.request({
            method: op.method as 'GET',
            url: fill(op.url, text || 'x'),
            query,
            cookie,
            ...(payload ? { payload } : {}),
          });
          expectProblemOrSuccess(r, label);
        }
      }
    }
  }, 240_000);

  it('a body that is an array, a string or deeply nested is refused cleanly', async () => {
    const cookie = await adminCookie();
    let nested: unknown = 'x';
    for (let i = 0; i < 2000; i++) nested = { a: nested };
    for (const op of operations.filter((o) => o.body)) {
      for (const payload of [[1, 2, 3], '"just a string"', nested, null]) {
        const r = await t.request({
          method: op.method as 'POST',
          url: fill(op.url, '00000000-0000-4000-8000-000000000000'),
          cookie,
          headers: { 'content-type': 'application/json' },
          payload: JSON.stringify(payload),
        });
        expectProblemOrSuccess(r, `${op.method} ${op.url}`);
        expect(r.statusCode, `${op.method} ${op.url}`).toBeGreaterThanOrEqual(400);
      }
    }
  });
});
