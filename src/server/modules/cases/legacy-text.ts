import type { Database } from '../../db/client.ts';
import { sealCaseText, sealText, searchKeyOf } from './case-text.ts';
import { type Keyring, unwrapWith } from './keys.ts';
import * as repo from './repository-text.ts';
import { withCaseSystem } from './rls.ts';

// Rows written before titles, names, notes and reasons were encrypted: sealed under their case's
// data key, and the clear text emptied. Runs with the case jobs (at start, then every 10 minutes);
// finds nothing to do once it has run. A shredded case has no key: its clear text is just emptied.

const BATCH = 200;

type KeyRow = { masterKeyId: string | null; wrappedKey: string | null };

function keyOf(ring: Keyring, caseId: string, row: KeyRow): Buffer | null {
  return row.masterKeyId && row.wrappedKey
    ? unwrapWith(ring, caseId, { masterKeyId: row.masterKeyId, wrappedKey: row.wrappedKey })
    : null;
}

/** Encrypts legacy clear text in batches; returns how many rows were rewritten. */
export async function encryptLegacyCaseText(database: Database, ring: Keyring): Promise<number> {
  let total = 0;
  for (;;) {
    const done = await withCaseSystem(database, async (tx) => {
      let n = 0;
      const searchKey = await searchKeyOf(tx, ring);
      for (const c of await repo.casesWithClearText(tx, BATCH)) {
        const key = keyOf(ring, c.id, c);
        await repo.setCaseText(
          tx,
          c.id,
          key
            ? sealCaseText(key, searchKey, { ...c, title: c.title ?? '' })
            : { title: null, employerName: null, agencyName: null, searchTokens: null },
        );
        n++;
      }
      for (const r of await repo.referralsWithClearText(tx, BATCH)) {
        const key = keyOf(ring, r.caseId, r);
        await repo.setReferralText(tx, r.id, {
          note: null,
          overrideReason: null,
          responseReason: null,
          ...(key
            ? {
                noteEnc: sealText(key, r.caseId, 'referral_note', r.note),
                overrideReasonEnc: sealText(key, r.caseId, 'referral_override', r.overrideReason),
                responseReasonEnc: sealText(key, r.caseId, 'referral_response', r.responseReason),
              }
            : {}),
        });
        n++;
      }
      for (const t of await repo.tasksWithClearText(tx, BATCH)) {
        const key = keyOf(ring, t.caseId, t);
        await repo.setTaskText(tx, t.id, {
          title: null,
          ...(key ? { titleEnc: sealText(key, t.caseId, 'task_title', t.title) } : {}),
        });
        n++;
      }
      return n;
    });
    total += done;
    if (done === 0) return total;
  }
}
