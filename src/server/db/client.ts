import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.ts';
import { secureDataDir, tightenTree } from './data-dir-mode.ts';
import { Notices, registerNotices } from './notices.ts';
import { type PgliteHost, startPgliteHost } from './pglite-host.ts';

export type Engine = 'pglite' | 'postgres';
export type Db = NodePgDatabase<Record<string, never>>;
/** Either the database or an open transaction: repositories accept both. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;

export interface Database {
  engine: Engine;
  db: Db;
  pool: pg.Pool;
  /** Restarts of the embedded engine forced by the statement watchdog (always 0 on PostgreSQL). */
  restarts(): number;
  /**
   * Runs `action` with statements allowed `budgetMs` instead of the request timeout: migrations and
   * demo data at start are legitimately slower than any request, and must not fail a small timeout.
   */
  withStatementBudget<T>(budgetMs: number, action: (database: Database) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** How long one statement may run while migrations and demo data load (or STATEMENT_TIMEOUT_MS if longer). */
export const STARTUP_STATEMENT_BUDGET_MS = 10 * 60_000;

export interface DatabaseOptions {
  /** A PostgreSQL server; when absent the embedded engine runs in `dataDir`. */
  databaseUrl?: string;
  /** Directory for the embedded engine's files, or 'memory://' for a throw-away database. */
  dataDir: string;
  statementTimeoutMs: number;
  /**
   * With dataDir 'memory://': a tarball of a data directory (PGlite `dumpDataDir`) to start from,
   * so a test database is a copy of a migrated template instead of initdb plus every migration.
   */
  loadDataDir?: string;
  /** Where to say that DATA_DIR had to be made private again (default: standard error). */
  warn?: (message: string) => void;
}

/** Opens the database: the same `pg` driver and Drizzle code on both engines. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  // DATA_DIR holds the embedded database and the file stores on either engine: private first.
  if (
    options.dataDir &&
    options.dataDir !== 'memory://' &&
    (!options.databaseUrl || existsSync(options.dataDir))
  )
    secureDataDir(options.dataDir, options.warn);
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: 10,
      statement_timeout: options.statementTimeoutMs,
      idle_in_transaction_session_timeout: options.statementTimeoutMs * 4,
    });
    survivesDroppedConnections(pool);
    const database: Database = {
      engine: 'postgres',
      pool,
      db: listening(pool),
      restarts: () => 0,
      // Its own single connection with the larger timeout, so requests keep their own.
      async withStatementBudget(budgetMs, action) {
        const slow = new pg.Pool({
          connectionString: options.databaseUrl,
          max: 1,
          statement_timeout: Math.max(budgetMs, options.statementTimeoutMs),
        });
        survivesDroppedConnections(slow);
        try {
          return await action({ ...database, pool: slow, db: drizzle(slow) });
        } finally {
          await slow.end();
        }
      },
      close: () => pool.end(),
    };
    return database;
  }
  const dataDir = options.dataDir === 'memory://' ? 'memory://' : join(options.dataDir, 'pg');
  if (dataDir !== 'memory://') mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const unlock = dataDir === 'memory://' ? () => {} : lockDataDir(dataDir);
  let host: PgliteHost;
  try {
    host = await startPgliteHost(
      dataDir,
      options.statementTimeoutMs,
      dataDir === 'memory://' ? options.loadDataDir : undefined,
    );
    if (dataDir !== 'memory://') tightenTree(dataDir);
  } catch (error) {
    unlock();
    throw error;
  }
  // One connection: PGlite is a single session, so requests queue here instead of interleaving
  // inside each other's transactions.
  const pool = new WaitingPool(host, {
    host: host.socketDir,
    port: 5432,
    user: 'postgres',
    database: 'postgres',
    max: 1,
    idleTimeoutMillis: 0, // keep the one connection: reconnecting right after a close can race the socket server
  });
  survivesDroppedConnections(pool);
  const database: Database = {
    engine: 'pglite',
    pool,
    db: listening(pool),
    restarts: host.restarts,
    withStatementBudget: (budgetMs, action) => host.withLimit(budgetMs, () => action(database)),
    async close() {
      await pool.end();
      await host.close();
      unlock();
    },
  };
  return database;
}

/** The Drizzle handle of the request pool, whose connections listen for cache notices (notices.ts). */
function listening(pool: pg.Pool): Db {
  const db = drizzle(pool);
  registerNotices(db, new Notices(pool));
  return db;
}

/**
 * A connection can end under a client: the embedded engine restarted by its watchdog, or a server
 * that ended the session. pg then emits 'error' on the client, and on a client checked out of the
 * pool (inside a transaction) nobody listens, so Node would end the whole process. The query in
 * flight is rejected all the same (errors.ts answers 503), and the pool drops the dead client.
 */
function survivesDroppedConnections(pool: pg.Pool): void {
  pool.on('error', () => {}); // an idle connection dropped: replaced on next use
  pool.on('connect', (client) => client.on('error', () => {}));
}

/** A pool that waits while the embedded engine restarts instead of failing to find its socket. */
class WaitingPool extends pg.Pool {
  constructor(
    private readonly host: PgliteHost,
    config: pg.PoolConfig,
  ) {
    super(config);
  }

  // biome-ignore lint/suspicious/noExplicitAny: pg's connect is overloaded (promise and callback forms)
  override connect(callback?: any): any {
    const waited = this.connectWhenReady().then(keepOnSqlErrors);
    if (!callback) return waited;
    waited.then(
      (client) => callback(undefined, client, (err?: Error) => client.release(err)),
      (err) => callback(err),
    );
  }

  /**
   * A connection requested just before a restart is opened while the old socket is gone (pg-pool
   * opens it when the dead client is dropped): wait for the new engine and try again.
   */
  private async connectWhenReady(): Promise<pg.PoolClient> {
    for (let attempt = 1; ; attempt += 1) {
      await this.host.ready();
      const restarts = this.host.restarts();
      try {
        return await super.connect();
      } catch (error) {
        if (attempt >= 3 || (this.host.restarts() === restarts && !this.host.restarting())) throw error;
      }
    }
  }
}

/**
 * pg destroys a connection released with any error, even a plain SQL error (division by zero, a
 * constraint). PGlite has a single connection and needs a moment to accept the next one, so only
 * connection-level failures may destroy it; an SQL error leaves the session healthy.
 */
function keepOnSqlErrors(client: pg.PoolClient): pg.PoolClient {
  const release = client.release.bind(client);
  client.release = (err?: Error | boolean) => release(isSqlError(err) ? undefined : err);
  return client;
}

function isSqlError(err: unknown): boolean {
  return err instanceof pg.DatabaseError && typeof err.code === 'string' && /^[0-9A-Z]{5}$/.test(err.code);
}
