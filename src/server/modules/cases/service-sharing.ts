import { abilitiesFor, authorize } from '../../platform/access/policy.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { problems } from '../../platform/http/problem.ts';
import { auditNow, caseTx, dataKeyOf, loadAccess } from './case-context.ts';
import { openText, sealText } from './case-text.ts';
import type { ReferralRecord } from './policy.ts';
import * as repo from './repository.ts';
import * as children from './repository-children.ts';

// Problem titles are wrapped in `msg` so the string extractor puts them in the catalogs.
const msg = (s: string) => s;

// Consent per purpose, and referrals to organisations in other countries that depend on it.

type ConsentRow = Awaited<ReturnType<typeof children.insertConsent>> & {
  scopeOrganisationName?: string | null;
};
const presentConsent = (c: ConsentRow) => ({
  ...c,
  scopeOrganisationName: c.scopeOrganisationName ?? null,
  createdAt: c.createdAt.toISOString(),
  withdrawnAt: c.withdrawnAt?.toISOString() ?? null,
  active: c.withdrawnAt === null,
});

export async function listConsents(ctx: Ctx, caseId: string) {
  return caseTx(ctx, async (tx) => {
    await loadAccess(ctx, tx, caseId, 'manageConsent');
    return (await children.listConsents(tx, caseId)).map(presentConsent);
  });
}

/** Records consent for one purpose, with the date and how it was obtained. */
export async function recordConsent(
  ctx: Ctx,
  caseId: string,
  input: {
    purpose: string;
    scopeOrganisationId?: string;
    scopeCountry?: string;
    obtainedOn: string;
    method: string;
  },
) {
  ctx.note({
    action: 'case.consent.record',
    resourceType: 'case',
    resourceId: caseId,
    details: { purpose: input.purpose },
  });
  if (input.purpose === 'sharing' && !input.scopeOrganisationId && !input.scopeCountry) {
    throw problems.validation([
      {
        field: 'body.scopeOrganisationId',
        code: 'scope_required',
        message: 'Sharing consent names an organisation or a country',
      },
    ]);
  }
  if (input.obtainedOn > new Date().toISOString().slice(0, 10)) {
    throw problems.validation([
      { field: 'body.obtainedOn', code: 'in_future', message: 'Consent cannot be dated in the future' },
    ]);
  }
  return caseTx(ctx, async (tx, actor) => {
    await loadAccess(ctx, tx, caseId, 'manageConsent');
    const named = input.scopeOrganisationId
      ? await repo.findOrganisationBrief(tx, input.scopeOrganisationId)
      : null;
    if (input.scopeOrganisationId && !named) {
      throw problems.validation([
        { field: 'body.scopeOrganisationId', code: 'unknown_organisation', message: 'No such organisation' },
      ]);
    }
    const row = await children.insertConsent(tx, {
      caseId,
      purpose: input.purpose,
      scopeOrganisationId: input.scopeOrganisationId ?? null,
      scopeCountry: input.scopeCountry ?? null,
      obtainedOn: input.obtainedOn,
      method: input.method,
      recordedBy: actor.userId,
    });
    await repo.touchCase(tx, caseId);
    return presentConsent({ ...row, scopeOrganisationName: named?.name ?? null });
  });
}

/** Withdrawal takes effect at once: referrals that relied on a sharing consent are revoked with it. */
export async function withdrawConsent(ctx: Ctx, caseId: string, consentId: string) {
  ctx.note({
    action: 'case.consent.withdraw',
    resourceType: 'case',
    resourceId: caseId,
    details: { consentId },
  });
  return caseTx(ctx, async (tx, actor) => {
    await loadAccess(ctx, tx, caseId, 'manageConsent');
    if (!(await children.withdrawConsent(tx, caseId, consentId, actor.userId)))
      throw problems.notFound('consent');
    const revoked = await children.revokeReferralsOfConsent(tx, consentId, actor.userId);
    await repo.touchCase(tx, caseId);
    return { revokedReferrals: revoked.map((r) => r.id) };
  });
}

type ReferralRow = NonNullable<Awaited<ReturnType<typeof children.findReferral>>>;
type CaseTx = Parameters<Parameters<typeof caseTx>[1]>[0];

/**
 * Notes and reasons are sealed under the case's data key, so only someone who may read the case
 * reads them: a receiver loses them with the referral, and shredding destroys them.
 */
async function openReferral(ctx: Ctx, tx: CaseTx, row: ReferralRow, keys: Map<string, Buffer | null>) {
  const r = row.referral;
  if (!keys.has(r.caseId)) keys.set(r.caseId, await dataKeyOf(ctx, tx, r.caseId));
  const key = keys.get(r.caseId)!;
  return {
    ...row,
    caseTitle: openText(key, r.caseId, 'title', row.caseTitleEnc, row.caseTitle),
    referral: {
      ...r,
      note: openText(key, r.caseId, 'referral_note', r.noteEnc, r.note),
      overrideReason: openText(key, r.caseId, 'referral_override', r.overrideReasonEnc, r.overrideReason),
      responseReason: openText(key, r.caseId, 'referral_response', r.responseReasonEnc, r.responseReason),
    },
  };
}

