import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/recorder.ts';
import { deleteBlob } from './files-store.ts';
import { keyringOf } from './keys.ts';
import { encryptLegacyCaseText } from './legacy-text.ts';
import { sendTaskReminders } from './reminders.ts';
import * as repo from './repository-system.ts';
import { clearCaseText } from './repository-text.ts';
import { withCaseSystem } from './rls.ts';

/**
 * Crypto-shredding at the end of retention: the case's data key is deleted (its ciphertext, in the
 * database, in backups made afterwards and on disk, becomes unreadable), the identifying columns
 * are cleared (client, narrative, title, employer and agency names, referral notes and reasons,
 * task titles, search tokens), evidence blobs are removed; the anonymised facts stay for statistics.
 */
export async function shredExpiredCases(
  database: Database,
  config: Config,
  now = new Date(),
): Promise<string[]> {
  const shredded: string[] = [];
  for (;;) {
    const batch = await withCaseSystem(database, async (tx) => {
      const ids = await repo.casesDueForShredding(tx, now, 100);
      const blobs: string[] = [];
      for (const id of ids) {
        blobs.push(...(await repo.fileBlobsOf(tx, id)));
        await repo.shredCase(tx, id, now);
        await clearCaseText(tx, id);
        await recordAudit(tx, {
          action: 'case.shred',
          resourceType: 'case',
          resourceId: id,
          outcome: 'success',
          details: { reason: 'retention_ended' },
        });
      }
      return { ids, blobs };
    });
    // After the commit: a crash here leaves unreadable blobs behind, never a readable case.
    for (const blob of batch.blobs) await deleteBlob(config.dataDir, blob);
    shredded.push(...batch.ids);
    if (batch.ids.length < 100) return shredded;
  }
}

const EVERY = 10 * 60_000;

/**
 * Runs the case jobs (moving legacy clear text into ciphertext, shredding, task reminders) when the
 * app is ready and every 10 minutes; stops with the app.
 */
export function scheduleCaseJobs(app: FastifyInstance): void {
  let timer: NodeJS.Timeout | undefined;
  const run = async () => {
    try {
      const sealed = await encryptLegacyCaseText(app.database, keyringOf(app.config));
      if (sealed) app.log.info({ rows: sealed }, 'clear-text case fields encrypted');
      const shredded = await shredExpiredCases(app.database, app.config);
      if (shredded.length)
        app.log.info({ cases: shredded.length }, 'case identities shredded at end of retention');
      await sendTaskReminders(app.database, app.config);
    } catch (error) {
      app.log.error({ err: error }, 'case jobs failed');
    }
  };
  app.addHook('onReady', async () => {
    timer = setInterval(run, EVERY);
    timer.unref();
    void run();
  });
  app.addHook('onClose', async () => clearInterval(timer));
}
