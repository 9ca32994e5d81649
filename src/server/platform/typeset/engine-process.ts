import { type ChildProcess, fork } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { setPriority } from 'node:os';
import { TypesetError } from './errors.ts';
import { fontDirectories } from './fonts.ts';

// Runs engine.mjs in one child process, one document at a time, with a queue in front of it. The
// child is started on first use, kept while documents keep coming, stopped when idle, and killed and
// replaced when a document passes the time or memory limit, so one bad edition costs only itself.

export interface TypesetLimits {
  /** Longest one document may take once the engine has it. */
  timeoutMs: number;
  /** Resident memory of the engine's process (native Typst and Node together), in MB. */
  memoryMb: number;
  /** Documents that may wait while one is typeset; one more is refused as `busy`. */
  queue: number;
}

export const DEFAULT_LIMITS: TypesetLimits = {
  timeoutMs: Number(process.env.TYPESET_TIMEOUT_MS) || 180_000,
  memoryMb: Number(process.env.TYPESET_MEMORY_MB) || 2_048,
  queue: Number(process.env.TYPESET_QUEUE) || 8,
};

const engineUrl = new URL('./engine.mjs', import.meta.url);
const IDLE_MS = 60_000;
/** Starting the engine reads the fonts; on a busy two-core machine that can take seconds. */
const START_MS = 60_000;
const MEMORY_POLL_MS = 50;

interface Job {
  template: 'edition' | 'certificate';
  data: string;
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

interface EngineMessage {
  id?: number;
  ready?: boolean;
  progress?: number;
  ok?: boolean;
  pdf?: Uint8Array;
  reason?: 'invalid' | 'crashed';
  message?: string;
}

export class EngineProcess {
  private child?: ChildProcess;
  private ready?: Promise<void>;
  private idle?: NodeJS.Timeout;
  private busy = false;
  private waiting: (() => void)[] = [];
  private nextId = 1;

  constructor(public limits: TypesetLimits = DEFAULT_LIMITS) {}

  /** Typesets one document; resolves with the PDF's bytes. */
  async run(job: Job): Promise<Uint8Array> {
    job.signal?.throwIfAborted?.();
    await this.admit(job.signal);
    try {
      return await this.typeset(job);
    } finally {
      this.busy = false;
      this.waiting.shift()?.();
    }
  }

  /** The engine process's id and its peak resident memory so far (Linux), for the benchmark. */
  async stats(): Promise<{ pid?: number; peakRssMb?: number }> {
    const pid = this.child?.pid;
    if (!pid) return {};
    const kb = await statusField(pid, 'VmHWM');
    return { pid, peakRssMb: kb === undefined ? undefined : kb / 1024 };
  }

  /** Stops the engine process; a document being typeset fails as `crashed`. */
  close() {
    clearTimeout(this.idle);
    this.child?.kill('SIGKILL');
    this.child = undefined;
    this.ready = undefined;
  }

  private async admit(signal?: AbortSignal) {
    if (!this.busy) {
      this.busy = true;
      return;
    }
    if (this.waiting.length >= this.limits.queue)
      throw new TypesetError('busy', 'Too many documents are waiting to be typeset.');
    await new Promise<void>((resolve, reject) => {
      const turn = () => {
        signal?.removeEventListener('abort', abort);
        resolve();
      };
      const abort = () => {
        this.waiting = this.waiting.filter((w) => w !== turn);
        reject(new TypesetError('aborted', 'Typesetting was cancelled.'));
      };
      signal?.addEventListener('abort', abort, { once: true });
      this.waiting.push(turn);
    });
    this.busy = true;
  }

  private start() {
    const child = fork(engineUrl, [], {
      execArgv: [],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: { ...process.env, TULAY_TYPESET_FONT_DIRS: JSON.stringify(fontDirectories()) },
    });
    // Typesetting yields to requests: on a small machine the server's event loop comes first.
    try {
      if (child.pid) setPriority(child.pid, 10);
    } catch {}
    this.child = child;
    this.ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new TypesetError('crashed', 'The engine did not start.')),
        START_MS,
      );
      child.once('message', () => {
        clearTimeout(timer);
        resolve();
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new TypesetError('crashed', `The engine exited while starting (${code}).`));
      });
    });
    child.on('exit', () => {
      if (this.child === child) {
        this.child = undefined;
        this.ready = undefined;
      }
    });
    this.ready.catch(() => {});
    return child;
  }

  private async typeset(job: Job): Promise<Uint8Array> {
    clearTimeout(this.idle);
    const child = this.child ?? this.start();
    // While a document is on its way, the channel keeps the parent alive (a script awaiting it).
    child.channel?.ref();
    try {
      await this.ready;
    } catch (error) {
      this.close();
      throw error;
    }
    const id = this.nextId++;
    const outcome = await new Promise<Uint8Array | TypesetError>((resolve) => {
      let settled = false;
      const finish = (result: Uint8Array | TypesetError, kill = false) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        clearInterval(watch);
        child.off('message', onMessage);
        child.off('exit', onExit);
        job.signal?.removeEventListener('abort', onAbort);
        if (kill && this.child === child) this.close();
        resolve(result);
      };
      const timer = setTimeout(
        () =>
          finish(
            new TypesetError('timeout', `Typesetting took longer than ${this.limits.timeoutMs} ms.`),
            true,
          ),
        this.limits.timeoutMs,
      );
      // The engine's memory is native: watched from outside, as the process's resident size.
      const watch = setInterval(async () => {
        const kb = child.pid ? await statusField(child.pid, 'VmRSS') : undefined;
        if (kb !== undefined && kb / 1024 > this.limits.memoryMb)
          finish(
            new TypesetError('memory', `Typesetting needed more than ${this.limits.memoryMb} MB.`),
            true,
          );
      }, MEMORY_POLL_MS);
      const onAbort = () => finish(new TypesetError('aborted', 'Typesetting was cancelled.'), true);
      const onExit = () => finish(new TypesetError('crashed', 'The engine stopped while typesetting.'));
      const onMessage = (m: EngineMessage) => {
        if (m.id !== id) return;
        if (m.progress !== undefined) return job.onProgress?.(m.progress);
        if (m.ok && m.pdf) return finish(m.pdf);
        finish(new TypesetError(m.reason ?? 'crashed', m.message ?? 'The document could not be typeset.'));
      };
      job.signal?.addEventListener('abort', onAbort, { once: true });
      child.on('message', onMessage);
      child.once('exit', onExit);
      child.send({ id, template: job.template, data: job.data });
    });
    if (this.child === child) {
      child.channel?.unref();
      this.idle = setTimeout(() => this.close(), IDLE_MS).unref();
    }
    if (outcome instanceof TypesetError) throw outcome;
    return outcome;
  }
}

/** A memory figure (kB) from /proc/<pid>/status; undefined where there is no /proc. */
async function statusField(pid: number, field: 'VmRSS' | 'VmHWM') {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}
