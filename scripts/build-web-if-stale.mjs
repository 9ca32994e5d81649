#!/usr/bin/env node
// Builds dist/web with Vite when it is missing or older than its sources (src/web, src/shared,
// vite.config.ts), so `npm start` and the browser tests always serve the current interface
// without paying for a build on every run. The new build is written aside and swapped in, so a
// Tulay already serving dist/web (another test run, `npm start`) never sees a half-empty folder.
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(repo, 'dist/web/index.html');
const sources = [
  join(repo, 'src/web'),
  join(repo, 'src/shared'),
  join(repo, 'vite.config.ts'),
  join(repo, 'package-lock.json'),
];

/** Newest modification time under a file or directory (0 when absent). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = stat.mtimeMs;
  for (const entry of readdirSync(path)) max = Math.max(max, newest(join(path, entry)));
  return max;
}

const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
const changedAt = Math.max(...sources.map(newest));
if (builtAt > changedAt && !process.argv.includes('--force')) process.exit(0);

console.log(builtAt ? 'Web app sources changed: rebuilding dist/web…' : 'Building the web app (dist/web)…');
const vite = join(repo, 'node_modules/vite/bin/vite.js');
const out = join(repo, 'dist/web');
const fresh = join(repo, `dist/.web-${process.pid}`);
const result = spawnSync(
  process.execPath,
  [vite, 'build', '--logLevel', 'warn', '--outDir', fresh, '--emptyOutDir'],
  {
    cwd: repo,
    stdio: 'inherit',
  },
);
if (result.status !== 0) {
  rmSync(fresh, { recursive: true, force: true });
  process.exit(result.status ?? 1);
}
// Pages opened before the swap still load their chunks (e.g. a language catalog) for a while.
const HOUR = 3_600_000;
if (existsSync(join(out, 'assets'))) {
  mkdirSync(join(fresh, 'assets'), { recursive: true });
  for (const name of readdirSync(join(out, 'assets'))) {
    const from = join(out, 'assets', name);
    const to = join(fresh, 'assets', name);
    const { atime, mtime, mtimeMs } = statSync(from);
    if (existsSync(to) || Date.now() - mtimeMs > HOUR) continue;
    copyFileSync(from, to);
    utimesSync(to, atime, mtime); // keep the age, so old chunks leave after an hour
  }
}
const old = join(repo, `dist/.web-old-${process.pid}`);
if (existsSync(out)) renameSync(out, old);
renameSync(fresh, out);
rmSync(old, { recursive: true, force: true });
