import type { Tx } from '../../db/client.ts';
import { isUser } from '../../platform/access/actor.ts';
import { authorize } from '../../platform/access/policy.ts';
import { fileStorage } from '../../platform/files/storage.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { type FieldError, problems } from '../../platform/http/problem.ts';
import { isCountryCode } from '../geography/countries.ts';
import { programmeExists } from '../programmes/repository.ts';
import { removeFromIndex } from '../search/service.ts';
import type { Labels } from '../vocabularies/schema.ts';
import { termsOf } from '../vocabularies/service.ts';
import './policy.ts';
import { decodeKeyset, encodeKeyset } from '../../platform/http/cursor.ts';
import { presentPublication, syncPublicationIndex } from './present.ts';
import * as repo from './repository.ts';

export interface PublicationInput {
  typeCode: string;
  title: string;
  titles?: Labels;
  abstract?: string;
  abstracts?: Labels;
  authorOrganisationIds?: string[];
  authorPersonIds?: string[];
  publishedOn?: string | null;
  languages?: string[];
  countries?: string[];
  themes?: string[];
  programmeId?: string | null;
  isPublic?: boolean;
}

async function check(tx: Tx, input: Partial<PublicationInput>) {
  const errors: FieldError[] = [];
  const unknown = (field: string, values: string[]) =>
    values.length &&
    errors.push({
      field: `body.${field}`,
      code: 'unknown_code',
      message: `Unknown: ${values.slice(0, 10).join(', ')}`,
    });
  if (input.typeCode) {
    const types = new Set((await termsOf(tx, 'publication_type')).map((t) => t.code));
    unknown('typeCode', types.has(input.typeCode) ? [] : [input.typeCode]);
  }
  if (input.themes) {
    const themes = new Set((await termsOf(tx, 'thematic_area')).map((t) => t.code));
    unknown(
      'themes',
      input.themes.filter((t) => !themes.has(t)),
    );
  }
  if (input.countries)
    unknown(
      'countries',
      input.countries.filter((c) => !isCountryCode(c)),
    );
  if (input.authorOrganisationIds) {
    const found = new Set((await repo.organisationsByIds(tx, input.authorOrganisationIds)).map((o) => o.id));
    unknown(
      'authorOrganisationIds',
      input.authorOrganisationIds.filter((id) => !found.has(id)),
    );
  }
  if (input.authorPersonIds) {
    const found = new Set((await repo.peopleByIds(tx, input.authorPersonIds)).map((p) => p.id));
    unknown(
      'authorPersonIds',
      input.authorPersonIds.filter((id) => !found.has(id)),
    );
  }
  // A publication names an existing programme or none: never an id that points nowhere.
  if (input.programmeId && !(await programmeExists(tx, input.programmeId)))
    unknown('programmeId', [input.programmeId]);
  if (errors.length) throw problems.validation(errors);
}

const uniq = <T>(v?: T[]) => (v ? [...new Set(v)] : undefined);

function valuesOf(input: Partial<PublicationInput>): Partial<repo.PublicationInsert> {
  const out: Partial<repo.PublicationInsert> = {
    ...input,
    authorOrganisationIds: uniq(input.authorOrganisationIds),
    authorPersonIds: uniq(input.authorPersonIds),
    languages: uniq(input.languages),
    countries: uniq(input.countries),
    themes: uniq(input.themes),
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}

export async function listPublications(ctx: Ctx, f: { type?: string; limit: number; cursor?: string }) {
  const signedIn = isUser(ctx.actor) && !ctx.actor.mustEnrolTotp;
  const after = decodeKeyset(f.cursor);
  const before = after ? { createdAt: after.at, id: after.id } : undefined;
  const rows = await repo.listPublications(ctx.database.db, {
    publicOnly: !signedIn,
    type: f.type,
    before,
    limit: f.limit + 1,
  });
  const page = rows.slice(0, f.limit);
  const last = page.at(-1);
  return {
    data: page.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    nextCursor: rows.length > f.limit && last ? encodeKeyset(last.createdAt, last.id) : null,
  };
}

/** A public publication is open to anyone; a private one to people signed in (404 to the public). */
export async function loadReadable(ctx: Ctx, tx: Tx, id: string) {
  const row = await repo.findPublication(tx, id);
  if (!row) throw problems.notFound('publication');
  if (!row.isPublic) {
    if (!isUser(ctx.actor)) throw problems.notFound('publication');
    authorize(ctx.actor, 'read', 'publication', row, { hideAs404: true });
  }
  return row;
}

export async function getPublication(ctx: Ctx, id: string) {
  return presentPublication(ctx, await loadReadable(ctx, ctx.database.db, id));
}

export async function createPublication(ctx: Ctx, input: PublicationInput) {
  authorize(ctx.actor, 'create', 'publication');
  const actor = ctx.actor;
  const row = await ctx.database.db.transaction(async (tx) => {
    await check(tx, input);
    const created = await repo.insertPublication(tx, {
      ...(valuesOf(input) as repo.PublicationInsert),
      organisationId: actor.organisationId,
      createdBy: actor.userId,
    });
    await syncPublicationIndex(tx, created);
    return created;
  });
  ctx.note({ action: 'publication.create', resourceType: 'publication', resourceId: row.id });
  return presentPublication(ctx, row);
}

export async function updatePublication(
  ctx: Ctx,
  id: string,
  input: Partial<PublicationInput> & { version: number },
) {
  ctx.note({ action: 'publication.update', resourceType: 'publication', resourceId: id });
  const row = await ctx.database.db.transaction(async (tx) => {
    const current = await loadReadable(ctx, tx, id);
    authorize(ctx.actor, 'update', 'publication', current);
    await check(tx, input);
    const { version, ...rest } = input;
    const updated = await repo.updatePublicationIfVersion(tx, id, version, valuesOf(rest));
    if (!updated) throw problems.versionConflict();
    await syncPublicationIndex(tx, updated);
    return updated;
  });
  return presentPublication(ctx, row);
}

/** Deletes a publication, its file rows and search entry, then every blob no other record names. */
export async function deletePublication(ctx: Ctx, id: string, version: number) {
  ctx.note({ action: 'publication.delete', resourceType: 'publication', resourceId: id });
  const blobs = await ctx.database.db.transaction(async (tx) => {
    const current = await loadReadable(ctx, tx, id);
    authorize(ctx.actor, 'delete', 'publication', current);
    if (current.version !== version) throw problems.versionConflict();
    const names = await repo.blobsOf(tx, id);
    await repo.deletePublication(tx, id);
    await removeFromIndex(tx, 'publication', id);
    return names;
  });
  const storage = fileStorage(ctx.config.dataDir);
  for (const sha of blobs) {
    if ((await repo.blobReferences(ctx.database.db, sha)) === 0) await storage.remove(sha);
  }
}
