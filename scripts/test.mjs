#!/usr/bin/env node
// `npm test`: every test, unit to browser. Brings what it needs (Chromium from Debian when it is
// missing and we run as root) or says exactly what is missing. `--label NAME` names the results
// file (test-results/NAME.json) so CI can add up several runs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';

const args = process.argv.slice(2);
const labelAt = args.indexOf('--label');
const label = labelAt >= 0 ? args.splice(labelAt, 2)[1] : process.env.DATABASE_URL ? 'postgres' : 'pglite';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  if (process.getuid?.() === 0) {
    console.log('Chromium is missing: installing Debian’s chromium package…');
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', 'chromium']);
  } else {
    console.error(
      `Chromium is missing at ${chromium}. Install Debian's package (sudo apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
    process.exit(1);
  }
}

if (existsSync('scripts/build-web-if-stale.mjs')) run(process.execPath, ['scripts/build-web-if-stale.mjs']);

mkdirSync('test-results', { recursive: true });
const vitest = spawnSync(
  process.execPath,
  [
    'node_modules/vitest/vitest.mjs',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=test-results/${label}.json`,
    ...args,
  ],
  { stdio: 'inherit' },
);
process.exit(vitest.status ?? 1);

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`${command} ${commandArgs.join(' ')} failed`);
    process.exit(result.status ?? 1);
  }
}
