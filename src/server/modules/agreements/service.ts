import type { Tx } from '../../db/client.ts';
import { isUser } from '../../platform/access/actor.ts';
import { authorize } from '../../platform/access/policy.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { problems } from '../../platform/http/problem.ts';
import type { Labels } from '../vocabularies/schema.ts';
import './policy.ts';
import { presentAgreement, presentListRow, provisionLabels } from './present.ts';
import * as repo from './repository.ts';
import type { AgreementProvision, AgreementStatus, AgreementType, MonitoringSource } from './schema.ts';
import { checkDateOrder, checkPublications, checkReferences } from './validate.ts';

export interface AgreementInput {
  title: string;
  titles?: Labels;
  summary?: string;
  slug?: string;
  typeCode: AgreementType;
  status: AgreementStatus;
  partyCountries?: string[];
  partyGroupings?: string[];
  signedOn?: string | null;
  inForceOn?: string | null;
  expiresOn?: string | null;
  provisions?: AgreementProvision[];
  corridors?: string[];
  documentIds?: string[];
  published?: boolean;
  demonstration?: boolean;
}

export interface MonitoringInput {
  observedOn: string;
  finding: string;
  sources?: MonitoringSource[];
  publicationIds?: string[];
}

const uniq = (v?: string[]) => (v ? [...new Set(v)] : undefined);

/** The columns an input sets; lists de-duplicated, a provision named twice kept once (the first). */
function valuesOf(input: Partial<AgreementInput>): Partial<repo.AgreementInsert> {
  const seen = new Set<string>();
  const out: Partial<repo.AgreementInsert> = {
    title: input.title,
    titles: input.titles,
    summary: input.summary,
    typeCode: input.typeCode,
    status: input.status,
    partyCountries: uniq(input.partyCountries),
    partyGroupings: uniq(input.partyGroupings),
    signedOn: input.signedOn,
    inForceOn: input.inForceOn,
    expiresOn: input.expiresOn,
    provisions: input.provisions?.filter((p) => !seen.has(p.code) && seen.add(p.code)),
    corridors: uniq(input.corridors?.map((c) => c.toUpperCase())),
    documentIds: uniq(input.documentIds),
    published: input.published,
    demonstration: input.demonstration,
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}

/** A readable address part from a title: lower-case ASCII words joined by dashes. */
export function slugOf(title: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
  return base || 'agreement';
}

async function freeSlug(tx: Tx, wanted: string): Promise<string> {
  const taken = await repo.slugsLike(tx, wanted);
  if (!taken.has(wanted)) return wanted;
  for (let i = 2; ; i++) if (!taken.has(`${wanted}-${i}`)) return `${wanted}-${i}`;
}

/** A unique-slug race between two writers becomes a 409, never a 500. */
async function uniqueSlug<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const cause = (error as { cause?: { code?: string; constraint?: string } }).cause ?? error;
    const e = cause as { code?: string; constraint?: string };
    if (e.code === '23505' && e.constraint === 'agreements_slug_key')
      throw problems.conflict('slug_taken', 'This address is already used by another agreement.');
    throw error;
  }
}

export type ListQuery = repo.AgreementFilter & { limit: number };

/** Staff and members see every agreement; the public (no session) only published ones. */
export async function listAgreements(ctx: Ctx, q: ListQuery) {
  const signedIn = isUser(ctx.actor);
  if (signedIn) authorize(ctx.actor, 'list', 'agreement');
  const rows = await repo.listAgreements(ctx.database.db, { ...q, publishedOnly: !signedIn }, q.limit);
  const labels = await provisionLabels(ctx);
  return Promise.all(rows.map((r) => presentListRow(ctx, r, labels)));
}

async function visible(ctx: Ctx, row: repo.AgreementRow | undefined) {
  if (!row || (!row.published && !isUser(ctx.actor))) throw problems.notFound('agreement');
  if (isUser(ctx.actor)) authorize(ctx.actor, 'read', 'agreement', row);
  return row;
}

export async function getAgreement(ctx: Ctx, id: string) {
  return presentAgreement(ctx, await visible(ctx, await repo.findAgreement(ctx.database.db, id)));
}

export async function getAgreementBySlug(ctx: Ctx, slug: string) {
  return presentAgreement(ctx, await visible(ctx, await repo.findAgreementBySlug(ctx.database.db, slug)));
}

export async function createAgreement(ctx: Ctx, input: AgreementInput) {
  authorize(ctx.actor, 'create', 'agreement');
  const actor = ctx.actor;
  checkDateOrder(input);
  if (!input.partyCountries?.length && !input.partyGroupings?.length)
    throw problems.validation([
      { field: 'body.partyCountries', code: 'parties_required', message: 'Name at least one party' },
    ]);
  const row = await uniqueSlug(() =>
    ctx.database.db.transaction(async (tx) => {
      await checkReferences(tx, input);
      const slug = input.slug ?? (await freeSlug(tx, slugOf(input.title)));
      return repo.insertAgreement(tx, {
        ...(valuesOf(input) as repo.AgreementInsert),
        slug,
        createdBy: actor.userId,
      });
    }),
  );
  ctx.note({ action: 'agreement.create', resourceType: 'agreement', resourceId: row.id });
  return presentAgreement(ctx, row);
}

