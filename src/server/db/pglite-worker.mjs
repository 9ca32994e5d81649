// Runs the embedded PostgreSQL (PGlite) on its own thread and serves it on a Unix socket, so the
// server talks to it through the ordinary `pg` driver and a slow query never blocks the event loop.
// Plain JavaScript on purpose: worker threads do not inherit the TypeScript loader in every runner.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

// A data-directory tarball to start from instead of initdb (the tests' migrated template).
const loadDataDir = workerData.loadDataDir ? new Blob([readFileSync(workerData.loadDataDir)]) : undefined;
const db = await PGlite.create(workerData.dataDir, {
  extensions: { btree_gist, pg_trgm, unaccent },
  loadDataDir,
});
const server = new PGLiteSocketServer({ db, path: workerData.socketPath, maxConnections: 1 });
await server.start();

// The host pings; a worker stuck inside one long statement cannot answer, which is how the host
// notices a statement that outlived the timeout (PGlite has no timer interrupts to cancel it itself).
parentPort.on('message', async (message) => {
  if (message === 'ping') parentPort.postMessage('pong');
  if (message === 'close') {
    await server.stop();
    await db.close();
    parentPort.postMessage('closed');
  }
});
parentPort.postMessage('ready');
