import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isMainThread } from 'node:worker_threads';

/** What DATA_DIR's entries may be: Tulay's account only (accounts, hashes, the audit log, case files). */
const DIR_MODE = 0o700;
const FILE_MODE = 0o600;

/**
 * Makes DATA_DIR readable and writable by Tulay's account only, and keeps it so. The process umask
 * becomes 077, so every file created later (the embedded engine's files on its worker thread, the
 * file stores, backups, lock files) is born private; then the existing tree is walked and anything
 * another account could read or change is tightened, with a warning, since something loosened it
 * (an older Tulay, a copy, a tool run with another umask). Symbolic links are left alone.
 */
export function secureDataDir(dir: string, warn: (message: string) => void = console.warn): void {
  // The umask is per process and can only be set from the main thread; workers share it.
  if (isMainThread) process.umask(0o077);
  mkdirSync(dir, { recursive: true, mode: DIR_MODE });
  const loosened = tightenTree(dir);
  if (loosened.length) {
    const examples = loosened.slice(0, 3).join(', ');
    warn(
      `${loosened.length} files and directories in the data directory ${dir} could be read or changed ` +
        `by other accounts on this machine (for example ${examples}). They are now private to this ` +
        "account again; find out what loosened them (a copy, an archive tool, another account's umask).",
    );
  }
}

/**
 * Sets every directory under `dir` (itself included) to 0700 and every file to 0600 where another
 * account had any access; answers what it changed ("path (mode)"). Symbolic links are left alone.
 * Also run after the embedded engine starts: its first start writes the new cluster's files with
 * an explicit mode 0666 that the umask does not narrow (DATA_DIR itself, 0700, keeps them out of
 * reach meanwhile).
 */
export function tightenTree(dir: string): string[] {
  const loosened: string[] = [];
  const visit = (path: string) => {
    const info = lstatSync(path, { throwIfNoEntry: false });
    if (!info || info.isSymbolicLink()) return;
    if ((info.mode & 0o077) !== 0) {
      loosened.push(`${path} (${(info.mode & 0o777).toString(8)})`);
      chmodSync(path, info.isDirectory() ? DIR_MODE : FILE_MODE);
    }
    if (info.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
  };
  visit(dir);
  return loosened;
}
