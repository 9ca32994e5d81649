import { z } from 'zod';
import { authorize } from '../../platform/access/policy.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { problems } from '../../platform/http/problem.ts';
import './policy.ts';
import * as repo from './repository.ts';
import * as dupRepo from './repository-duplicates.ts';
import { getOrganisation } from './service.ts';

/** Nearest names kept per organisation: a name with more look-alikes than this is reviewed in turns. */
const PER_ORGANISATION = 10;

/**
 * Likely duplicate pairs: trigram-similar names in the same country. The scan is paged by
 * organisation (`limit` of them per page, in country and name order), so one request stays short
 * whatever the size of the directory; `nextCursor` continues it.
 */
export async function findDuplicates(
  ctx: Ctx,
  f: { country?: string; threshold: number; limit: number; cursor?: string },
) {
  authorize(ctx.actor, 'merge', 'organisation');
  const after = decodeScanCursor(f.cursor);
  return ctx.database.db.transaction(async (tx) => {
    // The `%` operator uses the session threshold; set it for this transaction so the trigram index is used.
    await dupRepo.setSimilarityThreshold(tx, f.threshold);
    const page = await dupRepo.duplicateScanPage(tx, { country: f.country, after, scan: f.limit });
    await dupRepo.preferNearestFirstScans(tx);
    const data = await dupRepo.duplicatePairs(
      tx,
      page.map((o) => o.id),
      { threshold: f.threshold, perOrganisation: PER_ORGANISATION },
    );
    const last = page.at(-1);
    return { data, nextCursor: page.length === f.limit && last ? encodeScanCursor(last) : null };
  });
}

const scanKey = z.strictObject({ country: z.string().max(3), name: z.string().max(1000), id: z.uuid() });

function encodeScanCursor(key: dupRepo.DuplicateScanKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

function decodeScanCursor(cursor: string | undefined): dupRepo.DuplicateScanKey | undefined {
  if (!cursor) return undefined;
  try {
    return scanKey.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw problems.validation([
      { field: 'querystring.cursor', code: 'invalid_cursor', message: 'Not a cursor from this list' },
    ]);
  }
}

/** Organisations whose names resemble this one (any signed-in person may ask, e.g. before creating one). */
export async function similarTo(
  ctx: Ctx,
  f: { name: string; country?: string; excludeId?: string; threshold: number },
) {
  authorize(ctx.actor, 'list', 'organisation');
  return ctx.database.db.transaction(async (tx) => {
    await dupRepo.setSimilarityThreshold(tx, f.threshold);
    const rows = await dupRepo.similarOrganisations(
      tx,
      f.name,
      f.country ?? null,
      f.excludeId ?? null,
      f.threshold,
      20,
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      acronym: r.acronym,
      countryCode: r.countryCode,
      similarity: Number(r.similarity),
    }));
  });
}

/**
 * Merges `duplicateId` into `survivorId`: the survivor keeps its fields and fills its empty ones
 * from the duplicate, takes its names, countries and every membership; the duplicate stays as a
 * record pointing to the survivor, so history and old links still resolve.
 */
export async function mergeOrganisations(
  ctx: Ctx,
  survivorId: string,
  input: { duplicateId: string; version: number; duplicateVersion: number },
) {
  authorize(ctx.actor, 'merge', 'organisation');
  ctx.note({
    action: 'organisation.merge',
    resourceType: 'organisation',
    resourceId: survivorId,
    details: { duplicateId: input.duplicateId },
  });
  if (survivorId === input.duplicateId) {
    throw problems.validation([
      {
        field: 'body.duplicateId',
        code: 'same_record',
        message: 'An organisation cannot be merged into itself',
      },
    ]);
  }
  await ctx.database.db.transaction(async (tx) => {
    const survivor = await repo.findOrganisation(tx, survivorId);
    const duplicate = await repo.findOrganisation(tx, input.duplicateId);
    if (!survivor || !duplicate) throw problems.notFound('organisation');
    if (survivor.mergedIntoId || duplicate.mergedIntoId)
      throw problems.conflict('organisation_merged', 'This organisation was merged into another one.');
    const names = { ...duplicate.names, ...survivor.names };
    if (duplicate.name !== survivor.name && !Object.values(names).includes(duplicate.name))
      names.other = duplicate.name;
    const values: repo.OrganisationInsert = {
      name: survivor.name,
      names,
      acronym: survivor.acronym ?? duplicate.acronym,
      typeCode: survivor.typeCode ?? duplicate.typeCode,
      countryCode: survivor.countryCode ?? duplicate.countryCode,
      countries: [...new Set([...survivor.countries, ...duplicate.countries])].sort(),
      corridors: [...new Set([...survivor.corridors, ...duplicate.corridors])].sort(),
      foundedYear: survivor.foundedYear ?? duplicate.foundedYear,
      website: survivor.website ?? duplicate.website,
      description: survivor.description ?? duplicate.description,
      contactPoints: [
        ...survivor.contactPoints,
        ...duplicate.contactPoints.filter((c) => !survivor.contactPoints.some((s) => s.value === c.value)),
      ],
      published: survivor.published || duplicate.published,
      externalId: survivor.externalId ?? null,
    };
    if (!(await repo.markMerged(tx, duplicate.id, input.duplicateVersion, survivor.id)))
      throw problems.versionConflict();
    if (!(await repo.updateOrganisationIfVersion(tx, survivor.id, input.version, values)))
      throw problems.versionConflict();
    await repo.moveMemberships(tx, duplicate.id, survivor.id);
  });
  ctx.note({
    action: 'organisation.merged_into',
    resourceType: 'organisation',
    resourceId: input.duplicateId,
    details: { survivorId },
  });
  return getOrganisation(ctx, survivorId);
}
