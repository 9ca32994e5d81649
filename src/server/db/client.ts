import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.ts';
import { secureDataDir, tightenTree } from './data-dir-mode.ts';
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
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A PostgreSQL server; when absent the embedded engine runs in `dataDir`. */
  databaseUrl?: string;
  /** Directory for the embedded engine's files, or 'memory://' for a throw-away database. */
  dataDir: string;
  statementTimeoutMs: number;
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
    pool.on('error', () => {}); // a dropped idle connection is replaced on next use
    return {
      engine: 'postgres',
      pool,
      db: drizzle(pool),
      restarts: () => 0,
      close: () => pool.end(),
    };
  }
  const dataDir = options.dataDir === 'memory://' ? 'memory://' : join(options.dataDir, 'pg');
  if (dataDir !== 'memory://') mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const unlock = dataDir === 'memory://' ? () => {} : lockDataDir(dataDir);
  let host: PgliteHost;
  try {
    host = await startPgliteHost(dataDir, options.statementTimeoutMs);
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
  pool.on('error', () => {});
  return {
    engine: 'pglite',
    pool,
    db: drizzle(pool),
    restarts: host.restarts,
    async close() {
      await pool.end();
      await host.close();
      unlock();
    },
  };
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
    const waited = this.host
      .ready()
      .then(() => super.connect())
      .then(keepOnSqlErrors);
    if (!callback) return waited;
    waited.then(
      (client) => callback(undefined, client, (err?: Error) => client.release(err)),
      (err) => callback(err),
    );
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
