import { randomBytes, randomUUID } from 'node:crypto';
import { recordAudit } from '../../platform/audit/recorder.ts';
import { safeEqual, sha256 } from '../../platform/auth/crypto.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { Problem, problems } from '../../platform/http/problem.ts';
import {
  assertNotThrottled,
  recordFailures,
  type Throttle,
  throttleKey,
} from '../../platform/throttle/throttle.ts';
import { sealCaseText, searchKeyOf } from './case-text.ts';
import { decryptField, encryptField, newDataKey } from './crypto.ts';
import { ANOTHER_COUNTRY } from './get-help-destinations.ts';
import { checkSolution, issueChallenge } from './intake-pow.ts';
import { routeIntake } from './intake-routing.ts';
import { derivedSecret, keyringOf, unwrapWith, wrapWithActive } from './keys.ts';
import * as repo from './repository.ts';
import * as children from './repository-children.ts';
import * as intakeRepo from './repository-intake.ts';
import { withIntakeCase } from './rls.ts';

// Problem titles are wrapped in `msg` so the string extractor puts them in the catalogs.
const msg = (s: string) => s;

// The public Get-help form: a migrant asks for help without an account, gets a reference code and
// a secret (shown once) and comes back with them to read replies and add information.

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

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
  // "Another country" is a request like any other, with no destination on record. Never refused
  // for want of routing: no desk for the destination means the default intake.
  const another = input.destinationCountry === ANOTHER_COUNTRY;
  const destinationCountry = (another ? undefined : input.destinationCountry) ?? null;
  const organisationId = await routeIntake(ctx.database.db, destinationCountry);
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
        title: `Get-help request${input.sector ? `, ${input.sector.replace('_', ' ')}` : ''}${another ? ', another country' : destinationCountry ? `, ${destinationCountry}` : ''}`,
        employerName: null,
        agencyName: null,
        sector: input.sector ?? null,
      }),
      status: 'intake',
      source: 'intake',
      nationality: input.nationality ?? null,
      originCountry: input.nationality ?? null,
      destinationCountry,
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

// A stand-in secret hash for a reference that does not exist, so a missing reference costs the same
// hashing and comparison as a wrong secret.
const NO_SECRET = sha256('no such reference');

/** Failed reference-and-secret checks from one address: 10 free, then 30 s doubling up to 15 minutes. */
function intakeThrottles(ctx: Ctx): Throttle[] {
  return [
    {
      key: throttleKey('intake-address', ctx.ip),
      rule: { free: 10, baseSeconds: 30, maxSeconds: 15 * 60, windowSeconds: 15 * 60 },
    },
  ];
}

/**
 * Checks a reference and secret. Every failure looks the same (status, body, work done), whether the
 * reference exists or not, and failures are throttled by address only: the 100-bit secret cannot be
 * guessed, and a lock on the reference would let anyone lock its owner out.
 */
async function authenticate(ctx: Ctx, reference: string, secret: string): Promise<string> {
  const throttles = intakeThrottles(ctx);
  await assertNotThrottled(ctx.database.db, throttles);
  const row = await intakeRepo.findIntakeAccess(
    ctx.database.db,
    normaliseCode(reference).replace(/^H/, 'H-'),
  );
  const matches = safeEqual(row?.secretHash ?? NO_SECRET, sha256(normaliseCode(secret)));
  if (!row || !matches) {
    await recordFailures(ctx.database.db, throttles);
    if (row) ctx.note({ action: 'intake.secret_failed', resourceType: 'case', resourceId: row.caseId });
    throw genericFailure();
  }
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
