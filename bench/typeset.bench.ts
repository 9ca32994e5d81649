// Issue 13: rendering a 100-page edition, in seconds and the engine's peak memory, against the same
// content as a 10-page edition measured in the same run (typesetting should grow with the pages, not
// faster). Each round starts a fresh engine process so that its peak memory is that edition's own.

import { monitorEventLoopDelay } from 'node:perf_hooks';
import { sampleEdition } from '../src/server/platform/typeset/fixtures.ts';
import {
  closeTypesetting,
  typesetEdition,
  typesetEngineStats,
} from '../src/server/platform/typeset/typeset.ts';
import type { Benchmark } from './lib/benchmark.ts';
import { summarise } from './lib/measure.ts';

const ROUNDS = Number(process.env.TYPESET_BENCH_ROUNDS ?? 3);
/** About 2.1 A4 pages a chapter (9 paragraphs, a table, a chart) after the front matter. */
const BIG = sampleEdition(48, 9);
const SMALL = sampleEdition(4, 9);

const pageCount = (pdf: Uint8Array) =>
  Buffer.from(pdf)
    .toString('latin1')
    .match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;

async function once(doc: typeof BIG) {
  closeTypesetting();
  // The engine's start (reading the fonts) is measured apart: it happens once per process, not per edition.
  const startAt = performance.now();
  await typesetEdition(sampleEdition(1, 1));
  const startMs = performance.now() - startAt;
  // The server's event loop meanwhile: only the document's JSON and the PDF cross it.
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const at = performance.now();
  const pdf = await typesetEdition(doc);
  const ms = performance.now() - at;
  delay.disable();
  const loopP99Ms = delay.percentile(99) / 1e6;
  const { peakRssMb = Number.NaN } = await typesetEngineStats();
  return { ms, startMs, peakRssMb, loopP99Ms, pages: pageCount(pdf), bytes: pdf.length };
}

const benchmark: Benchmark = {
  description:
    'Typesetting a 100-page yearbook (Typst in its own process) against the same content as a 10-page edition: seconds, peak RSS of the engine process, and their ratios.',
  async run(report) {
    const big: Awaited<ReturnType<typeof once>>[] = [];
    const small: Awaited<ReturnType<typeof once>>[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // Interleaved, the smaller first on odd rounds, so noise on the shared machine hits both.
      if (round % 2) small.push(await once(SMALL));
      big.push(await once(BIG));
      if (!(round % 2)) small.push(await once(SMALL));
    }
    closeTypesetting();
    const candidate = summarise(
      `${big[0]!.pages}-page edition`,
      big.map((r) => r.ms),
    );
    const baseline = summarise(
      `${small[0]!.pages}-page edition`,
      small.map((r) => r.ms),
    );
    const peak = (rs: typeof big) => Math.max(...rs.map((r) => r.peakRssMb));
    const start = summarise(
      'engine start',
      [...big, ...small].map((r) => r.startMs),
    );
    console.log(
      `    ${candidate.name}: ${(candidate.p50 / 1000).toFixed(2)} s (p50), peak RSS ${peak(big).toFixed(0)} MB, ${(big[0]!.bytes / 1024).toFixed(0)} kB`,
    );
    console.log(
      `    ${baseline.name}: ${(baseline.p50 / 1000).toFixed(2)} s (p50), peak RSS ${peak(small).toFixed(0)} MB, ${(small[0]!.bytes / 1024).toFixed(0)} kB`,
    );
    console.log(
      `    ratio: time ${(candidate.p50 / baseline.p50).toFixed(2)}× for ${(big[0]!.pages / small[0]!.pages).toFixed(1)}× the pages; peak RSS ${(peak(big) / peak(small)).toFixed(2)}×; engine start ${(start.p50 / 1000).toFixed(2)} s (p50, not counted above)`,
    );
    // The machine is shared: the loop's delay while idle in this run is the floor to read it against.
    const idle = monitorEventLoopDelay({ resolution: 10 });
    idle.enable();
    await new Promise((resolve) => setTimeout(resolve, 3000));
    idle.disable();
    console.log(`    event-loop delay p99 while idle: ${(idle.percentile(99) / 1e6).toFixed(1)} ms`);
    console.log(
      `    event-loop delay p99 while typesetting the ${big[0]!.pages}-page edition: ${Math.max(...big.map((r) => r.loopP99Ms)).toFixed(1)} ms (worst round)`,
    );
    report({
      label: `${big[0]!.pages}-page edition vs ${small[0]!.pages}-page edition (time)`,
      candidate,
      baseline,
      ratioP50: candidate.p50 / baseline.p50,
      ratioP95: candidate.p95 / baseline.p95,
    });
  },
};

export default benchmark;
