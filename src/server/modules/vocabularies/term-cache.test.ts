// The term trees are served from memory between vocabulary notices (db/notices.ts): a warm request
// does not read the vocabulary's revision, and a change, through this server or another one on the
// same PostgreSQL database, is seen by the next request.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { type Database, openDatabase } from '../../db/client.ts';
import { buildOrganisation, buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { createTestDatabase } from '../../testing/test-database.ts';

const LIST = '/api/v1/organisations?limit=50';

/** The SQL statements `action` sends through the pool (outside transactions, as requests read). */
async function statementsOf(database: Database, action: () => Promise<unknown>): Promise<string[]> {
  const pool = database.pool as unknown as { query: (...args: unknown[]) => unknown };
  const original = pool.query;
  const seen: string[] = [];
  pool.query = function (this: unknown, config: unknown, ...rest: unknown[]) {
    seen.push(typeof config === 'string' ? config : String((config as { text: string }).text));
    return original.call(this, config, ...rest);
  };
  try {
    await action();
  } finally {
    pool.query = original;
  }
  return seen;
}

async function relabel(
  app: { inject: FastifyInstance['inject'] },
  admin: string,
  origin: string,
  en: string,
): Promise<void> {
  const terms = await app.inject({
    url: '/api/v1/vocabularies/organisation_type/terms',
    headers: { cookie: admin },
  });
  const ngo = terms.json().data.find((term: { code: string }) => term.code === 'ngo');
  const changed = await app.inject({
    method: 'PATCH',
    url: '/api/v1/vocabularies/organisation_type/terms/ngo',
    headers: { cookie: admin, origin },
    payload: { labels: { ...ngo.labels, en }, version: ngo.version },
  });
  expect(changed.statusCode, changed.body).toBe(200);
}

const typeLabels = (body: { data: { typeLabel: string | null }[] }) =>
  body.data.map((organisation) => organisation.typeLabel);

describe('the term cache of one server', () => {
  let t: TestApp;
  let viewer: string;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    const organisation = await buildOrganisation(t, { typeCode: 'ngo', name: 'Cached label' });
    viewer = await (await buildUser(t, { organisationId: organisation.id })).session();
    admin = await (
      await buildUser(t, { role: 'network_administrator', organisationId: organisation.id })
    ).session();
  });
  afterAll(() => t?.close());

  it('answers a warm signed-in list with two statements: the session, and the page with its total', async () => {
    await t.request({ url: LIST, cookie: viewer });
    const statements = await statementsOf(t.database, async () => {
      const response = await t.request({ url: LIST, cookie: viewer });
      expect(response.statusCode).toBe(200);
      expect(response.json().total).toBe(1);
    });
    expect(statements).toHaveLength(2);
    expect(statements.join('\n')).not.toMatch(/terms_revision/);
  });

  it('shows a relabelled term in the very next list', async () => {
    await t.request({ url: LIST, cookie: viewer });
    await relabel(t.app, admin, t.config.publicUrl, 'Non-governmental group');
    const response = await t.request({ url: LIST, cookie: viewer });
    expect(typeLabels(response.json())).toEqual(['Non-governmental group']);
  });

  it('carries the total in the cursor, so later pages do not count again', async () => {
    for (let i = 0; i < 3; i++) await buildOrganisation(t, { name: `Zz ${i}` });
    const first = (await t.request({ url: '/api/v1/organisations?limit=2', cookie: viewer })).json();
    expect(first.total).toBe(4);
    const statements = await statementsOf(t.database, async () => {
      const next = await t.request({
        url: `/api/v1/organisations?limit=2&cursor=${first.nextCursor}`,
        cookie: viewer,
      });
      expect(next.json()).toMatchObject({ total: 4, nextCursor: null });
      expect(next.json().data).toHaveLength(2);
    });
    expect(statements.join('\n')).not.toMatch(/count\(/);
    const forged = Buffer.from(JSON.stringify({ o: 2, t: 'many' })).toString('base64url');
    const refused = await t.request({ url: `/api/v1/organisations?cursor=${forged}`, cookie: viewer });
    expect(refused.statusCode).toBe(400);
  });
});

// Two servers on one database: what one changes, the other stops serving from memory. PostgreSQL
// only: the embedded engine admits one process.
describe.skipIf(!process.env.DATABASE_URL)('the term cache of two servers on one PostgreSQL database', () => {
  let drop: () => Promise<void>;
  let second: Database;
  const apps: FastifyInstance[] = [];

  beforeAll(async () => {
    const created = await createTestDatabase();
    drop = created.drop;
    second = await openDatabase({ databaseUrl: created.url, dataDir: '', statementTimeoutMs: 20_000 });
    const config = loadConfig({ LOG_LEVEL: 'silent', DEMO_DATA: 'false' } as NodeJS.ProcessEnv);
    for (const database of [created.database, second])
      apps.push(await buildApp({ config, database, webRoot: '/nonexistent' }));
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await second?.close();
    await drop?.();
  });

  it('serves the new label on the other server without it reading the revision per request', async () => {
    const [one, two] = apps as [FastifyInstance, FastifyInstance];
    const handle = { database: one.database } as TestApp;
    const organisation = await buildOrganisation(handle, { typeCode: 'ngo', name: 'Seen twice' });
    const viewer = await (await buildUser(handle, { organisationId: organisation.id })).session();
    const admin = await (
      await buildUser(handle, { role: 'network_administrator', organisationId: organisation.id })
    ).session();
    const list = async () => (await two.inject({ url: LIST, headers: { cookie: viewer } })).json();

    expect(typeLabels(await list())).toEqual(['Non-governmental organisation']);
    // Warm on the second server: it trusts its copy and does not ask for the revision.
    const warm = await statementsOf(second, list);
    expect(warm.join('\n')).not.toMatch(/terms_revision/);

    await relabel(one, admin, one.config.publicUrl, 'Civil society group');
    // The notice reaches the second server's listening connections moments after the commit.
    await expect
      .poll(async () => typeLabels(await list()), { timeout: 2000, interval: 20 })
      .toEqual(['Civil society group']);
  });
});
