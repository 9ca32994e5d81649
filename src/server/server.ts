import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { backupAndRecord } from './cli/backup.ts';
import type { Config } from './config.ts';
import { serveAdminSocket } from './db/admin-socket.ts';
import { type Database, openDatabase } from './db/client.ts';
import { runMigrations } from './db/migrate.ts';
import { loadDemoData } from './demo/seed.ts';
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
  await runMigrations(database);
  await ensureRoleDefaults(database.db);
  if (config.DEMO_DATA) await loadDemoData(database);
  return { database };
}

/** Starts Tulay: database, HTTP server and the outbox sender. */
export async function startServer(config: Config): Promise<Running> {
  const { database } = await prepareDatabase(config);
  const app = await buildApp({ config, database });
  const url = await app.listen({ port: config.PORT, host: config.HOST });
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
