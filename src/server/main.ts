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
  backup <file>              write a consistent snapshot of the database to <file>
  restore <file>             load a snapshot into an empty database

Configuration comes from the environment: see docs/OPERATIONS.md.`;

async function start() {
  const config = loadConfig();
  // Loaded here, not at the top: admin commands (backup, users …) start faster without the web app.
  const { startServer } = await import('./server.ts');
  const running = await startServer(config);
  const engine =
    running.database.engine === 'pglite' ? `embedded PostgreSQL in ${config.dataDir}` : 'PostgreSQL server';
  console.log(`Tulay is running at ${config.publicUrl} (${engine}).`);
  if (running.setupLink) {
    console.log(
      `\nNo administrator yet. Open this single-use link to create the first one:\n\n  ${running.setupLink}\n`,
    );
  }
  const shutdown = async () => {
    await running.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
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
