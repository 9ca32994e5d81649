import { authorize } from '../../platform/access/policy.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { ensureDefaultIntake } from '../cases/intake-routing.ts';
import { intakeDesks, organisationName } from '../cases/repository-routing.ts';
import './policy.ts';
import { lastBackupAt } from './repository.ts';

export type CheckState = 'done' | 'todo';

/**
 * One thing an installation needs before it can be trusted with people's requests. `href` is the
 * screen where it is fixed; `doc` the section of docs/OPERATIONS.md when only configuration can.
 */
export interface Check {
  id: 'intake' | 'mail' | 'caseKeys' | 'backups';
  state: CheckState;
  href?: string;
  doc?: string;
  /** Facts for the sentence the screen shows (names, dates); never secrets. */
  facts: Record<string, string | number | boolean | null>;
}

/** A week: an installation without a newer backup has a backup to make. */
const BACKUP_FRESH_MS = 7 * 86_400_000;

/** The administrator's setup checklist: intake desk, mail, case keys and backups. */
export async function setupChecklist(ctx: Ctx): Promise<Check[]> {
  authorize(ctx.actor, 'read', 'setupChecklist');
  const db = ctx.database.db;
  const intake = await ensureDefaultIntake(db);
  const desks = await intakeDesks(db);
  const defaultHasDesk = desks.some((d) => d.organisationId === intake.organisationId);
  const backup = await lastBackupAt(db);
  return [
    {
      id: 'intake',
      // Requests always arrive; this is about whether someone at the default intake receives them.
      state: defaultHasDesk && !intake.provisional ? 'done' : 'todo',
      href: '/case-supervisors',
      facts: {
        organisation: (await organisationName(db, intake.organisationId)) ?? '',
        desks: desks.length,
        defaultHasDesk,
      },
    },
    {
      id: 'mail',
      state: ctx.config.SMTP_URL ? 'done' : 'todo',
      href: '/outbox',
      doc: 'docs/OPERATIONS.md#email',
      facts: { smtp: !!ctx.config.SMTP_URL },
    },
    {
      id: 'caseKeys',
      // The key file in DATA_DIR works, but it is not in any backup: keys kept apart are the goal.
      state: ctx.config.CASE_KEYS ? 'done' : 'todo',
      doc: 'docs/OPERATIONS.md#backups-and-restore',
      facts: { configured: !!ctx.config.CASE_KEYS },
    },
    {
      id: 'backups',
      state: backup && Date.now() - backup.getTime() < BACKUP_FRESH_MS ? 'done' : 'todo',
      href: '/audit',
      doc: 'docs/OPERATIONS.md#backups-and-restore',
      facts: { lastBackupAt: backup?.toISOString() ?? null },
    },
  ];
}
