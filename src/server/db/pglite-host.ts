import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

export interface PgliteHost {
  /** Directory holding the Unix socket; `pg` connects with host=this and port=5432. */
  socketDir: string;
  /** How many times the watchdog had to restart the engine after a runaway statement. */
  restarts(): number;
  /** Resolves when the engine is accepting connections (immediately, unless it is restarting). */
  ready(): Promise<void>;
  /** True while the watchdog is restarting the engine. */
  restarting(): boolean;
  /** Runs `action` with a longer watchdog limit (migrations, demo data), then restores the limit. */
  withLimit<T>(limitMs: number, action: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const workerUrl = new URL('./pglite-worker.mjs', import.meta.url);

/**
 * Starts PGlite on a worker thread behind a Unix socket, with a watchdog: when the worker has not
 * answered a ping for `statementTimeoutMs`, one statement is running too long, so the worker is
 * terminated and started again from its data directory (PostgreSQL's crash recovery replays the WAL).
 * `loadDataDir` (a tarball from PGlite's `dumpDataDir`) starts an in-memory engine from a copy
 * instead of an empty cluster.
 */
export async function startPgliteHost(
  dataDir: string,
  statementTimeoutMs: number,
  loadDataDir?: string,
): Promise<PgliteHost> {
  const socketDir = mkdtempSync(join(tmpdir(), 'tulay-pg-'));
  const socketPath = join(socketDir, '.s.PGSQL.5432');
  let restarts = 0;
  let limitMs = statementTimeoutMs;
  let closing = false;
  let lastPong = Date.now();
  let restarting: Promise<void> | null = null;
  let worker = await spawn();

  async function spawn(): Promise<Worker> {
    rmSync(socketPath, { force: true });
    const w = new Worker(workerUrl, { workerData: { dataDir, socketPath, loadDataDir } });
    await new Promise<void>((resolve, reject) => {
      const onMessage = (m: unknown) => {
        if (m === 'ready') {
          w.off('error', reject);
          resolve();
        }
      };
      w.on('message', onMessage);
      w.once('error', reject);
    });
    w.on('message', (m) => {
      if (m === 'pong') lastPong = Date.now();
    });
    lastPong = Date.now();
    return w;
  }

  // A restart that fails (the worker cannot start) is retried at the next tick; `restarting` stays
  // set meanwhile so connections keep waiting instead of finding no socket. Never throws: an
  // exception here would be an unhandled rejection, which ends the process.
  async function restart() {
    restarts += 1;
    try {
      await worker.terminate();
    } catch {}
    for (let attempt = 1; !closing; attempt += 1) {
      try {
        worker = await spawn();
        return;
      } catch (error) {
        if (attempt >= 5) throw error;
        await new Promise((r) => setTimeout(r, 200 * attempt));
      }
    }
  }

  const watchdog = setInterval(
    () => {
      if (closing || restarting) return;
      if (Date.now() - lastPong > limitMs) {
        restarting = restart()
          .catch((error) => console.error('The embedded database could not be restarted:', error))
          .finally(() => {
            restarting = null;
          });
        return;
      }
      worker.postMessage('ping');
    },
    Math.max(50, Math.min(1000, statementTimeoutMs / 4)),
  );
  watchdog.unref();

  return {
    socketDir,
    restarts: () => restarts,
    restarting: () => restarting !== null,
    ready: async () => {
      await restarting;
    },
    async withLimit(limit, action) {
      limitMs = Math.max(limit, statementTimeoutMs);
      try {
        return await action();
      } finally {
        limitMs = statementTimeoutMs;
      }
    },
    async close() {
      closing = true;
      clearInterval(watchdog);
      const closed = new Promise((resolve) => worker.once('message', (m) => m === 'closed' && resolve(m)));
      worker.postMessage('close');
      await Promise.race([closed, new Promise((r) => setTimeout(r, 5000))]);
      await worker.terminate();
      rmSync(socketDir, { recursive: true, force: true });
    },
  };
}
