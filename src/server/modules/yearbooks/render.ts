// PDF generation as a background job. The request that asks for a PDF gets the job's id at once;
// the typesetter runs off the event loop (platform/typeset) and one job at a time per server, so a
// 100-page yearbook neither blocks other requests nor takes both cores. Progress is written to the
// render's row, which the screen polls.
import { Readable } from 'node:stream';
import { isUser } from '../../platform/access/actor.ts';
import { authorize, can } from '../../platform/access/policy.ts';
import { contentDisposition } from '../../platform/files/sniff.ts';
import { fileStorage, storedFileMissing } from '../../platform/files/storage.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { Problem, problems } from '../../platform/http/problem.ts';
import type { TypesetEdition as DocEdition } from '../../platform/typeset/document.ts';
import { typesetEdition } from '../../platform/typeset/typeset.ts';
import { uploadFile } from '../library/files.ts';
import { createPublication } from '../library/service.ts';
import { documentHash, editionDocument } from './content.ts';
import * as repo from './repository.ts';
import { namedContributors, presentRender, readableEdition, recordOf } from './service.ts';

const msg = (s: string) => s;

/** The edition as the typesetter takes it, with its fingerprint. */
export async function documentOf(ctx: Ctx, edition: repo.EditionRow) {
  const db = ctx.database.db;
  const chapters = await repo.chaptersOf(db, edition.id);
  const coordinators = new Map(
    (
      await repo.usersNamed(
        db,
        chapters.flatMap((c) => c.coordinatorUserId ?? []),
      )
    ).map((u) => [u.id, u.name]),
  );
  const contributors = (await namedContributors(ctx, edition.contributors))
    .map((c) => c.name)
    .filter(Boolean);
  const doc = await editionDocument(db, edition, chapters, {
    publisher: await repo.organisationName(db, edition.organisationId),
    contributors,
    coordinators,
  });
  return { doc, hash: documentHash(doc) };
}

let queue: Promise<unknown> = Promise.resolve();
const jobs = new Map<string, Promise<void>>();

/** Resolves when the render has finished (done or failed): for tests and for shutting down. */
export const settled = (renderId: string) => jobs.get(renderId) ?? Promise.resolve();

/** Queues a render of the edition as it is now; answers at once with the render's state. */
export async function startRender(
  ctx: Ctx,
  editionId: string,
  options: { publish?: boolean; firstRequest?: boolean } = {},
) {
  const edition = await readableEdition(ctx, editionId);
  // A published edition's first PDF is made for whoever asks first (the demo's brief); every other
  // render is asked for by someone who may.
  if (!options.firstRequest)
    authorize(ctx.actor, 'render', 'yearbook', await recordOf(ctx.database.db, edition));
  const { doc, hash } = await documentOf(ctx, edition);
  const render = await repo.insertRender(ctx.database.db, {
    editionId,
    editionVersion: edition.version,
    contentHash: hash,
    requestedBy: isUser(ctx.actor) ? ctx.actor.userId : null,
  });
  ctx.note({ action: 'yearbook.render', resourceType: 'yearbook', resourceId: editionId });
  queue = queue.then(() => run(ctx, render.id, doc, options.publish ?? false));
  const job = queue.then(
    () => undefined,
    () => undefined,
  );
  jobs.set(render.id, job);
  void job.finally(() => jobs.delete(render.id));
  return presentRender(render);
}

