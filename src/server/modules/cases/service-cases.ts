import { randomBytes, randomUUID } from 'node:crypto';
import type { Tx } from '../../db/client.ts';
import type { UserActor } from '../../platform/access/actor.ts';
import { abilitiesFor, authorize } from '../../platform/access/policy.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { problems } from '../../platform/http/problem.ts';
import { auditNow, caseTx, dataKeyOf, loadAccess } from './case-context.ts';
import { openCaseText, sealCaseText, searchKeyOf, searchTokens, searchWords } from './case-text.ts';
import { decryptField, encryptField, newDataKey } from './crypto.ts';
import { keyringOf, unwrapWith, wrapWithActive } from './keys.ts';
import type { CaseAccessRecord } from './policy.ts';
import * as repo from './repository.ts';
import { insertEvent } from './repository-children.ts';
import type { CreateCaseInput, UpdateCaseInput } from './schemas.ts';
import { NEXT_STATUSES } from './vocabulary.ts';

// Problem titles are wrapped in `msg` so the string extractor puts them in the catalogs.
const msg = (s: string) => s;

type CaseRow = NonNullable<Awaited<ReturnType<typeof repo.findCase>>>;

/** A human-friendly, non-guessable-enough reference for staff ("C-2026-7K3QX9"); not a secret. */
export function newCaseReference(prefix = 'C'): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const bytes = randomBytes(6);
  const code = [...bytes].map((b) => alphabet[b % 32]).join('');
  return `${prefix}-${new Date().getUTCFullYear()}-${code}`;
}

// Title, employer and agency names are sealed separately (case-text.ts): they may name people.
const factsOf = (i: Partial<CreateCaseInput>) => ({
  ...(i.nationality !== undefined ? { nationality: i.nationality } : {}),
  ...(i.originCountry !== undefined ? { originCountry: i.originCountry } : {}),
  ...(i.destinationCountry !== undefined ? { destinationCountry: i.destinationCountry } : {}),
  ...(i.sector !== undefined ? { sector: i.sector } : {}),
  ...(i.employerOrganisationId !== undefined ? { employerOrganisationId: i.employerOrganisationId } : {}),
  ...(i.agencyOrganisationId !== undefined ? { agencyOrganisationId: i.agencyOrganisationId } : {}),
  ...(i.violationCodes !== undefined ? { violationCodes: [...new Set(i.violationCodes)] } : {}),
  ...(i.language !== undefined ? { language: i.language } : {}),
});

async function checkDirectoryLinks(tx: Tx, i: Partial<CreateCaseInput>) {
  for (const field of ['employerOrganisationId', 'agencyOrganisationId'] as const) {
    const id = i[field];
    if (id && !(await repo.organisationExists(tx, id))) {
      throw problems.validation([
        { field: `body.${field}`, code: 'unknown_organisation', message: 'No such organisation' },
      ]);
    }
  }
}

/** Opens a case in the actor's organisation, with its own data key, and assigns the actor to it. */
export async function createCase(ctx: Ctx, input: CreateCaseInput) {
  authorize(ctx.actor, 'create', 'case');
  const id = randomUUID();
  ctx.note({ action: 'case.create', resourceType: 'case', resourceId: id });
  const ring = keyringOf(ctx.config);
  await caseTx(ctx, async (tx, actor) => {
    await checkDirectoryLinks(tx, input);
    const dataKey = newDataKey();
    const reference = newCaseReference();
    await repo.insertCase(tx, {
      id,
      organisationId: actor.organisationId,
      reference,
      status: 'intake',
      source: 'staff',
      ...factsOf(input),
      ...sealCaseText(dataKey, await searchKeyOf(tx, ring), {
        id,
        reference,
        title: input.title,
        employerName: input.employerName ?? null,
        agencyName: input.agencyName ?? null,
        sector: input.sector ?? null,
      }),
      clientEnc: input.client ? encryptField(dataKey, id, 'client', input.client) : null,
      narrativeEnc: input.narrative ? encryptField(dataKey, id, 'narrative', input.narrative) : null,
      createdBy: actor.userId,
    });
    await repo.insertCaseKey(tx, { caseId: id, ...wrapWithActive(ring, id, dataKey) });
    await repo.insertAssignment(tx, id, actor.userId, actor.userId);
    // From here the assignment shows the case; the creator's provisional sight of it ends.
    await repo.endCreatorPending(tx, id);
  });
  return readCase(ctx, id, { audit: false });
}

