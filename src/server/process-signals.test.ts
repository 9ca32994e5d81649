import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The real start commands, run as an operator runs them: a stop signal to the wrapper (npm, npx)
// or to its whole process group lets the in-flight request finish, ends every process of the group
// and removes the data directory's lock; a start that fails (port taken) removes the lock too.
// The embedded engine only: the lock and the processes are the same whichever database is used.
const repo = join(import.meta.dirname, '../..');
const dataDir = mkdtempSync(join(tmpdir(), 'tulay-signals-'));
const lockFile = join(dataDir, 'pg', 'tulay.lock');
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function start(command: string, args: string[], port: number): ChildProcess {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    DEMO_DATA: 'false',
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  // Its own process group, as a terminal or a service manager gives it.
  return spawn(command, args, { cwd: repo, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
}

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, ms = 120_000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

const healthy = (port: number) =>
  until('the server to answer', () =>
    fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => (r.ok ? true : undefined),
      () => undefined,
    ),
  );

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A request still in flight: its body is half sent. Resolves with the status line once answered. */
function slowRequest(port: number) {
  const body = JSON.stringify({ email: 'nobody@example.org', password: 'not the password' });
  const socket = connect(port, '127.0.0.1');
  const answered = new Promise<string>((resolve) => {
    let data = '';
    socket.on('data', (chunk) => {
      data += chunk;
    });
    socket.on('close', () => resolve(data.split('\r\n')[0] ?? ''));
    socket.on('error', () => resolve(data.split('\r\n')[0] ?? ''));
  });
  const origin = `http://localhost:${port}`;
  socket.write(
    `POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost:${port}\r\nOrigin: ${origin}\r\n` +
      `Sec-Fetch-Site: same-origin\r\nContent-Type: application/json\r\nConnection: close\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 10)}`,
  );
  return { answered, finish: () => socket.write(body.slice(10)) };
}

async function stopsCleanly(child: ChildProcess, port: number, signal: 'wrapper' | 'group') {
  const pgid = child.pid!;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  await healthy(port);
  expect(existsSync(lockFile)).toBe(true);
  const request = slowRequest(port);
  await new Promise((r) => setTimeout(r, 300)); // the server has the request's headers
  if (signal === 'group') process.kill(-pgid, 'SIGTERM');
  else child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500)); // the server is draining, the request still open
  request.finish();
  expect(await request.answered, output).toMatch(/^HTTP\/1\.1 [1-4]\d\d /);
  await exited;
  await until('every process of the group to end', () => (groupAlive(pgid) ? undefined : true), 30_000);
  expect(existsSync(lockFile), output).toBe(false);
}

describe.skipIf(Boolean(process.env.DATABASE_URL))('stopping the real start commands', () => {
  it('npm start: SIGTERM to the process group', async () => {
    const port = await freePort();
    await stopsCleanly(start('npm', ['start', '--silent'], port), port, 'group');
  }, 240_000);

  it('npm start: SIGTERM to npm alone', async () => {
    const port = await freePort();
    await stopsCleanly(start('npm', ['start', '--silent'], port), port, 'wrapper');
  }, 240_000);

  it('npx tulay start: SIGTERM to npx alone', async () => {
    const port = await freePort();
    await stopsCleanly(start('npx', ['--no-install', 'tulay', 'start'], port), port, 'wrapper');
  }, 240_000);

  it('a start on a taken port fails and leaves no lock', async () => {
    const port = await freePort();
    const taken: Server = createServer();
    await new Promise<void>((resolve) => taken.listen(port, '127.0.0.1', resolve));
    try {
      const child = start(process.execPath, ['bin/tulay.mjs', 'start'], port);
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(code).not.toBe(0);
      expect(existsSync(lockFile)).toBe(false);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  }, 240_000);
});