async function run(ctx: Ctx, renderId: string, doc: DocEdition, publish: boolean) {
  const db = ctx.database.db;
  await repo.updateRender(db, renderId, { status: 'running', progress: 0 });
  // Progress is written at most every 5 %, one write after the other.
  let written = 0;
  let writing: Promise<void> = Promise.resolve();
  const onProgress = (fraction: number) => {
    if (fraction - written < 0.05) return;
    written = fraction;
    writing = writing.then(() => repo.updateRender(db, renderId, { progress: Math.min(fraction, 0.99) }));
  };
  try {
    const bytes = await typesetEdition(doc, { onProgress });
    await writing;
    const blob = await fileStorage(ctx.config.dataDir).put(Buffer.from(bytes));
    await repo.updateRender(db, renderId, {
      status: 'done',
      progress: 1,
      sha256: blob.sha256,
      byteSize: blob.size,
      finishedAt: new Date(),
    });
    if (publish) await addToLibrary(ctx, renderId, Buffer.from(bytes));
  } catch (error) {
    await writing.catch(() => undefined);
    await repo.updateRender(db, renderId, {
      status: 'failed',
      error: error instanceof Error ? error.message.slice(0, 500) : 'failed',
      finishedAt: new Date(),
    });
  }
}

/**
 * A published edition's PDF becomes a public library publication (once; a later PDF is added to
 * it as a new file), so the library's search finds its text.
 */
async function addToLibrary(ctx: Ctx, renderId: string, bytes: Buffer) {
  const db = ctx.database.db;
  const row = await repo.findRenderById(db, renderId);
  const edition = row ? await repo.findEdition(db, row.editionId) : undefined;
  if (edition?.status !== 'published') return;
  let publicationId = edition.publicationId;
  if (!publicationId) {
    const publication = await createPublication(ctx, {
      typeCode: edition.kind === 'brief' ? 'policy_brief' : 'yearbook',
      title: edition.title,
      abstract: edition.subtitle,
      authorOrganisationIds: [edition.organisationId],
      publishedOn: new Date().toISOString().slice(0, 10),
      languages: [edition.language],
      isPublic: true,
    });
    publicationId = publication.id;
    await repo.setPublication(db, edition.id, publicationId);
  }
  await uploadFile(
    ctx,
    publicationId,
    {
      stream: Readable.from([bytes]),
      fileName: `${edition.slug}.pdf`,
      truncated: () => false,
    },
    { language: edition.language },
  );
}

// A render still "running" after 15 minutes belongs to a server that stopped: its job is gone.
const abandoned = (r: repo.RenderRow) =>
  (r.status === 'queued' || r.status === 'running') && Date.now() - r.createdAt.getTime() > 15 * 60_000;

export const pdfInPreparation = () =>
  new Problem(409, 'pdf_in_preparation', msg('The PDF is being prepared. Try again in a moment.'));

/**
 * The edition's newest PDF. A published edition without one (the demo's brief, an edition
 * published before its first render) starts its render on this first request and answers 409
 * "being prepared" until it is done.
 */
export async function pdfOf(ctx: Ctx, editionId: string) {
  const edition = await readableEdition(ctx, editionId);
  const db = ctx.database.db;
  const done = await repo.latestDoneRender(db, editionId);
  if (!done?.sha256) {
    const latest = await repo.latestRender(db, editionId);
    if (edition.status === 'published' && (!latest || latest.status === 'failed' || abandoned(latest)))
      await startRender(ctx, editionId, {
        firstRequest: true,
        // Only someone who may publish adds it to the library (the library's own rules apply).
        publish: can(ctx.actor, 'publish', 'yearbook', await recordOf(ctx.database.db, edition)),
      });
    if (latest || edition.status === 'published') throw pdfInPreparation();
    throw problems.notFound('pdf');
  }
  const storage = fileStorage(ctx.config.dataDir);
  if (!(await storage.exists(done.sha256))) throw storedFileMissing();
  return {
    stream: storage.open(done.sha256),
    size: done.byteSize ?? undefined,
    disposition: contentDisposition(`${edition.slug}.pdf`),
    etag: `"${done.sha256}"`,
  };
}

export async function renderStatus(ctx: Ctx, editionId: string, renderId: string) {
  await readableEdition(ctx, editionId);
  const render = await repo.findRender(ctx.database.db, editionId, renderId);
  if (!render) throw problems.notFound('render');
  return presentRender(render);
}

/** Waits for every queued render (the server is closing: their writes must not outlive the database). */
export async function settleAllRenders() {
  await Promise.all([...jobs.values()]);
}
