import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { backupAndRecord } from './cli/backup.ts';
import type { Config } from './config.ts';
import { serveAdminSocket } from './db/admin-socket.ts';
import { type Database, openDatabase, STARTUP_STATEMENT_BUDGET_MS } from './db/client.ts';
import { runMigrations } from './db/migrate.ts';
import { loadDemoData } from './demo/seed.ts';
import { ensureDefaultIntake } from './modules/cases/intake-routing.ts';
import { ensureRoleDefaults } from './platform/auth/bootstrap.ts';
import { ensureSetupLink } from './platform/auth/onboarding-service.ts';
import { deliverPending } from './platform/mail/outbox.ts';

export interface Running {
  app: FastifyInstance;
  database: Database;
  setupLink: string | null;
  url: string;
  stop(): Promise<void>;
}

/** Opens and migrates the database and loads demo data once. */
export async function prepareDatabase(config: Config): Promise<{ database: Database }> {
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.dataDir,
    statementTimeoutMs: config.STATEMENT_TIMEOUT_MS,
  });
  // Migrations and demo data run once at start and may take longer than any request is allowed.
  try {
    await database.withStatementBudget(STARTUP_STATEMENT_BUDGET_MS, async (slow) => {
      await runMigrations(slow);
      await ensureRoleDefaults(slow.db);
      if (config.DEMO_DATA) await loadDemoData(slow);
      // A fresh install receives Get-help requests from its first minute (issue 15).
      await ensureDefaultIntake(slow.db);
    });
  } catch (error) {
    await database.close().catch(() => {}); // releases the data directory's lock
    throw error;
  }
  return { database };
}

/** Starts Tulay: database, HTTP server and the outbox sender. */
export async function startServer(config: Config): Promise<Running> {
  const { database } = await prepareDatabase(config);
  const app = await buildApp({ config, database }).catch(async (error) => {
    await database.close().catch(() => {});
    throw error;
  });
  const url = await app.listen({ port: config.PORT, host: config.HOST }).catch(async (error) => {
    // E.g. the port is taken: release the database (and the data directory's lock) before failing.
    await app.close().catch(() => {});
    await database.close().catch(() => {});
    throw error;
  });
  // With PORT=0 the system picks the port: links in emails must name the one really listened on.
  if (!config.PUBLIC_URL)
    config.publicUrl = `http://localhost:${(app.server.address() as { port: number }).port}`;
  const setupLink = await ensureSetupLink(database, config);
  // The embedded engine admits one process: `tulay backup` asks this one to write the snapshot.
  const admin =
    database.engine === 'pglite'
      ? await serveAdminSocket(
          config.dataDir,
          (request) => backupAndRecord(database, config, request.file, true),
          (message) => app.log.warn(message),
        )
      : null;
  const mailTimer = setInterval(() => void deliverPending(database, config).catch(() => {}), 30_000);
  mailTimer.unref();
  return {
    app,
    database,
    setupLink,
    url,
    async stop() {
      clearInterval(mailTimer);
      await admin?.close();
      await app.close();
      await database.close();
    },
  };
}
