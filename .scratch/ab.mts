// A/B of the per-file fixed cost: createTestDatabase() + drop, templates off (before) and on (after).
import { createTestDatabase } from '../src/server/testing/test-database.ts';
import { pgliteTemplate, postgresTemplate } from '../src/server/testing/test-templates.ts';
const rounds = Number(process.argv[2] ?? 3);
const url = process.env.DATABASE_URL;
// Made beforehand, as the global setup does once per run.
const t0 = performance.now(); const c0 = process.cpuUsage();
if (url) await postgresTemplate(url); else await pgliteTemplate();
const cu = process.cpuUsage(c0);
console.log(`template (once per run, if not cached): wall ${Math.round(performance.now() - t0)} ms, cpu ${Math.round((cu.user + cu.system) / 1000)} ms`);
const results: Record<string, { wall: number[]; cpu: number[] }> = { before: { wall: [], cpu: [] }, after: { wall: [], cpu: [] } };
for (let i = 0; i < rounds; i++) {
  for (const mode of ['before', 'after'] as const) {
    process.env.TULAY_TEST_TEMPLATES = mode === 'before' ? 'off' : 'on';
    const t = performance.now(); const c = process.cpuUsage();
    const db = await createTestDatabase();
    await db.database.pool.query('select 1');
    await db.drop();
    const u = process.cpuUsage(c);
    results[mode]!.wall.push(Math.round(performance.now() - t));
    results[mode]!.cpu.push(Math.round((u.user + u.system) / 1000));
  }
}
const med = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
for (const [mode, r] of Object.entries(results))
  console.log(`${url ? 'postgres' : 'pglite'} ${mode}: wall ms ${r.wall.join(' ')} (median ${med(r.wall)}), cpu ms ${r.cpu.join(' ')} (median ${med(r.cpu)})`);
