import type { Comparison } from './measure.ts';

/** What a `bench/*.bench.ts` file exports as default. */
export interface Benchmark {
  /** Defaults to the file name without `.bench.ts`; `npm run bench -- <name>` selects it. */
  name?: string;
  /** One sentence: what is the candidate, what is the baseline, why compare them. */
  description: string;
  /** Measures every case (one per engine, say); `report` prints each as soon as it is known. */
  run(report: (comparison: Comparison) => void): Promise<void>;
}
