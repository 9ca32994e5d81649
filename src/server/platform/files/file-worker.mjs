// A file-work thread: reads spreadsheets and extracts text off the main event loop, one task at a
// time, inside the memory limit its parent gave it. Plain JavaScript so that it starts the same under
// `tsx` (production) and under the test runner; the tasks themselves are TypeScript, loaded by tsx.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

// On a small machine the file work and the event loop share the cores: lower this thread's priority
// (Linux: /proc/thread-self names the thread, and a nice value applies per thread) so that requests
// are answered first and files are read with what is left. Elsewhere, the thread keeps its priority.
try {
  setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), 10);
} catch {}

const ROWS_PER_MESSAGE = 5_000;
const { prepare, runTask } = await tsImport('./file-tasks.ts', import.meta.url);

parentPort.on('message', async ({ id, name, args }) => {
  try {
    await prepare(name);
    parentPort.postMessage({ id, started: true });
    const result = await runTask(name, args);
    // A table of 200,000 rows takes the receiving thread a second to deserialise in one message;
    // in slices of a few thousand rows, the event loop answers requests between them.
    if (Array.isArray(result?.rows) && result.rows.length > ROWS_PER_MESSAGE) {
      for (let at = 0; at < result.rows.length; at += ROWS_PER_MESSAGE)
        parentPort.postMessage({ id, rows: result.rows.slice(at, at + ROWS_PER_MESSAGE) });
      parentPort.postMessage({ id, ok: true, result: { ...result, rows: [] } });
    } else {
      parentPort.postMessage({ id, ok: true, result });
    }
  } catch (error) {
    const e = error ?? {};
    parentPort.postMessage({
      id,
      ok: false,
      error: {
        kind: e.constructor?.name ?? 'Error',
        message: String(e.message ?? e),
        reason: e.reason,
        status: e.status,
        code: e.code,
        title: e.title,
        detail: e.detail,
        errors: e.errors,
      },
    });
  }
});
parentPort.postMessage({ ready: true });
