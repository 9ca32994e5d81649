import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { createTestDatabase } from '/work/wt/cispeed/src/server/testing/test-database.ts';
const ext = { btree_gist, pg_trgm, unaccent };
let t = performance.now();
const lap = (l: string) => { const n = performance.now(); console.log(l, Math.round(n - t), 'ms'); t = n; };
const a = await PGlite.create('memory://', { extensions: ext }); lap('create fresh (initdb)');
await a.close(); lap('close');
const b = await PGlite.create('memory://', { extensions: ext }); lap('create fresh again');
await b.close();
t = performance.now();
const tdb = await createTestDatabase(); lap('createTestDatabase (worker+socket+migrate)');
await tdb.drop(); lap('drop');
// migrate a direct pglite via the harness is complicated; dump a migrated db through the worker-less path:
const { drizzle } = await import('drizzle-orm/pglite');
const { migrate } = await import('drizzle-orm/pglite/migrator');
const c = await PGlite.create('memory://', { extensions: ext }); lap('create c');
await migrate(drizzle(c), { migrationsFolder: '/work/wt/cispeed/migrations', migrationsSchema: 'tulay_meta', migrationsTable: 'migrations' }); lap('migrate direct');
const dump = await c.dumpDataDir('none'); lap(`dump none ${dump.size}`);
const dumpgz = await c.dumpDataDir('gzip'); lap(`dump gzip ${dumpgz.size}`);
for (let i = 0; i < 3; i++) {
  const d = await PGlite.create('memory://', { extensions: ext, loadDataDir: dump }); lap('create from dump');
  const r = await d.query('select count(*) from tulay_meta.migrations'); lap('first query ' + JSON.stringify(r.rows));
  await d.close();
  t = performance.now();
}
const mod = await WebAssembly.compile(await (await import('node:fs/promises')).readFile('/work/wt/cispeed/node_modules/@electric-sql/pglite/dist/pglite.wasm')); lap('compile wasm');
const e = await PGlite.create('memory://', { extensions: ext, loadDataDir: dump, pgliteWasmModule: mod }); lap('create from dump with precompiled module');
await e.close();
