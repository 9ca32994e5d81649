import type { TypesetCertificate, TypesetEdition } from './document.ts';
import { EngineProcess, type TypesetLimits } from './engine-process.ts';
import { prepareCertificate, prepareEdition } from './prepare.ts';

// The typesetting engine's two entry points (issue 13: PDF editions; issue 12: certificates). The
// engine (Typst; docs/decisions/typesetting-engine.md) runs in its own process, off the event loop,
// with a time and a memory limit; failures are TypesetError (errors.ts).

export { TypesetError } from './errors.ts';

const engine = new EngineProcess();

/**
 * A yearbook or policy brief as PDF: A4, title page, contributors, table of contents with page
 * numbers, running headers, vector figures, embedded subset fonts for every script. Progress is
 * reported at the engine's steps (accepted, laid out, written), from 0 to 1.
 */
export async function typesetEdition(
  doc: TypesetEdition,
  options: { onProgress?(fraction: number): void; signal?: AbortSignal } = {},
): Promise<Uint8Array> {
  const data = prepareEdition(doc);
  options.onProgress?.(0);
  const pdf = await engine.run({
    template: 'edition',
    data,
    onProgress: options.onProgress,
    signal: options.signal,
  });
  options.onProgress?.(1);
  return pdf;
}

/** A certificate of completion as PDF, A4 landscape, in the participant's language. */
export async function typesetCertificate(doc: TypesetCertificate): Promise<Uint8Array> {
  return engine.run({ template: 'certificate', data: prepareCertificate(doc) });
}

/** Changes the engine's limits (tests, configuration); applies to the next document. */
export function setTypesetLimits(limits: Partial<TypesetLimits>) {
  engine.limits = { ...engine.limits, ...limits };
}

/** The engine process's peak memory so far, for the benchmark. */
export function typesetEngineStats() {
  return engine.stats();
}

/** Stops the engine process (at shutdown, or to measure from a fresh one). */
export function closeTypesetting() {
  engine.close();
}
