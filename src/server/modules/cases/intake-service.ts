import { randomBytes, randomUUID } from 'node:crypto';
import { recordAudit } from '../../platform/audit/recorder.ts';
import { safeEqual, sha256 } from '../../platform/auth/crypto.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { Problem, problems } from '../../platform/http/problem.ts';
import { sealCaseText, searchKeyOf } from './case-text.ts';
import { decryptField, encryptField, newDataKey } from './crypto.ts';
import { checkSolution, issueChallenge } from './intake-pow.ts';
import { derivedSecret, keyringOf, unwrapWith, wrapWithActive } from './keys.ts';
import * as repo from './repository.ts';
import * as children from './repository-children.ts';
import * as intakeRepo from './repository-intake.ts';
import { intakeOrganisation } from './repository-supervisors.ts';
import { withIntakeCase } from './rls.ts';

// Problem titles are wrapped in `msg` so the string extractor puts them in the catalogs.
const msg = (s: string) => s;

// The public Get-help form: a migrant asks for help without an account, gets a reference code and
// a secret (shown once) and comes back with them to read replies and add information.

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LOCK_AFTER = 5;
const LOCK_MS = 15 * 60_000;

/** 100 random bits as 20 Crockford base-32 characters in groups of four: easy to copy by hand. */
function newSecret(): string {
  const bytes = randomBytes(13);
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let out = '';
  for (let i = 0; i < 20; i++) out += CROCKFORD[Number((bits >> BigInt(i * 5)) & 31n)];
  return out.match(/.{4}/g)!.join('-');
}

/** The public reference: 'H-' and 40 random bits in 8 characters. It identifies, the secret authenticates. */
function newIntakeReference(): string {
  return `H-${[...randomBytes(8)].map((b) => CROCKFORD[b % 32]).join('')}`;
}

