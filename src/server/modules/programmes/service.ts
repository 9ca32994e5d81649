import type { Tx } from '../../db/client.ts';
import { isUser } from '../../platform/access/actor.ts';
import { authorize } from '../../platform/access/policy.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { decodeKeyset, encodeKeyset } from '../../platform/http/cursor.ts';
import { problems } from '../../platform/http/problem.ts';
import type { ProgrammeCreate, ProgrammeListQuery, ProgrammeUpdate } from './inputs.ts';
import './policy.ts';
import type { ProgrammeRecord } from './policy.ts';
import { presentList, presentProgramme } from './present.ts';
import * as repo from './repository.ts';
import type { ProgrammeStatus } from './schema.ts';
import { checkProgramme, type ProgrammeState, slugFrom } from './validate.ts';

// Marks problem titles for the string extractor (problem.ts translates them).
const msg = (s: string) => s;
const uniq = <T>(v?: T[]) => (v ? [...new Set(v)] : undefined);
const isUniqueViolation = (e: unknown) =>
  (e as { code?: string }).code === '23505' || (e as { cause?: { code?: string } }).cause?.code === '23505';
const slugTaken = () =>
  problems.conflict('slug_taken', msg('Another programme already has this web address.'));

/** Staff see every programme; the public only published ones. */
export async function listProgrammes(ctx: Ctx, f: ProgrammeListQuery) {
  authorize(ctx.actor, 'list', 'programme');
  const after = decodeKeyset(f.cursor);
  const rows = await repo.listProgrammes(ctx.database.db, {
    ...f,
    before: after ? { updatedAt: after.at, id: after.id } : undefined,
    limit: f.limit + 1,
  });
  const page = rows.slice(0, f.limit);
  const last = page.at(-1);
  return {
    data: await presentList(ctx, page),
    nextCursor: rows.length > f.limit && last ? encodeKeyset(last.updatedAt, last.id) : null,
  };
}

/** Programmes to choose from (the publication form's picker): every one, by name. */
export async function programmeChoices(ctx: Ctx) {
  authorize(ctx.actor, 'list', 'programme');
  const rows = await repo.programmeChoices(ctx.database.db);
  return rows.map((r) => ({ id: r.id, name: r.names[ctx.locale] || r.name, status: r.status }));
}

/** A published programme is public; drafts and archived ones are for signed-in staff (404 to others). */
async function loadReadable(ctx: Ctx, row: repo.ProgrammeRow | undefined) {
  if (!row) throw problems.notFound('programme');
  if (row.status !== 'published') {
    if (!isUser(ctx.actor)) throw problems.notFound('programme');
    authorize(ctx.actor, 'read', 'programme', await recordOf(ctx.database.db, row), { hideAs404: true });
  }
  return row;
}

export async function getProgramme(ctx: Ctx, id: string) {
  const row = await loadReadable(ctx, await repo.findProgramme(ctx.database.db, id));
  return presentProgramme(ctx, row, { publicView: !isUser(ctx.actor) });
}

/** The public page's programme: published only, whoever asks, shown as the public sees it. */
export async function getPublicProgramme(ctx: Ctx, slug: string) {
  const row = await repo.findProgrammeBySlug(ctx.database.db, slug);
  if (row?.status !== 'published') throw problems.notFound('programme');
  return presentProgramme(ctx, row, { publicView: true });
}

export async function listPublicProgrammes(ctx: Ctx) {
  return presentList(ctx, await repo.publishedProgrammes(ctx.database.db));
}

async function recordOf(tx: Tx, row: { id: string; status: ProgrammeStatus }): Promise<ProgrammeRecord> {
  const orgs = await repo.organisationsOf(tx, [row.id]);
  return {
    status: row.status,
    runningOrganisationIds: orgs.filter((o) => o.role === 'runs').map((o) => o.organisationId),
  };
}

/** The columns an input sets (lists de-duplicated); undefined ones are left as they are. */
function columnsOf(input: Partial<ProgrammeState>): Partial<repo.ProgrammeInsert> {
  const out: Partial<repo.ProgrammeInsert> = {
    slug: input.slug,
    name: input.name,
    names: input.names,
    summary: input.summary,
    summaries: input.summaries,
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    themes: uniq(input.themes),
    targetGroups: uniq(input.targetGroups),
    countries: uniq(input.countries),
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}

/** Writes the linked rows an input names (organisations by role, people, indicators). */
async function writeChildren(tx: Tx, id: string, input: Partial<ProgrammeState>) {
  if (input.runningOrganisationIds)
    await repo.replaceOrganisations(tx, id, 'runs', uniq(input.runningOrganisationIds)!);
  if (input.partnerOrganisationIds)
    await repo.replaceOrganisations(tx, id, 'partner', uniq(input.partnerOrganisationIds)!);
  if (input.secretariatOrganisationIds)
    await repo.replaceOrganisations(tx, id, 'secretariat', uniq(input.secretariatOrganisationIds)!);
  if (input.people)
    await repo.replacePeople(
      tx,
      id,
      input.people.map((p) => ({
        personId: p.personId,
        role: p.role,
        countryCode: p.countryCode ?? null,
        label: p.label ?? null,
        startDate: p.startDate ?? null,
        endDate: p.endDate ?? null,
      })),
    );
  if (input.indicators)
    await repo.replaceIndicators(
      tx,
      id,
      input.indicators.map((i) => ({
        label: i.label,
        labels: i.labels ?? {},
        source: i.source,
        values: i.values ?? [],
      })),
    );
}

async function freeSlug(tx: Tx, base: string): Promise<string> {
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await repo.slugTaken(tx, candidate))) return candidate;
  }
  return `${base}-${Date.now().toString(36)}`;
}

