import { z } from 'zod';
import { email, line, role } from '../../shared/schemas.ts';
import type { Config } from '../config.ts';
import type { Database, Tx } from '../db/client.ts';
import { recordAudit } from '../platform/audit/recorder.ts';
import { issueToken } from '../platform/auth/one-time-token.ts';
import * as auth from '../platform/auth/repository.ts';
import { CliFailure, parseArgs, parseOptions, UsageError } from './args.ts';
import { withDatabase } from './database.ts';
import { listAllUsers, organisationsNamed } from './repository.ts';

export const usersUsage = `Usage:
  tulay users list
  tulay users create --email E --name N --role R --organisation "Name or acronym"
  tulay users disable --email E
  tulay users reset-2fa --email E`;

/** How long the printed password-setting link of a new account stays valid. */
const LINK_DAYS = 7;

const schemas = {
  list: z.strictObject({}),
  create: z.strictObject({ email, name: line(200), role, organisation: line(200) }),
  disable: z.strictObject({ email }),
  'reset-2fa': z.strictObject({ email }),
};
type Sub = keyof typeof schemas;
export type UsersAction = { [K in Sub]: { sub: K; options: z.infer<(typeof schemas)[K]> } }[Sub];

/** Checks a `users` command line completely before any database is opened. */
export function parseUsersArgs(args: string[]): UsersAction {
  const { positional, options } = parseArgs(args);
  const [sub, ...extra] = positional;
  if (!sub || !(sub in schemas))
    throw new UsageError(sub ? `Unknown users command: ${sub}` : 'Missing users command.');
  if (extra.length) throw new UsageError(`Unexpected argument: ${extra[0]}`);
  return { sub, options: parseOptions(schemas[sub as Sub], options) } as UsersAction;
}

/** `tulay users …`: parses, then opens the database (migrated like `start` would) and runs the action. */
export async function usersCommand(args: string[], config: Config): Promise<number> {
  const action = parseUsersArgs(args);
  return withDatabase(config, { migrate: true }, (database) =>
    runUsersAction(database, config, action, console.log),
  );
}

/** Runs one parsed action; every outcome, including a refusal, leaves an audit event. */
export async function runUsersAction(
  database: Database,
  config: Config,
  action: UsersAction,
  print: (text: string) => void,
): Promise<number> {
  const auditAction = `cli.users.${action.sub}`;
  try {
    await database.db.transaction(async (tx) => {
      if (action.sub === 'list') return listUsers(tx, print);
      if (action.sub === 'create') return createUser(tx, config, action.options, print);
      const user = await auth.findUserByEmail(tx, action.options.email);
      if (!user) throw new CliFailure(`No account has the email ${action.options.email}.`);
      const audit = (details: Record<string, unknown> = {}) =>
        recordAudit(tx, {
          action: auditAction,
          actorEmail: 'cli',
          outcome: 'success',
          resourceType: 'user',
          resourceId: user.id,
          details: { email: user.email, ...details },
        });
      if (action.sub === 'disable') {
        if (user.disabledAt) {
          print(`${user.email} was already disabled on ${user.disabledAt.toISOString()}.`);
          return audit({ alreadyDisabled: true });
        }
        await auth.updateUser(tx, user.id, { disabledAt: new Date() });
        await auth.revokeAllSessions(tx, user.id);
        await auth.expireTokens(tx, 'password_reset', user.email); // an open link must not re-admit them
        print(`${user.email} is disabled; their sessions have ended.`);
        return audit();
      }
      await auth.updateUser(tx, user.id, { totpSecret: null, totpEnabled: false, totpLastStep: null });
      await auth.replaceRecoveryCodes(tx, user.id, []);
      // Sessions that passed the old second factor end too, so the next sign-in meets the new state.
      await auth.revokeAllSessions(tx, user.id);
      print(
        `Two-factor authentication of ${user.email} is cleared and their sessions have ended. ` +
          'If their role requires it, they enrol again at their next sign-in.',
      );
      return audit({ hadTwoFactor: user.totpEnabled });
    });
    return 0;
  } catch (error) {
    if (!(error instanceof CliFailure)) throw error;
    // The action's transaction rolled back; the refusal is recorded on its own.
    await recordAudit(database.db, {
      action: auditAction,
      actorEmail: 'cli',
      outcome: 'failed',
      details: {
        reason: error.message,
        ...('email' in action.options ? { email: action.options.email } : {}),
      },
    });
    throw error;
  }
}

async function listUsers(tx: Tx, print: (text: string) => void): Promise<void> {
  const rows = await listAllUsers(tx);
  await recordAudit(tx, {
    action: 'cli.users.list',
    actorEmail: 'cli',
    outcome: 'success',
    details: { count: rows.length },
  });
  if (rows.length === 0) return print('No accounts yet.');
  print(
    formatTable(
      ['EMAIL', 'NAME', 'ROLE', 'ORGANISATION', '2FA', 'DISABLED'],
      rows.map((r) => [
        r.email,
        r.name,
        r.role,
        r.organisation,
        r.totpEnabled ? 'yes' : 'no',
        r.disabledAt ? r.disabledAt.toISOString().slice(0, 10) : '',
      ]),
    ),
  );
}

async function createUser(
  tx: Tx,
  config: Config,
  input: z.infer<(typeof schemas)['create']>,
  print: (text: string) => void,
): Promise<void> {
  if (await auth.findUserByEmail(tx, input.email))
    throw new CliFailure(`An account with the email ${input.email} already exists.`);
  const organisation = await pickOrganisation(tx, input.organisation);
  const user = await auth.insertUser(tx, {
    organisationId: organisation.id,
    email: input.email,
    name: input.name,
    role: input.role,
    passwordHash: null, // set by the person themselves through the link below
  });
  // The password-reset link doubles as "choose your first password": same page, same single use.
  const token = await issueToken(
    tx,
    { purpose: 'password_reset', email: user.email, userId: user.id },
    LINK_DAYS * 86_400_000,
  );
  await recordAudit(tx, {
    action: 'cli.users.create',
    actorEmail: 'cli',
    actorOrganisationId: organisation.id,
    outcome: 'success',
    resourceType: 'user',
    resourceId: user.id,
    details: { email: user.email, role: user.role, organisation: organisation.name },
  });
  print(
    `Created ${user.email} (${user.role}, ${organisation.name}).\n` +
      `Send them this single-use link to choose a password (valid ${LINK_DAYS} days):\n\n  ` +
      `${config.publicUrl}/reset-password#token=${token}\n`,
  );
}

async function pickOrganisation(tx: Tx, text: string) {
  const found = await organisationsNamed(tx, text);
  const byName = found.filter((o) => o.name.toLowerCase() === text.toLowerCase());
  if (byName.length === 1) return byName[0]!;
  if (found.length === 1) return found[0]!;
  if (found.length === 0) throw new CliFailure(`No organisation is named or abbreviated "${text}".`);
  const names = found.map((o) => (o.acronym ? `${o.name} (${o.acronym})` : o.name)).join('; ');
  throw new CliFailure(`"${text}" matches several organisations: ${names}. Give the full name.`);
}

/** Left-aligned columns, as wide as their widest cell. */
export function formatTable(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const format = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [format(head), ...rows.map(format)].join('\n');
}
