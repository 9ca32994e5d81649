import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.ts';
import { type Config, loadConfig } from '../config.ts';
import type { Database } from '../db/client.ts';
import { loadDemoData } from '../demo/seed.ts';
import { ensureRoleDefaults } from '../platform/auth/bootstrap.ts';
import { createTestDatabase } from './test-database.ts';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  config: Config;
  /** Sends a request as a browser of this site would (same-origin JSON), optionally with a session cookie. */
  request(options: InjectOptions & { cookie?: string }): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** Builds the real application on a fresh database; call `close()` in afterAll. */
export async function createTestApp(
  options: { demo?: boolean; config?: Partial<Config>; applicationOwner?: boolean; webRoot?: string } = {},
): Promise<TestApp> {
  const { database, drop } = await createTestDatabase({ applicationOwner: options.applicationOwner });
  await ensureRoleDefaults(database.db);
  if (options.demo) await loadDemoData(database);
  const config = loadConfig({ LOG_LEVEL: 'silent', DEMO_DATA: 'false' } as NodeJS.ProcessEnv, options.config);
  const app = await buildApp({ config, database, webRoot: options.webRoot ?? '/nonexistent' });
  await app.ready();
  return {
    app,
    database,
    config,
    request({ cookie, headers, ...rest }) {
      // Browsers send their page's Origin with every write; the cross-site check requires it.
      const unsafe = !['GET', 'HEAD', 'OPTIONS'].includes(String(rest.method ?? 'GET').toUpperCase());
      return app.inject({
        // A different client address per request unless a test names one, so per-address rate
        // limits only bite in the tests about them.
        remoteAddress: randomAddress(),
        ...rest,
        headers: {
          host: 'localhost:3000',
          ...(unsafe ? { origin: config.publicUrl } : {}),
          ...(cookie ? { cookie } : {}),
          ...headers,
        },
      } as InjectOptions);
    },
    async close() {
      await app.close();
      await drop();
    },
  };
}

/** The `name=value` pair of the session cookie a response set, for the next request. */
export function sessionCookieOf(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'tulay_session');
  if (!cookie) throw new Error(`No session cookie in response ${response.statusCode}: ${response.body}`);
  return `tulay_session=${cookie.value}`;
}

function randomAddress(): string {
  const octet = () => Math.floor(Math.random() * 250) + 1;
  return `10.${octet()}.${octet()}.${octet()}`;
}
