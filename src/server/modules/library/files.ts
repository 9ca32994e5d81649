import type { Readable } from 'node:stream';
import { authorize } from '../../platform/access/policy.ts';
import { type Extracted, ExtractionError, NOT_EXTRACTED } from '../../platform/files/extract.ts';
import {
  contentDisposition,
  type FileKind,
  MEDIA_TYPES,
  safeFileName,
  sniffKind,
} from '../../platform/files/sniff.ts';
import { fileStorage, storedFileMissing, TooLargeError } from '../../platform/files/storage.ts';
import { WorkLimitError } from '../../platform/files/work-pool.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { Problem, problems } from '../../platform/http/problem.ts';
import { syncPublicationIndex } from './present.ts';
import * as repo from './repository.ts';
import { loadReadable } from './service.ts';

const msg = (s: string) => s;

/** Uploads are capped at 100 MB (the app's JSON body limit is 256 KB; files have their own). */
export const UPLOAD_LIMIT_BYTES = 100 * 1024 * 1024;

export const fileProblems = {
  tooLarge: () => new Problem(413, 'file_too_large', msg('The file is larger than 100 MB.')),
  notAccepted: () =>
    new Problem(
      415,
      'file_type_not_accepted',
      msg('Only PDF, Word (DOCX) and plain-text files are accepted.'),
      'The file’s content is not a PDF, a DOCX or UTF-8 text, whatever its name says.',
    ),
  encrypted: () =>
    new Problem(422, 'file_encrypted', msg('The PDF is protected by a password. Upload a copy without one.')),
  unreadable: () => new Problem(422, 'file_unreadable', msg('The file is damaged and cannot be read.')),
  noFile: () => new Problem(400, 'file_missing', msg('Choose a file to upload.')),
};

export interface IncomingFile {
  stream: Readable;
  fileName: string;
  /** True when the multipart parser cut the file at its size limit. */
  truncated(): boolean;
}

/**
 * Stores a new file (or a new version of one, `replaces`) of a publication: bytes to content-addressed
 * storage, type sniffed from the bytes, text extracted, then the record in one transaction. Any
 * failure removes the stored bytes again unless another record already names them: no orphans.
 */
export async function uploadFile(
  ctx: Ctx,
  publicationId: string,
  file: IncomingFile,
  options: { replaces?: string; language?: string },
) {
  const db = ctx.database.db;
  const publication = await loadReadable(ctx, db, publicationId);
  authorize(ctx.actor, 'upload', 'publication', publication);
  const actor = ctx.actor;
  ctx.note({ action: 'publication.file.upload', resourceType: 'publication', resourceId: publicationId });
  const storage = fileStorage(ctx.config.dataDir);
  let blob: { sha256: string; size: number };
  try {
    blob = await storage.put(file.stream, { maxBytes: UPLOAD_LIMIT_BYTES });
  } catch (error) {
    file.stream.resume();
    if (error instanceof TooLargeError) throw fileProblems.tooLarge();
    throw error;
  }
  const discard = async () => {
    if ((await repo.blobReferences(db, blob.sha256)) === 0) await storage.remove(blob.sha256);
  };
  try {
    if (file.truncated()) throw fileProblems.tooLarge();
    if (blob.size === 0) throw fileProblems.noFile();
    const bytes = await storage.read(blob.sha256);
    const kind = sniffKind(bytes);
    if (!kind) throw fileProblems.notAccepted();
    const extracted = await extract(ctx, kind, bytes);
    const row = await db.transaction(async (tx) => {
      let fileGroupId: string = crypto.randomUUID();
      if (options.replaces) {
        const previous = await repo.findFile(tx, options.replaces);
        if (!previous || previous.publicationId !== publicationId) {
          throw problems.validation([
            { field: 'replaces', code: 'unknown_file', message: 'No such file in this publication' },
          ]);
        }
        fileGroupId = previous.fileGroupId;
      }
      const inserted = await repo.insertFile(tx, {
        publicationId,
        fileGroupId,
        versionNo: await repo.nextVersionNo(tx, fileGroupId),
        fileName: safeFileName(file.fileName, kind),
        mediaType: MEDIA_TYPES[kind],
        byteSize: blob.size,
        sha256: blob.sha256,
        language: options.language ?? null,
        extraction: extracted.status,
        pageCount: extracted.pageCount,
        extractedText: extracted.text,
        firstPageText: extracted.firstPage,
        uploadedBy: actor.userId,
      });
      await syncPublicationIndex(tx, await repo.touchPublication(tx, publicationId));
      return inserted;
    });
    return {
      file: {
        id: row.id,
        fileName: row.fileName,
        mediaType: row.mediaType,
        byteSize: row.byteSize,
        versionNo: row.versionNo,
        extraction: row.extraction,
        pageCount: row.pageCount,
      },
    };
  } catch (error) {
    await discard();
    throw error;
  }
}