/** Opens and presents referral rows of one transaction (one key unwrap per case). */
async function presentReferrals(ctx: Ctx, tx: CaseTx, rows: ReferralRow[]) {
  const keys = new Map<string, Buffer | null>();
  const out = [];
  for (const row of rows) {
    const record = await referralRecord(ctx, tx, row);
    out.push(presentReferral(ctx, await openReferral(ctx, tx, row, keys), record));
  }
  return out;
}

/**
 * A receiver whose referral was revoked (also how a client's withdrawn consent takes effect) or
 * rejected keeps only that it ended, from whom and when: no case, no note, no reasons.
 */
function presentEndedForReceiver(ctx: Ctx, row: ReferralRow, record: ReferralRecord) {
  const r = row.referral;
  return {
    id: r.id,
    caseId: null,
    fromOrganisationId: r.fromOrganisationId,
    fromOrganisationName: row.fromOrganisationName,
    caseReference: null,
    caseTitle: null,
    toOrganisationId: r.toOrganisationId,
    toOrganisationName: row.toOrganisationName,
    toCountry: row.toCountry,
    toUserId: r.toUserId,
    sharedFields: [],
    status: r.status,
    note: null,
    consentId: null,
    overridden: false,
    overrideReason: null,
    createdAt: r.createdAt.toISOString(),
    respondedAt: r.respondedAt?.toISOString() ?? null,
    responseReason: null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
    version: r.version,
    url: null,
    abilities: abilitiesFor(ctx.actor, 'caseReferral', record),
  };
}

function presentReferral(ctx: Ctx, row: ReferralRow, record: ReferralRecord) {
  const r = row.referral;
  if (!record.senderTeam && (r.status === 'revoked' || r.status === 'rejected'))
    return presentEndedForReceiver(ctx, row, record);
  return {
    id: r.id,
    caseId: r.caseId,
    fromOrganisationId: r.fromOrganisationId,
    fromOrganisationName: row.fromOrganisationName,
    caseReference: row.caseReference,
    caseTitle: row.caseTitle,
    toOrganisationId: r.toOrganisationId,
    toOrganisationName: row.toOrganisationName,
    toCountry: row.toCountry,
    toUserId: r.toUserId,
    sharedFields: r.sharedFields,
    status: r.status,
    note: r.note,
    consentId: r.consentId,
    overridden: r.overrideReasonEnc !== null || r.overrideReason !== null,
    overrideReason: record.senderTeam ? r.overrideReason : null,
    createdAt: r.createdAt.toISOString(),
    respondedAt: r.respondedAt?.toISOString() ?? null,
    responseReason: r.responseReason,
    revokedAt: r.revokedAt?.toISOString() ?? null,
    version: r.version,
    url: `/api/v1/cases/${r.caseId}`,
    abilities: abilitiesFor(ctx.actor, 'caseReferral', record),
  };
}

async function referralRecord(
  ctx: Ctx,
  tx: Parameters<Parameters<typeof caseTx>[1]>[0],
  row: ReferralRow,
): Promise<ReferralRecord> {
  const actor = ctx.actor as { userId: string };
  const supervised = await repo.supervisedOrganisations(tx, actor.userId);
  const access = await repo.accessOf(tx, row.referral.caseId, actor.userId);
  return {
    toOrganisationId: row.referral.toOrganisationId,
    toUserId: row.referral.toUserId,
    status: row.referral.status,
    receiverSupervisor: supervised.includes(row.referral.toOrganisationId),
    senderTeam: !!access && (access.assigned || access.supervisor),
  };
}

/**
 * Refers a case to an organisation (optionally a named person there). Refused without a live
 * sharing consent for that organisation or its country, unless a supervisor overrides in writing.
 */