/** A PostgreSQL timestamptz as text ('2026-11-22 07:50:34.123456+00'), checked before it reaches SQL. */
function validCursorTime(at: string): boolean {
  const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?)([+-]\d{2})(:\d{2})?$/.exec(at);
  return !!m && !Number.isNaN(Date.parse(`${m[1]}T${m[2]}${m[3]}${m[4] ?? ':00'}`));
}

/** The list of cases the actor may see; no identifying field ever appears in a list. */
export async function listCases(
  ctx: Ctx,
  filter: { q?: string; status?: string; limit: number; cursor?: string },
) {
  authorize(ctx.actor, 'list', 'case');
  let after: repo.CaseListFilter['after'];
  if (filter.cursor) {
    const [at, id] = Buffer.from(filter.cursor, 'base64url').toString('utf8').split('|');
    if (
      !at ||
      !id ||
      !validCursorTime(at) ||
      !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)
    ) {
      throw problems.validation([
        { field: 'query.cursor', code: 'invalid_cursor', message: 'Invalid cursor' },
      ]);
    }
    after = { at, id };
  }
  const ring = keyringOf(ctx.config);
  const rows = await caseTx(ctx, async (tx, actor) => {
    const words = filter.q ? searchWords(filter.q) : [];
    // A search with no whole word in it ("--") matches nothing rather than everything.
    if (filter.q && !words.length) return [];
    return repo.listCases(tx, {
      userId: actor.userId,
      tokens: words.length ? searchTokens(await searchKeyOf(tx, ring), words) : undefined,
      status: filter.status,
      after,
      limit: filter.limit + 1,
    });
  });
  const page = rows.slice(0, filter.limit);
  // Lists carry no identifying data, but who looked through which cases is still worth knowing;
  // the search words themselves are not kept (staff may type a name).
  ctx.note({
    action: 'case.list',
    resourceType: 'case',
    details: { search: !!filter.q, status: filter.status ?? null, rows: page.length },
  });
  const last = page.at(-1);
  return {
    data: page.map(({ cursorAt: _, titleEnc, masterKeyId, wrappedKey, ...r }) => ({
      ...r,
      // Lists show the title as before; it is decrypted per row with the case's own key.
      title: openCaseText(
        masterKeyId && wrappedKey ? unwrapWith(ring, r.id, { masterKeyId, wrappedKey }) : null,
        { ...noText, id: r.id, title: r.title, titleEnc },
      ).title,
      updatedAt: r.updatedAt.toISOString(),
      url: `/api/v1/cases/${r.id}`,
    })),
    nextCursor:
      rows.length > filter.limit && last
        ? Buffer.from(`${last.cursorAt}|${last.id}`).toString('base64url')
        : null,
  };
}

const noText = {
  employerName: null,
  employerNameEnc: null,
  agencyName: null,
  agencyNameEnc: null,
};

/** What a referral receiver may see: the fields the referral shares, never more. */
function visibleParts(access: CaseAccessRecord) {
  if (access.assigned || access.supervisor)
    return new Set(['client', 'narrative', 'facts', 'timeline', 'files', 'team']);
  return new Set(access.referral?.sharedFields ?? []);
}