/** Creates a draft programme; administrators and member editors must name their own organisation among those running it. */
export async function createProgramme(ctx: Ctx, input: ProgrammeCreate) {
  authorize(ctx.actor, 'create', 'programme');
  authorize(ctx.actor, 'create', 'programme', {
    status: 'draft',
    runningOrganisationIds: input.runningOrganisationIds,
  });
  try {
    const row = await ctx.database.db.transaction(async (tx) => {
      await checkProgramme(tx, input);
      // A slug asked for must be free; one made from the name gets a number when the name is taken.
      if (input.slug && (await repo.slugTaken(tx, input.slug))) throw slugTaken();
      const slug = input.slug ?? (await freeSlug(tx, slugFrom(input.name)));
      const created = await repo.insertProgramme(tx, {
        ...(columnsOf(input) as repo.ProgrammeInsert),
        name: input.name,
        slug,
        status: 'draft',
      });
      await writeChildren(tx, created.id, input);
      return created;
    });
    ctx.note({ action: 'programme.create', resourceType: 'programme', resourceId: row.id });
    return presentProgramme(ctx, row, { publicView: false });
  } catch (e) {
    throw isUniqueViolation(e) ? slugTaken() : e;
  }
}

/** The stored record as a complete input, so an edit is checked as a whole (new period, old people). */
async function stateOf(tx: Tx, row: repo.ProgrammeRow): Promise<ProgrammeState> {
  const orgs = await repo.organisationsOf(tx, [row.id]);
  const ids = (role: string) => orgs.filter((o) => o.role === role).map((o) => o.organisationId);
  const people = await repo.peopleOf(tx, row.id);
  const indicators = await repo.indicatorsOf(tx, row.id);
  return {
    name: row.name,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    themes: row.themes,
    targetGroups: row.targetGroups,
    countries: row.countries,
    runningOrganisationIds: ids('runs'),
    partnerOrganisationIds: ids('partner'),
    secretariatOrganisationIds: ids('secretariat'),
    people: people.map((p) => ({ ...p, label: p.label ?? undefined })),
    indicators: indicators.map((i) => ({
      label: i.label,
      labels: i.labels,
      source: i.source,
      values: i.values,
    })),
  };
}

export async function updateProgramme(ctx: Ctx, id: string, input: ProgrammeUpdate) {
  ctx.note({ action: 'programme.update', resourceType: 'programme', resourceId: id });
  const { version, ...changes } = input;
  try {
    const row = await ctx.database.db.transaction(async (tx) => {
      const current = await repo.findProgramme(tx, id);
      if (!current) throw problems.notFound('programme');
      const state = await stateOf(tx, current);
      authorize(ctx.actor, 'update', 'programme', {
        status: current.status,
        runningOrganisationIds: state.runningOrganisationIds!,
      });
      const next = {
        ...state,
        ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
      };
      // An editor may not hand the programme to organisations that leave their own out.
      authorize(ctx.actor, 'update', 'programme', {
        status: current.status,
        runningOrganisationIds: next.runningOrganisationIds!,
      });
      await checkProgramme(tx, next);
      if (changes.slug && (await repo.slugTaken(tx, changes.slug, id))) throw slugTaken();
      const updated = await repo.updateProgrammeIfVersion(tx, id, version, columnsOf(changes));
      if (!updated) throw problems.versionConflict();
      await writeChildren(tx, id, changes);
      return updated;
    });
    return presentProgramme(ctx, row, { publicView: false });
  } catch (e) {
    throw isUniqueViolation(e) ? slugTaken() : e;
  }
}

/** Publishes (from draft or archived) or archives a programme. */
export async function setStatus(ctx: Ctx, id: string, action: 'publish' | 'archive', version: number) {
  ctx.note({ action: `programme.${action}`, resourceType: 'programme', resourceId: id });
  const row = await ctx.database.db.transaction(async (tx) => {
    const current = await repo.findProgramme(tx, id);
    if (!current) throw problems.notFound('programme');
    const record = await recordOf(tx, current);
    // Ownership first, then staleness (a second click on a record that moved on is a 409), then the status rule.
    authorize(ctx.actor, 'update', 'programme', record);
    if (current.version !== version) throw problems.versionConflict();
    authorize(ctx.actor, action, 'programme', record);
    const status: ProgrammeStatus = action === 'publish' ? 'published' : 'archived';
    const updated = await repo.updateProgrammeIfVersion(tx, id, version, {
      status,
      ...(action === 'publish' ? { publishedAt: new Date() } : {}),
    });
    if (!updated) throw problems.versionConflict();
    return updated;
  });
  return presentProgramme(ctx, row, { publicView: false });
}

/** Deletes a draft or archived programme that no publication names (those are kept, archived). */
export async function deleteProgramme(ctx: Ctx, id: string, version: number) {
  ctx.note({ action: 'programme.delete', resourceType: 'programme', resourceId: id });
  await ctx.database.db.transaction(async (tx) => {
    const current = await repo.findProgramme(tx, id);
    if (!current) throw problems.notFound('programme');
    authorize(ctx.actor, 'delete', 'programme', await recordOf(tx, current));
    if (current.version !== version) throw problems.versionConflict();
    if ((await repo.publicationCount(tx, id)) > 0)
      throw problems.conflict(
        'programme_in_use',
        msg('Publications name this programme: archive it instead.'),
      );
    try {
      await repo.deleteProgramme(tx, id);
    } catch (e) {
      // Another module's record (a campaign, an event) still points at it.
      if (
        (e as { code?: string }).code === '23503' ||
        (e as { cause?: { code?: string } }).cause?.code === '23503'
      )
        throw problems.conflict(
          'programme_in_use',
          msg('Other records name this programme: archive it instead.'),
        );
      throw e;
    }
  });
}