export async function referCase(
  ctx: Ctx,
  caseId: string,
  input: {
    toOrganisationId: string;
    toUserId?: string;
    sharedFields: string[];
    note?: string;
    overrideReason?: string;
  },
) {
  ctx.note({
    action: 'case.refer',
    resourceType: 'case',
    resourceId: caseId,
    details: { to: input.toOrganisationId, override: !!input.overrideReason },
  });
  return caseTx(ctx, async (tx, actor) => {
    const access = await loadAccess(ctx, tx, caseId, 'refer');
    if (input.toOrganisationId === access.organisationId) {
      throw problems.validation([
        {
          field: 'body.toOrganisationId',
          code: 'same_organisation',
          message: 'Assign colleagues instead of referring to your own organisation',
        },
      ]);
    }
    const target = await repo.findOrganisationBrief(tx, input.toOrganisationId);
    if (!target)
      throw problems.validation([
        { field: 'body.toOrganisationId', code: 'unknown_organisation', message: 'No such organisation' },
      ]);
    if (input.toUserId) {
      const user = await repo.findUserBrief(tx, input.toUserId);
      if (!user || user.organisationId !== input.toOrganisationId) {
        throw problems.validation([
          {
            field: 'body.toUserId',
            code: 'not_in_organisation',
            message: 'The person must belong to the receiving organisation',
          },
        ]);
      }
    }
    const consent = await children.findSharingConsent(tx, caseId, input.toOrganisationId, target.countryCode);
    if (!consent) {
      if (!input.overrideReason) {
        throw problems.conflict(
          'consent_required',
          msg('The client has not consented to sharing with this organisation or country.'),
        );
      }
      authorize(ctx.actor, 'overrideConsent', 'case', access);
    }
    const dataKey = (await dataKeyOf(ctx, tx, caseId))!;
    const row = await children.insertReferral(tx, {
      caseId,
      fromOrganisationId: access.organisationId,
      toOrganisationId: input.toOrganisationId,
      toUserId: input.toUserId ?? null,
      sharedFields: [...new Set(input.sharedFields)],
      noteEnc: sealText(dataKey, caseId, 'referral_note', input.note),
      consentId: consent?.id ?? null,
      overrideReasonEnc: consent
        ? null
        : sealText(dataKey, caseId, 'referral_override', input.overrideReason),
      createdBy: actor.userId,
    });
    await repo.touchCase(tx, caseId);
    if (!consent) await auditNow(ctx, tx, 'case.refer.consent_override', caseId, { referralId: row.id });
    const found = (await children.findReferral(tx, row.id))!;
    return (await presentReferrals(ctx, tx, [found]))[0]!;
  });
}

export async function listReferrals(ctx: Ctx, caseId: string) {
  return caseTx(ctx, async (tx) => {
    await loadAccess(ctx, tx, caseId, 'refer');
    return presentReferrals(ctx, tx, await children.listReferrals(tx, caseId));
  });
}

/** Referrals waiting for (or answered by) the actor or an organisation they supervise. */
export async function listIncoming(ctx: Ctx) {
  authorize(ctx.actor, 'listIncoming', 'caseReferral');
  return caseTx(ctx, async (tx, actor) => {
    const supervised = await repo.supervisedOrganisations(tx, actor.userId);
    return presentReferrals(ctx, tx, await children.listIncomingReferrals(tx, actor.userId, supervised));
  });
}

async function loadReferral(
  ctx: Ctx,
  tx: Parameters<Parameters<typeof caseTx>[1]>[0],
  caseId: string,
  id: string,
  action: string,
) {
  const row = await children.findReferral(tx, id);
  if (!row || row.referral.caseId !== caseId) throw problems.notFound('referral');
  const record = await referralRecord(ctx, tx, row);
  if (
    !record.senderTeam &&
    !record.receiverSupervisor &&
    row.referral.toUserId !== (ctx.actor as { userId: string }).userId
  ) {
    throw problems.notFound('referral');
  }
  authorize(ctx.actor, action, 'caseReferral', record);
  return { row, record };
}

/** The receiver accepts or rejects (a rejection needs a reason). */
export async function respondToReferral(
  ctx: Ctx,
  caseId: string,
  id: string,
  input: { decision: 'accept' | 'reject'; reason?: string; version: number },
) {
  ctx.note({
    action: `case.referral.${input.decision}`,
    resourceType: 'case',
    resourceId: caseId,
    details: { referralId: id },
  });
  if (input.decision === 'reject' && !input.reason) {
    throw problems.validation([
      { field: 'body.reason', code: 'reason_required', message: 'Say why the referral is rejected' },
    ]);
  }
  return caseTx(ctx, async (tx, actor) => {
    await loadReferral(ctx, tx, caseId, id, 'respond');
    // The receiver of a pending referral may read the case, hence its key, until they answer.
    const dataKey = await dataKeyOf(ctx, tx, caseId);
    const changed = await children.updateReferralIfVersion(tx, id, input.version, {
      status: input.decision === 'accept' ? 'accepted' : 'rejected',
      respondedBy: actor.userId,
      respondedAt: new Date(),
      responseReasonEnc: dataKey ? sealText(dataKey, caseId, 'referral_response', input.reason) : null,
    });
    if (!changed) throw problems.versionConflict();
    const found = (await children.findReferral(tx, id))!;
    return (await presentReferrals(ctx, tx, [found]))[0]!;
  });
}

/** The sender withdraws a referral: the receiver loses sight of the case at once. */
export async function revokeReferral(ctx: Ctx, caseId: string, id: string, version: number) {
  ctx.note({
    action: 'case.referral.revoke',
    resourceType: 'case',
    resourceId: caseId,
    details: { referralId: id },
  });
  return caseTx(ctx, async (tx, actor) => {
    await loadReferral(ctx, tx, caseId, id, 'revoke');
    const changed = await children.updateReferralIfVersion(tx, id, version, {
      status: 'revoked',
      revokedBy: actor.userId,
      revokedAt: new Date(),
    });
    if (!changed) throw problems.versionConflict();
    await repo.touchCase(tx, caseId);
    const found = (await children.findReferral(tx, id))!;
    return (await presentReferrals(ctx, tx, [found]))[0]!;
  });
}
