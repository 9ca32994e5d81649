// `npm run bench [-- name …]`: runs every bench/*.bench.ts (or the named ones) and prints each
// comparison as it is measured, then one summary table. No thresholds: ratios are for reading.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Benchmark } from './lib/benchmark.ts';
import { type Comparison, formatComparison, formatSummary } from './lib/measure.ts';

const dir = fileURLToPath(new URL('.', import.meta.url));
const available = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort()
  .map((f) => ({ file: f, name: f.replace(/\.bench\.ts$/, '') }));

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !available.some((b) => b.name === w));
if (unknown.length) {
  console.error(
    `Unknown benchmark: ${unknown.join(', ')}. Available: ${available.map((b) => b.name).join(', ')}`,
  );
  process.exit(2);
}
const selected = wanted.length ? available.filter((b) => wanted.includes(b.name)) : available;

const results: { benchmark: string; comparison: Comparison }[] = [];
for (const { file, name: fileName } of selected) {
  const benchmark = (await import(pathToFileURL(`${dir}${file}`).href)).default as Benchmark;
  const name = benchmark.name ?? fileName;
  console.log(`\n${name}: ${benchmark.description}`);
  await benchmark.run((comparison) => {
    results.push({ benchmark: name, comparison });
    console.log(formatComparison(comparison));
  });
}
console.log(`\nSummary (ratio = candidate / baseline, measured interleaved in this run)\n`);
console.log(formatSummary(results));
