import { chmodSync, rmSync } from 'node:fs';
import { createConnection, createServer, type Socket } from 'node:net';
import { isAbsolute, join } from 'node:path';
import { z } from 'zod';
import { BackupRefused } from './backup-errors.ts';

/**
 * The running server's door for commands that need its open database: today only `backup`, which
 * on the embedded engine cannot open the data directory a second time. A Unix socket inside
 * DATA_DIR, mode 0600 in a 0700 directory: only Tulay's own account can connect, and that account
 * can read DATA_DIR anyway, so the socket grants nothing new. Nothing listens on the network.
 */
export const adminSocketPath = (dataDir: string) => join(dataDir, 'admin.sock');

/** Unix socket paths are limited to 107 bytes on Linux (sun_path). */
const MAX_SOCKET_PATH = 100;
const MAX_REQUEST = 64 * 1024;

const requestSchema = z.strictObject({
  command: z.literal('backup'),
  file: z.string().min(2).max(4096).refine(isAbsolute, 'an absolute path'),
});
export type AdminRequest = z.infer<typeof requestSchema>;

export interface AdminAnswer {
  ok: boolean;
  /** What the CLI prints: the outcome, or why it failed. */
  message: string;
}

/**
 * Serves admin requests, one at a time, until `close`. The caller holds the data directory's lock,
 * so a socket file left by a crashed server is stale and replaced.
 */
export async function serveAdminSocket(
  dataDir: string,
  handle: (request: AdminRequest) => Promise<string>,
  log: (message: string) => void,
): Promise<{ close(): Promise<void> }> {
  const path = adminSocketPath(dataDir);
  if (path.length > MAX_SOCKET_PATH) {
    log(`DATA_DIR is too long a path for the admin socket (${path}): online backups are not available.`);
    return { close: async () => {} };
  }
  rmSync(path, { force: true });
  let queue: Promise<unknown> = Promise.resolve();
  const server = createServer((socket) => {
    readLine(socket)
      .then((line) => {
        const parsed = requestSchema.safeParse(JSON.parse(line));
        if (!parsed.success)
          return answer(socket, { ok: false, message: 'Not a request this Tulay understands.' });
        const run = queue.then(() => handle(parsed.data));
        queue = run.catch(() => {});
        return run.then(
          (message) => answer(socket, { ok: true, message }),
          (error: Error) =>
            answer(socket, {
              ok: false,
              message: error instanceof BackupRefused ? error.message : `The backup failed: ${error.message}`,
            }),
        );
      })
      .catch(() => socket.destroy());
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(path, () => resolve());
    });
    chmodSync(path, 0o600);
  } catch (error) {
    // Tulay serves without it; only `tulay backup` while it runs is affected, and says so.
    server.close();
    log(
      `Could not open the admin socket ${path} (${(error as Error).message}): online backups are not available.`,
    );
    return { close: async () => {} };
  }
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        rmSync(path, { force: true });
      }),
  };
}

/**
 * Asks the server running on `dataDir` to carry out a request. Answers null when no server listens
 * there (no socket, or a stale one), so the caller can report the data directory's lock instead.
 */
export async function askRunningServer(dataDir: string, request: AdminRequest): Promise<AdminAnswer | null> {
  const socket = createConnection(adminSocketPath(dataDir));
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
  } catch {
    socket.destroy();
    return null;
  }
  socket.write(`${JSON.stringify(request)}\n`);
  const line = await readLine(socket).finally(() => socket.destroy());
  return JSON.parse(line) as AdminAnswer;
}

function answer(socket: Socket, value: AdminAnswer): void {
  socket.end(`${JSON.stringify(value)}\n`);
}

/** The first line the peer sends (bounded), or a rejection when it closes or sends too much. */
function readLine(socket: Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      buffered += chunk;
      const newline = buffered.indexOf('\n');
      if (newline >= 0) resolve(buffered.slice(0, newline));
      else if (buffered.length > MAX_REQUEST) reject(new Error('request too long'));
    });
    socket.once('error', reject);
    socket.once('end', () => reject(new Error('closed before a whole line')));
  });
}
