// A/B of a journey's start: startTulay() + stop, as before (web check + initdb + migrations) and after.
import { startTulay } from '../e2e/support/tulay.ts';
import { pgliteDirTemplate, postgresTemplate } from '../src/server/testing/test-templates.ts';
const rounds = Number(process.argv[2] ?? 2);
const url = process.env.DATABASE_URL;
if (url) await postgresTemplate(url); else await pgliteDirTemplate();
const out: Record<string, string[]> = { before: [], after: [] };
for (let i = 0; i < rounds; i++) {
  for (const mode of ['before', 'after'] as const) {
    process.env.TULAY_TEST_TEMPLATES = mode === 'before' ? 'off' : 'on';
    if (mode === 'before') delete process.env.TULAY_WEB_CHECKED; else process.env.TULAY_WEB_CHECKED = '1';
    const t = performance.now(); const c = process.cpuUsage();
    const tulay = await startTulay();
    await tulay.stop();
    const u = process.cpuUsage(c);
    out[mode]!.push(`wall ${Math.round(performance.now() - t)} cpu ${Math.round((u.user + u.system) / 1000)}`);
  }
}
for (const [m, r] of Object.entries(out)) console.log(`${url ? 'postgres' : 'pglite'} journey start ${m}: ${r.join(' | ')} (ms)`);