function present(
  ctx: Ctx,
  row: CaseRow,
  access: CaseAccessRecord,
  dataKey: Buffer | null,
  extra: Record<string, unknown>,
) {
  const c = row.case;
  const parts = visibleParts(access);
  const decrypt = (field: 'client' | 'narrative', value: string | null) =>
    parts.has(field) && value && dataKey ? decryptField(dataKey, c.id, field, value) : null;
  const text = openCaseText(dataKey, c);
  return {
    id: c.id,
    reference: c.reference,
    title: text.title,
    status: c.status,
    source: c.source,
    organisationId: c.organisationId,
    organisationName: row.organisationName,
    access: access.assigned || access.supervisor ? 'team' : 'referral',
    sharedFields: access.assigned || access.supervisor ? null : [...parts],
    facts: parts.has('facts')
      ? {
          nationality: c.nationality,
          originCountry: c.originCountry,
          destinationCountry: c.destinationCountry,
          sector: c.sector,
          employerOrganisationId: c.employerOrganisationId,
          employerName: text.employerName,
          agencyOrganisationId: c.agencyOrganisationId,
          agencyName: text.agencyName,
          violationCodes: c.violationCodes,
          outcome: c.outcome,
          outcomeAmount: c.outcomeAmount === null ? null : Number(c.outcomeAmount),
          outcomeCurrency: c.outcomeCurrency,
          language: c.language,
        }
      : null,
    client: decrypt('client', c.clientEnc),
    narrative: decrypt('narrative', c.narrativeEnc),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    closedAt: c.closedAt?.toISOString() ?? null,
    retentionUntil: c.retentionUntil?.toISOString() ?? null,
    shreddedAt: c.shreddedAt?.toISOString() ?? null,
    version: c.version,
    ...extra,
    abilities: abilitiesFor(ctx.actor, 'case', access),
  };
}

/** One case with the parts the actor may see; the read and any decryption are audited in the same transaction. */
export async function readCase(ctx: Ctx, id: string, options: { audit?: boolean } = {}) {
  return caseTx(ctx, async (tx) => {
    const access = await loadAccess(ctx, tx, id, 'read');
    const row = (await repo.findCase(tx, id))!;
    const parts = visibleParts(access);
    const wantsKey =
      (parts.has('client') && row.case.clientEnc) || (parts.has('narrative') && row.case.narrativeEnc);
    // The title (and, with facts, employer and agency) is sealed too: every reader opens the key.
    const dataKey = await dataKeyOf(ctx, tx, id);
    if (options.audit !== false) {
      await auditNow(ctx, tx, 'case.read', id, {
        access: access.assigned || access.supervisor ? 'team' : 'referral',
      });
      if (dataKey && wantsKey)
        await auditNow(ctx, tx, 'case.decrypt', id, {
          fields: ['client', 'narrative'].filter((f) => parts.has(f)),
        });
    }
    const team = access.assigned || access.supervisor ? { assignees: await repo.listAssignees(tx, id) } : {};
    return present(ctx, row, access, dataKey, team);
  });
}

/** Edits facts, identity or narrative (re-encrypted), or moves the status along the workflow. */
export async function updateCase(ctx: Ctx, id: string, input: UpdateCaseInput) {
  ctx.note({
    action: 'case.update',
    resourceType: 'case',
    resourceId: id,
    details: { fields: Object.keys(input).filter((k) => k !== 'version') },
  });
  await caseTx(ctx, async (tx) => {
    await loadAccess(ctx, tx, id, 'update');
    const current = (await repo.findCase(tx, id))!.case;
    if (
      input.status &&
      input.status !== current.status &&
      !NEXT_STATUSES[current.status]?.includes(input.status)
    ) {
      throw problems.conflict(
        'invalid_status_change',
        msg('This status change is not allowed.'),
        `${current.status} → ${input.status}`,
      );
    }
    await checkDirectoryLinks(tx, input);
    const textChanges =
      input.title !== undefined ||
      input.employerName !== undefined ||
      input.agencyName !== undefined ||
      input.sector !== undefined;
    const needsKey = textChanges || input.client !== undefined || input.narrative !== undefined;
    const dataKey = needsKey ? await dataKeyOf(ctx, tx, id) : null;
    const text = textChanges ? openCaseText(dataKey, current) : null;
    const changed = await repo.updateCaseIfVersion(tx, id, input.version, {
      ...factsOf(input),
      ...(text
        ? sealCaseText(dataKey!, await searchKeyOf(tx, keyringOf(ctx.config)), {
            id,
            reference: current.reference,
            title: input.title ?? text.title ?? '',
            employerName: input.employerName !== undefined ? input.employerName : text.employerName,
            agencyName: input.agencyName !== undefined ? input.agencyName : text.agencyName,
            sector: input.sector !== undefined ? input.sector : current.sector,
          })
        : {}),
      ...(input.status ? { status: input.status } : {}),
      ...(input.client !== undefined
        ? { clientEnc: input.client ? encryptField(dataKey!, id, 'client', input.client) : null }
        : {}),
      ...(input.narrative !== undefined
        ? { narrativeEnc: input.narrative ? encryptField(dataKey!, id, 'narrative', input.narrative) : null }
        : {}),
    });
    if (!changed) throw problems.versionConflict();
  });
  return readCase(ctx, id, { audit: false });
}