export async function updateAgreement(
  ctx: Ctx,
  id: string,
  input: Partial<AgreementInput> & { version: number },
) {
  ctx.note({ action: 'agreement.update', resourceType: 'agreement', resourceId: id });
  const row = await uniqueSlug(() =>
    ctx.database.db.transaction(async (tx) => {
      const current = await repo.findAgreement(tx, id);
      if (!current) throw problems.notFound('agreement');
      authorize(ctx.actor, 'update', 'agreement', current);
      // Dates are checked as they will stand: the ones sent over the ones kept.
      checkDateOrder({
        signedOn: input.signedOn === undefined ? current.signedOn : input.signedOn,
        inForceOn: input.inForceOn === undefined ? current.inForceOn : input.inForceOn,
        expiresOn: input.expiresOn === undefined ? current.expiresOn : input.expiresOn,
      });
      const countries = input.partyCountries ?? current.partyCountries;
      const groupings = input.partyGroupings ?? current.partyGroupings;
      if (!countries.length && !groupings.length)
        throw problems.validation([
          { field: 'body.partyCountries', code: 'parties_required', message: 'Name at least one party' },
        ]);
      await checkReferences(tx, input);
      const updated = await repo.updateAgreementIfVersion(tx, id, input.version, {
        ...valuesOf(input),
        ...(input.slug ? { slug: input.slug } : {}),
      });
      if (!updated) throw problems.versionConflict();
      return updated;
    }),
  );
  return presentAgreement(ctx, row);
}

export async function deleteAgreement(ctx: Ctx, id: string, version: number) {
  ctx.note({ action: 'agreement.delete', resourceType: 'agreement', resourceId: id });
  await ctx.database.db.transaction(async (tx) => {
    const current = await repo.findAgreement(tx, id);
    if (!current) throw problems.notFound('agreement');
    authorize(ctx.actor, 'delete', 'agreement', current);
    if (!(await repo.deleteAgreementIfVersion(tx, id, version))) throw problems.versionConflict();
  });
}

async function agreementToMonitor(tx: Tx, ctx: Ctx, id: string) {
  const agreement = await repo.findAgreement(tx, id);
  if (!agreement) throw problems.notFound('agreement');
  authorize(ctx.actor, 'monitor', 'agreement', agreement);
  return agreement;
}

export async function addMonitoring(ctx: Ctx, agreementId: string, input: MonitoringInput) {
  const row = await ctx.database.db.transaction(async (tx) => {
    await agreementToMonitor(tx, ctx, agreementId);
    if (input.publicationIds) await checkPublications(tx, 'publicationIds', input.publicationIds);
    return repo.insertMonitoring(tx, {
      agreementId,
      observedOn: input.observedOn,
      finding: input.finding,
      sources: input.sources ?? [],
      publicationIds: uniq(input.publicationIds) ?? [],
      createdBy: isUser(ctx.actor) ? ctx.actor.userId : null,
    });
  });
  ctx.note({ action: 'agreement.monitoring.add', resourceType: 'agreement', resourceId: agreementId });
  return row;
}

export async function updateMonitoring(
  ctx: Ctx,
  agreementId: string,
  entryId: string,
  input: Partial<MonitoringInput> & { version: number },
) {
  ctx.note({ action: 'agreement.monitoring.update', resourceType: 'agreement', resourceId: agreementId });
  return ctx.database.db.transaction(async (tx) => {
    await agreementToMonitor(tx, ctx, agreementId);
    if (!(await repo.findMonitoring(tx, agreementId, entryId))) throw problems.notFound('monitoring entry');
    if (input.publicationIds) await checkPublications(tx, 'publicationIds', input.publicationIds);
    const { version, ...values } = input;
    const updated = await repo.updateMonitoringIfVersion(tx, entryId, version, {
      ...values,
      publicationIds: uniq(values.publicationIds),
    });
    if (!updated) throw problems.versionConflict();
    return updated;
  });
}

export async function deleteMonitoring(ctx: Ctx, agreementId: string, entryId: string, version: number) {
  ctx.note({ action: 'agreement.monitoring.delete', resourceType: 'agreement', resourceId: agreementId });
  await ctx.database.db.transaction(async (tx) => {
    await agreementToMonitor(tx, ctx, agreementId);
    if (!(await repo.findMonitoring(tx, agreementId, entryId))) throw problems.notFound('monitoring entry');
    if (!(await repo.deleteMonitoringIfVersion(tx, entryId, version))) throw problems.versionConflict();
  });
}

/** Addresses of the published agreements for the sitemap (the merger wires it into sitemap.xml). */
export async function sitemapUrls(database: { db: Tx }, publicUrl: string): Promise<string[]> {
  const rows = await repo.publishedSlugs(database.db);
  return [`${publicUrl}/agreements`, ...rows.map((r) => `${publicUrl}/agreements/${r.slug}`)];
}
