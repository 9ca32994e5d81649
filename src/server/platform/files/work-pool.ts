import { Worker } from 'node:worker_threads';
import { Problem } from '../http/problem.ts';
import { ExtractionError } from './extract.ts';
import type { TaskArgs, TaskName, TaskResult } from './file-tasks.ts';
import { ZipRefused } from './zip-guard.ts';

const msg = (s: string) => s;

/** Limits of the file-work pool; see `FILE_WORK_*` in config.ts. */
export interface WorkLimits {
  /** Worker threads, and so tasks running at once. */
  workers: number;
  /** Callers that may wait for a free worker; one more is refused with 503 `busy`. */
  queue: number;
  /** A task running longer than this is stopped by terminating its thread. */
  timeoutMs: number;
  /** Heap of one worker thread (V8 old generation), in MB. */
  memoryMb: number;
}

/** A task stopped by a limit (time or memory) or by its thread dying: the file, not the server, failed. */
export class WorkLimitError extends Error {
  constructor(
    readonly reason: 'timeout' | 'memory' | 'crashed',
    message: string,
  ) {
    super(message);
  }
}

/** A file that would take more than a file-work thread's time or memory to read (an import's answer). */
export const tooCostlyProblem = (error: WorkLimitError) =>
  new Problem(
    422,
    'file_too_costly',
    msg('The file takes too long or too much memory to read. Split it into smaller files.'),
    error.message,
  );

export const busyProblem = () =>
  new Problem(
    503,
    'busy',
    msg('The server is busy reading other files. Try again in a minute.'),
    'Too many imports and uploads are waiting; nothing was saved.',
    undefined,
    { 'retry-after': '30' },
  );

const workerUrl = new URL('./file-worker.mjs', import.meta.url);
const IDLE_MS = 30_000;
const LOAD_MS = 120_000;

interface WorkerMessage {
  id: number;
  started?: boolean;
  /** A slice of a large table's rows, sent ahead of the result. */
  rows?: unknown[];
  ok?: boolean;
  result?: unknown;
  error?: SerialisedError;
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  idle?: NodeJS.Timeout;
}

/**
 * Heavy file work (spreadsheet parsing, PDF and DOCX text) off the event loop: at most `workers`
 * tasks run at once, each in a thread with a heap limit and a time limit, and at most `queue`
 * callers wait. A thread that runs out of time or memory is terminated and replaced; the process
 * lives on. Threads start on first use and stop when idle.
 */
export class WorkPool {
  private free: Slot[] = [];
  private running = 0;
  private waiting: (() => void)[] = [];
  private closed = false;

  constructor(readonly limits: WorkLimits) {}

  /** Runs one task on a worker thread; throws 503 `busy` when the queue is full. */
  async run<N extends TaskName>(name: N, args: TaskArgs<N>, transfer: ArrayBuffer[] = []) {
    return (await this.admit(() => this.dispatch(name, args, transfer))) as TaskResult<N>;
  }

  /** Holds one of the pool's places while `work` runs (which may call `dispatch`), or refuses when full. */
  async admit<T>(work: () => Promise<T>): Promise<T> {
    if (this.closed) throw busyProblem();
    if (this.running >= this.limits.workers) {
      if (this.waiting.length >= this.limits.queue) throw busyProblem();
      await new Promise<void>((resolve) => this.waiting.push(resolve));
      if (this.closed) throw busyProblem();
    }
    this.running += 1;
    try {
      return await work();
    } finally {
      this.running -= 1;
      this.waiting.shift()?.();
    }
  }