/**
 * The file's text, read on a file-work thread. A damaged or password-protected file is refused
 * (the uploader can fix it); a file that would take more time, memory or inflated size than the
 * limits allow is kept with `extraction: 'failed'`: downloadable, only not searchable by its words.
 */
async function extract(ctx: Ctx, kind: FileKind, bytes: Buffer): Promise<Extracted> {
  try {
    return await ctx.fileWork.run('extract', { kind, bytes });
  } catch (error) {
    if (error instanceof WorkLimitError) return NOT_EXTRACTED;
    if (!(error instanceof ExtractionError)) throw error;
    if (error.reason === 'too_large') return NOT_EXTRACTED;
    throw error.reason === 'encrypted' ? fileProblems.encrypted() : fileProblems.unreadable();
  }
}

async function readableFile(ctx: Ctx, fileId: string) {
  const file = await repo.findFile(ctx.database.db, fileId);
  if (!file) throw problems.notFound('file');
  await loadReadable(ctx, ctx.database.db, file.publicationId);
  return file;
}

/** The bytes of a file version with its real type and a safe download name. */
export async function downloadFile(ctx: Ctx, fileId: string) {
  const file = await readableFile(ctx, fileId);
  const storage = fileStorage(ctx.config.dataDir);
  if (!(await storage.exists(file.sha256))) throw storedFileMissing();
  return {
    stream: storage.open(file.sha256),
    mediaType: file.mediaType,
    size: file.byteSize,
    disposition: contentDisposition(file.fileName),
    etag: `"${file.sha256}"`,
  };
}

/** The first page as an image-free SVG: its text laid out on a page, no fonts, no scripts, no pixels. */
export async function previewFile(ctx: Ctx, fileId: string): Promise<string> {
  const file = await readableFile(ctx, fileId);
  const text =
    file.firstPageText.trim() ||
    (file.extraction === 'empty' ? '(No text on this page: it may be a scan.)' : '');
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let rest = paragraph.trim();
    while (rest.length > 0 && lines.length < 60) {
      let cut = rest.length <= 86 ? rest.length : rest.lastIndexOf(' ', 86);
      if (cut <= 0) cut = Math.min(86, rest.length);
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut).trim();
    }
  }
  const esc = (s: string) =>
    s.replace(
      /[&<>"']/g,
      (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
    );
  const body = lines.map((l, i) => `<text x="48" y="${64 + i * 12.5}">${esc(l)}</text>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 595 842" width="595" height="842" role="img" aria-label="${esc(`First page of ${file.fileName}`)}"><title>${esc(file.fileName)}</title><rect width="595" height="842" fill="#fff" stroke="#bbb"/><g font-family="sans-serif" font-size="10" fill="#222">${body}</g></svg>`;
}

/** Removes one file version; its bytes go when no record names them any more. */
export async function deleteFile(ctx: Ctx, fileId: string) {
  const db = ctx.database.db;
  ctx.note({ action: 'publication.file.delete', resourceType: 'publication_file', resourceId: fileId });
  const sha = await db.transaction(async (tx) => {
    const file = await repo.findFile(tx, fileId);
    if (!file) throw problems.notFound('file');
    const publication = await loadReadable(ctx, tx, file.publicationId);
    authorize(ctx.actor, 'upload', 'publication', publication);
    await repo.deleteFile(tx, fileId);
    await syncPublicationIndex(tx, await repo.touchPublication(tx, file.publicationId));
    return file.sha256;
  });
  if ((await repo.blobReferences(db, sha)) === 0) await fileStorage(ctx.config.dataDir).remove(sha);
}