/** Tolerates what people do when copying codes: case, spaces, dashes, O for 0, I or L for 1. */
export function normaliseCode(value: string): string {
  return value.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

export function challengeFor(ctx: Ctx) {
  return issueChallenge(derivedSecret(keyringOf(ctx.config), 'intake-pow'), ctx.config.INTAKE_POW_BITS);
}

export interface IntakeInput {
  challenge: string;
  nonce: string;
  website?: string;
  language: string;
  message: string;
  name?: string;
  contact?: string;
  nationality?: string;
  destinationCountry?: string;
  sector?: string;
}

const genericFailure = () =>
  new Problem(404, 'invalid_reference', msg('This reference code and secret do not match a request.'));

/** Creates the case (status intake) for the organisation whose intake desk covers the destination. */
export async function submitIntake(ctx: Ctx, input: IntakeInput) {
  // A filled honeypot is a bot: answer exactly like a success so it learns nothing, store nothing.
  if (input.website) {
    ctx.note({ action: 'intake.honeypot', resourceType: 'intake' });
    return { reference: newIntakeReference(), secret: newSecret() };
  }
  const ring = keyringOf(ctx.config);
  const check = checkSolution(
    derivedSecret(ring, 'intake-pow'),
    ctx.config.INTAKE_POW_BITS,
    input.challenge,
    input.nonce,
  );
  if (check !== 'ok') {
    throw new Problem(
      400,
      `challenge_${check}`,
      msg('The anti-abuse check failed. Reload the form and try again.'),
    );
  }
  const organisationId = await intakeOrganisation(ctx.database.db, input.destinationCountry ?? null);
  if (!organisationId)
    throw new Problem(503, 'intake_unavailable', msg('No organisation is receiving requests right now.'));
  const id = randomUUID();
  const reference = newIntakeReference();
  const secret = newSecret();
  ctx.note({ action: 'intake.submit', resourceType: 'case', resourceId: id });
  await ctx.database.db.transaction(async (tx) => {
    const spent = await intakeRepo.spendChallenge(
      tx,
      sha256(input.challenge),
      new Date(Date.now() + 20 * 60_000),
    );
    if (!spent)
      throw problems.conflict(
        'challenge_spent',
        msg('This form was already sent. Reload it to send another request.'),
      );
  });
  await withIntakeCase(ctx.database, id, async (tx) => {
    const dataKey = newDataKey();
    const client =
      input.name || input.contact
        ? { name: input.name, contacts: input.contact ? [{ kind: 'given', value: input.contact }] : [] }
        : null;
    await repo.insertCase(tx, {
      id,
      organisationId,
      reference,
      ...sealCaseText(dataKey, await searchKeyOf(tx, ring), {
        id,
        reference,
        title: `Get-help request${input.sector ? `, ${input.sector.replace('_', ' ')}` : ''}${input.destinationCountry ? `, ${input.destinationCountry}` : ''}`,
        employerName: null,
        agencyName: null,
        sector: input.sector ?? null,
      }),
      status: 'intake',
      source: 'intake',
      nationality: input.nationality ?? null,
      originCountry: input.nationality ?? null,
      destinationCountry: input.destinationCountry ?? null,
      sector: input.sector ?? null,
      language: input.language,
      clientEnc: client ? encryptField(dataKey, id, 'client', client) : null,
      createdBy: null,
      creatorPending: false,
    });
    await repo.insertCaseKey(tx, { caseId: id, ...wrapWithActive(ring, id, dataKey) });
    await children.insertEvent(tx, {
      caseId: id,
      kind: 'client_message',
      textEnc: encryptField(dataKey, id, 'event', input.message),
      visibility: 'client',
      authorUserId: null,
    });
    await intakeRepo.insertIntakeAccess(tx, {
      caseId: id,
      reference,
      secretHash: sha256(normaliseCode(secret)),
    });
  });
  return { reference, secret };
}

/** Checks a reference and secret; wrong secrets count towards a lock, and every failure looks the same. */
async function authenticate(ctx: Ctx, reference: string, secret: string): Promise<string> {
  const row = await intakeRepo.findIntakeAccess(
    ctx.database.db,
    normaliseCode(reference).replace(/^H/, 'H-'),
  );
  if (!row) throw genericFailure();
  if (row.lockedUntil && row.lockedUntil.getTime() > Date.now()) {
    throw problems.rateLimited(Math.ceil((row.lockedUntil.getTime() - Date.now()) / 1000));
  }
  if (!safeEqual(row.secretHash, sha256(normaliseCode(secret)))) {
    await intakeRepo.recordFailure(ctx.database.db, row.caseId, LOCK_AFTER, LOCK_MS);
    ctx.note({ action: 'intake.secret_failed', resourceType: 'case', resourceId: row.caseId });
    throw genericFailure();
  }
  if (row.failedAttempts > 0) await intakeRepo.resetFailures(ctx.database.db, row.caseId);
  return row.caseId;
}

const PUBLIC_STATUS: Record<string, string> = {
  intake: 'received',
  assessment: 'in_review',
  active: 'in_progress',
  referred: 'in_progress',
  closed: 'closed',
};

/** What the person who asked may see: a coarse status, their own messages and the replies meant for them. */
export async function readOwnRequest(ctx: Ctx, reference: string, secret: string) {
  const caseId = await authenticate(ctx, reference, secret);
  return withIntakeCase(ctx.database, caseId, async (tx) => {
    const found = await repo.findCase(tx, caseId);
    if (!found) throw genericFailure();
    const keyRow = await repo.findCaseKey(tx, caseId);
    const events = await children.listEvents(tx, caseId, true);
    const dataKey = keyRow ? unwrapWith(keyringOf(ctx.config), caseId, keyRow) : null;
    await recordAudit(tx, {
      action: 'intake.read',
      resourceType: 'case',
      resourceId: caseId,
      outcome: 'success',
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      details: { decrypted: dataKey ? ['client_messages'] : [] },
    });
    return {
      reference: found.case.reference,
      status: PUBLIC_STATUS[found.case.status] ?? 'received',
      createdAt: found.case.createdAt.toISOString(),
      messages: events.map((e) => ({
        from: e.kind === 'client_message' ? 'you' : 'team',
        at: e.createdAt.toISOString(),
        text: dataKey ? decryptField<string>(dataKey, caseId, 'event', e.textEnc) : null,
      })),
    };
  });
}

export async function addOwnMessage(ctx: Ctx, reference: string, secret: string, message: string) {
  const caseId = await authenticate(ctx, reference, secret);
  ctx.note({ action: 'intake.message', resourceType: 'case', resourceId: caseId });
  await withIntakeCase(ctx.database, caseId, async (tx) => {
    const keyRow = await repo.findCaseKey(tx, caseId);
    if (!keyRow)
      throw problems.conflict('case_shredded', msg('This request has been closed and its details deleted.'));
    const dataKey = unwrapWith(keyringOf(ctx.config), caseId, keyRow);
    await children.insertEvent(tx, {
      caseId,
      kind: 'client_message',
      textEnc: encryptField(dataKey, caseId, 'event', message),
      visibility: 'client',
      authorUserId: null,
    });
  });
}
