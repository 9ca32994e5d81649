import { commands as adminCommands } from './cli/commands.ts';
import { loadConfig } from './config.ts';

const usage = `Usage: tulay <command>

  start                      start Tulay (migrates the database first)
  migrate                    apply database migrations and exit
  users list                 list accounts
  users create --email E --name N --role R --organisation O
                             create an account (prints a one-time password-setting link)
  users disable --email E    suspend an account and end its sessions
  users reset-2fa --email E  clear an account's two-factor enrolment
  keys rotate                rewrap case data keys under the first key of CASE_KEYS
  statistics import FILE --dataset CODE [--format ilostat|undesa|tulay] [--source S] [--dry-run yes]
                             import migration statistics (preview, then all or nothing)
  backup <file>              write a consistent snapshot of the database to <file>
  restore <file>             load a snapshot into an empty database

Configuration comes from the environment: see docs/OPERATIONS.md.`;

const SHUTDOWN_GRACE_MS = 30_000;

async function start() {
  const config = loadConfig();
  // Loaded here, not at the top: admin commands (backup, users …) start faster without the web app.
  const { startServer } = await import('./server.ts');
  const starting = startServer(config);
  // Installed before the server is up, so a stop signal during start-up also closes the database.
  // A stop signal often arrives twice (to the process group, and forwarded by npm): the first one
  // drains in-flight requests and closes the database; later ones must not cut that short.
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    // A request that never ends must not keep Tulay from stopping (the lock goes on exit anyway).
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
    try {
      await (await starting).stop();
    } finally {
      process.exit(0);
    }
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  stopWhenOrphaned(shutdown);
  const running = await starting;
  const engine =
    running.database.engine === 'pglite' ? `embedded PostgreSQL in ${config.dataDir}` : 'PostgreSQL server';
  console.log(`Tulay is running at ${config.publicUrl} (${engine}).`);
  if (running.setupLink) {
    console.log(
      `\nNo administrator yet. Open this single-use link to create the first one:\n\n  ${running.setupLink}\n`,
    );
  }
}

/**
 * `npx tulay start` runs us under npm and a shell; a SIGTERM to npm alone reaches the shell, which
 * dies without passing it on, and we would serve on as an orphan holding the data directory. Our
 * parent changing is that signal. (A process started by init directly has no parent to lose.)
 */
function stopWhenOrphaned(stop: () => void) {
  const parent = process.ppid;
  if (parent <= 1) return;
  const timer = setInterval(() => {
    if (process.ppid !== parent) {
      clearInterval(timer);
      stop();
    }
  }, 250);
  timer.unref();
}

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  if (command === 'start') return start();
  const handler = command ? adminCommands[command] : undefined;
  if (!handler) {
    console.log(usage);
    process.exitCode = command && command !== 'help' && command !== '--help' ? 2 : 0;
    return;
  }
  process.exitCode = await handler(rest, loadConfig());
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
