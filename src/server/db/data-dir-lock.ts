import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Another live process holds the embedded database. */
export class DataDirInUse extends Error {}

/**
 * Two processes opening one embedded database would each replay and write its files, corrupting
 * it (PGlite keeps no lock of its own). Tulay and its CLI take this lock file first; a lock whose
 * process is gone (a crash, a restarted container reusing our pid) is taken over.
 */
export function lockDataDir(dir: string): () => void {
  const file = join(dir, 'tulay.lock');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      // Whatever way the process ends (a failed start, process.exit in a signal handler), the lock
      // goes with it; a kill -9 still leaves it, and the next start takes it over.
      const unlock = () => {
        process.off('exit', unlock);
        rmSync(file, { force: true });
      };
      process.on('exit', unlock);
      return unlock;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
      if (pid && pid !== process.pid && isAlive(pid)) {
        throw new DataDirInUse(
          `The embedded database in ${dir} is in use by process ${pid} (Tulay or one of its commands). ` +
            `Stop it first; if no such process is Tulay, delete ${file}.`,
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not lock ${file}.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