  /** Sends a task to a thread, inside a place already held through `admit`. */
  async dispatch<N extends TaskName>(name: N, args: TaskArgs<N>, transfer: ArrayBuffer[] = []) {
    const slot = this.free.pop() ?? this.spawn();
    clearTimeout(slot.idle);
    try {
      await slot.ready;
    } catch (error) {
      await slot.worker.terminate();
      const memory = (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
      throw error instanceof WorkLimitError
        ? error
        : new WorkLimitError(memory ? 'memory' : 'crashed', (error as Error).message);
    }
    const outcome = await this.send(slot, name, args, transfer);
    if (outcome.reusable && !this.closed) {
      slot.idle = setTimeout(() => this.retire(slot), IDLE_MS).unref();
      this.free.push(slot);
    } else if (outcome.reusable) {
      void slot.worker.terminate();
    }
    if ('error' in outcome) throw outcome.error;
    return outcome.result as TaskResult<N>;
  }

  private spawn(): Slot {
    const worker = new Worker(workerUrl, {
      // Without the parent's flags: the worker loads TypeScript itself, and inherits no heap size.
      execArgv: [],
      resourceLimits: {
        maxOldGenerationSizeMb: this.limits.memoryMb,
        maxYoungGenerationSizeMb: Math.min(64, Math.max(8, Math.floor(this.limits.memoryMb / 8))),
      },
    });
    worker.unref();
    const ready = new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new WorkLimitError('crashed', `file worker exited (${code})`)));
    });
    ready.catch(() => {});
    return { worker, ready };
  }

  private send(
    slot: Slot,
    name: string,
    args: unknown,
    transfer: ArrayBuffer[],
  ): Promise<{ reusable: boolean; result?: unknown } | { reusable: boolean; error: Error }> {
    const { worker } = slot;
    const id = Math.random();
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout;
      const rows: unknown[] = [];
      const finish = (
        outcome: { reusable: boolean; result?: unknown } | { reusable: boolean; error: Error },
      ) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (!outcome.reusable) void worker.terminate();
        resolve(outcome);
      };
      const stop = () =>
        finish({
          reusable: false,
          error: new WorkLimitError('timeout', `The task ran longer than ${this.limits.timeoutMs} ms.`),
        });
      // Loading a task's readers (seconds on a busy machine) has its own, wider bound; the task's
      // clock starts when the thread says it has started.
      timer = setTimeout(stop, Math.max(LOAD_MS, this.limits.timeoutMs));
      const onMessage = (m: WorkerMessage) => {
        if (m.id !== id) return;
        if (m.started) {
          clearTimeout(timer);
          timer = setTimeout(stop, this.limits.timeoutMs);
          return;
        }
        if (m.rows) {
          rows.push(...m.rows);
          return;
        }
        const result = m.ok && rows.length ? { ...(m.result as object), rows } : m.result;
        finish(m.ok ? { reusable: true, result } : { reusable: true, error: revive(m.error!) });
      };
      const onError = (error: Error & { code?: string }) => {
        const memory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
        finish({
          reusable: false,
          error: new WorkLimitError(memory ? 'memory' : 'crashed', memory ? 'Out of memory.' : error.message),
        });
      };
      const onExit = () =>
        finish({ reusable: false, error: new WorkLimitError('crashed', 'The worker exited.') });
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.once('exit', onExit);
      worker.postMessage({ id, name, args }, transfer);
    });
  }

  private retire(slot: Slot) {
    this.free = this.free.filter((s) => s !== slot);
    void slot.worker.terminate();
  }

  /** Stops every idle thread; running tasks end with their request. */
  async close() {
    this.closed = true;
    const slots = this.free.splice(0);
    for (const waiter of this.waiting.splice(0)) waiter();
    for (const slot of slots) clearTimeout(slot.idle);
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}

interface SerialisedError {
  kind: string;
  message: string;
  reason?: string;
  status?: number;
  code?: string;
  title?: string;
  detail?: string;
  errors?: Problem['errors'];
}

/** The worker's error as the class the caller knows (a Problem, an ExtractionError, a ZipRefused). */
function revive(e: SerialisedError): Error {
  if (e.kind === 'Problem' && e.status && e.code && e.title)
    return new Problem(e.status, e.code, e.title, e.detail, e.errors);
  if (e.kind === 'ExtractionError') return new ExtractionError(e.reason as 'unreadable', e.message);
  if (e.kind === 'ZipRefused') return new ZipRefused(e.reason as 'malformed', e.message);
  if (e.kind === 'WorkLimitError') return new WorkLimitError(e.reason as 'memory', e.message);
  return new Error(e.message);
}
