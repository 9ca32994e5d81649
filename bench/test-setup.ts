// `npx tsx bench/test-setup.ts [rounds]` (add DATABASE_URL=… for the server): what a test file and a
// journey pay before their first test, made from scratch (TULAY_TEST_TEMPLATES=off, the harness
// before issue 14) and copied from the migrated template, measured in alternation in one process.
// CPU is this process's user + system time, worker threads included (the embedded engine runs on
// one); on a shared machine it is the steadier figure. docs/decisions/ci-engines.md has the results.
import { startTulay } from '../e2e/support/tulay.ts';
import { createTestDatabase } from '../src/server/testing/test-database.ts';
import { pgliteDirTemplate, pgliteTemplate, postgresTemplate } from '../src/server/testing/test-templates.ts';

const rounds = Number(process.argv[2] ?? 3);
const serverUrl = process.env.DATABASE_URL;
const engine = serverUrl ? 'postgres' : 'pglite';

async function measure(action: () => Promise<void>): Promise<{ wall: number; cpu: number }> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  await action();
  const used = process.cpuUsage(cpu);
  return { wall: performance.now() - started, cpu: (used.user + used.system) / 1000 };
}

// Made first, as the global setups do once per run (a no-op when already made).
const template = await measure(async () => {
  if (serverUrl) await postgresTemplate(serverUrl);
  else await Promise.all([pgliteTemplate(), pgliteDirTemplate()]);
});
console.log(`${engine} template: ${Math.round(template.wall)} ms wall, ${Math.round(template.cpu)} ms CPU`);

const cases = {
  'test database': async () => {
    const { database, drop } = await createTestDatabase();
    await database.pool.query('select 1');
    await drop();
  },
  'journey start': async () => {
    const tulay = await startTulay();
    await tulay.stop();
  },
};
for (const [label, action] of Object.entries(cases)) {
  const runs = {
    before: [] as { wall: number; cpu: number }[],
    after: [] as { wall: number; cpu: number }[],
  };
  for (let i = 0; i < rounds; i += 1) {
    for (const mode of ['before', 'after'] as const) {
      process.env.TULAY_TEST_TEMPLATES = mode === 'before' ? 'off' : 'on';
      // Before, every journey checked the web build itself; after, the global setup does it once.
      if (mode === 'before') delete process.env.TULAY_WEB_CHECKED;
      else process.env.TULAY_WEB_CHECKED = '1';
      runs[mode].push(await measure(action));
    }
  }
  for (const [mode, list] of Object.entries(runs)) {
    const median = (key: 'wall' | 'cpu') =>
      Math.round(list.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(list.length / 2)]!);
    console.log(
      `${engine} ${label} ${mode}: median ${median('wall')} ms wall, ${median('cpu')} ms CPU (${list
        .map((r) => `${Math.round(r.wall)}/${Math.round(r.cpu)}`)
        .join(', ')})`,
    );
  }
}