/** Closes a case with its outcome and starts the retention period after which identity is shredded. */
export async function closeCase(
  ctx: Ctx,
  id: string,
  input: { outcome: string; amount?: number; currency?: string; note?: string; version: number },
) {
  ctx.note({
    action: 'case.close',
    resourceType: 'case',
    resourceId: id,
    details: { outcome: input.outcome },
  });
  if ((input.amount === undefined) !== (input.currency === undefined)) {
    throw problems.validation([
      { field: 'body.currency', code: 'amount_and_currency', message: 'Give the amount with its currency' },
    ]);
  }
  const now = new Date();
  await caseTx(ctx, async (tx, actor) => {
    await loadAccess(ctx, tx, id, 'close');
    const changed = await repo.updateCaseIfVersion(tx, id, input.version, {
      status: 'closed',
      outcome: input.outcome,
      outcomeAmount: input.amount === undefined ? null : input.amount.toFixed(2),
      outcomeCurrency: input.currency ?? null,
      closedAt: now,
      retentionUntil: new Date(now.getTime() + ctx.config.CASE_RETENTION_DAYS * 86_400_000),
    });
    if (!changed) throw problems.versionConflict();
    if (input.note) {
      const dataKey = await dataKeyOf(ctx, tx, id);
      await insertEvent(tx, {
        caseId: id,
        kind: 'status_change',
        textEnc: encryptField(dataKey!, id, 'event', input.note),
        authorUserId: actor.userId,
      });
    }
  });
  return readCase(ctx, id, { audit: false });
}

/** Adds a colleague of the handling organisation to the case team. */
export async function assign(ctx: Ctx, id: string, userId: string) {
  ctx.note({ action: 'case.assign', resourceType: 'case', resourceId: id, details: { userId } });
  await caseTx(ctx, async (tx, actor: UserActor) => {
    const access = await loadAccess(ctx, tx, id, 'assign');
    const user = await repo.findUserBrief(tx, userId);
    if (
      !user ||
      user.organisationId !== access.organisationId ||
      (user.role !== 'case_worker' && user.role !== 'secretariat')
    ) {
      throw problems.validation([
        {
          field: 'body.userId',
          code: 'not_assignable',
          message: 'Only case handlers of the handling organisation can be assigned',
        },
      ]);
    }
    await repo.insertAssignment(tx, id, userId, actor.userId);
    await repo.touchCase(tx, id);
  });
}

export async function unassign(ctx: Ctx, id: string, userId: string) {
  ctx.note({ action: 'case.unassign', resourceType: 'case', resourceId: id, details: { userId } });
  await caseTx(ctx, async (tx) => {
    await loadAccess(ctx, tx, id, 'assign');
    if (!(await repo.deleteAssignment(tx, id, userId))) throw problems.notFound('assignment');
  });
}
