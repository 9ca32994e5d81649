import { declaresRecognisedType, RECOGNISED_EXTENSIONS, sniffMedia } from '../../platform/files/media.ts';
import { stripBidi } from '../../platform/files/sniff.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { Problem, problems } from '../../platform/http/problem.ts';
import { auditNow, caseTx, dataKeyOf, loadAccess, problemIfShredded } from './case-context.ts';
import { decryptBytes, decryptField, encryptBytes, encryptField } from './crypto.ts';
import { deleteBlob, readBlob, writeBlob } from './files-store.ts';
import * as repo from './repository.ts';
import * as children from './repository-children.ts';

// Evidence files: encrypted with the case's data key, stored content-addressed on disk, and read
// only through the same access checks (policy + row-level security) as the case itself.

// Problem titles are wrapped in `msg` so the string extractor puts them in the catalogs.
const msg = (s: string) => s;

const UNKNOWN_TYPE = 'application/octet-stream';

/** The name as stored: no bidirectional or control characters, path separators as _, at most 200 characters. */
function cleanName(filename: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const replaced = stripBidi(filename).replace(/[\u0000-\u001f\u007f/\\]/g, '_');
  return replaced.slice(0, 200).trim() || 'file';
}

const extensionOf = (name: string) => /\.[A-Za-z0-9]{1,8}$/.exec(name)?.[0].toLowerCase() ?? '';

/**
 * The type a file is stored and served with comes from its bytes, never from what the sender
 * declared. A recognised file whose name ends otherwise gets its true extension added
 * ("invoice.exe" holding a PDF becomes "invoice.exe.pdf"). Bytes of no recognised format are kept
 * as application/octet-stream, unless the name or declared type promises a recognised format: that
 * contradiction is refused (415 file_type_mismatch) rather than stored under a false name.
 */
export function evidenceType(filename: string, declared: string, bytes: Buffer) {
  const name = cleanName(filename);
  const sniffed = sniffMedia(bytes);
  if (sniffed) {
    const honest = sniffed.extensions.includes(extensionOf(name));
    return { name: honest ? name : `${name}${sniffed.extensions[0]}`, contentType: sniffed.type };
  }
  if (RECOGNISED_EXTENSIONS.has(extensionOf(name)) || declaresRecognisedType(declared)) {
    throw new Problem(
      415,
      'file_type_mismatch',
      msg(
        'The content of this file does not match its name or type. Check that it is the file you meant to send.',
      ),
    );
  }
  return { name, contentType: UNKNOWN_TYPE };
}

export async function uploadFile(
  ctx: Ctx,
  caseId: string,
  file: { filename: string; mimetype: string; bytes: Buffer },
) {
  ctx.note({
    action: 'case.file.upload',
    resourceType: 'case',
    resourceId: caseId,
    details: { size: file.bytes.length },
  });
  const { name, contentType } = evidenceType(file.filename, file.mimetype, file.bytes);
  // Check access before writing anything to disk.
  const dataKey = await caseTx(ctx, async (tx) => {
    const access = await loadAccess(ctx, tx, caseId, 'uploadFile');
    problemIfShredded(access.shredded);
    return (await dataKeyOf(ctx, tx, caseId))!;
  });
  const blob = await writeBlob(ctx.config.dataDir, encryptBytes(dataKey, caseId, file.bytes));
  try {
    return await caseTx(ctx, async (tx, actor) => {
      await loadAccess(ctx, tx, caseId, 'uploadFile');
      const row = await children.insertFile(tx, {
        caseId,
        blobSha256: blob,
        nameEnc: encryptField(dataKey, caseId, 'file-name', name),
        contentType,
        size: file.bytes.length,
        uploadedBy: actor.userId,
      });
      await repo.touchCase(tx, caseId);
      return {
        id: row.id,
        name,
        contentType,
        size: row.size,
        createdAt: row.createdAt.toISOString(),
        url: `/api/v1/cases/${caseId}/files/${row.id}`,
      };
    });
  } catch (error) {
    await deleteBlob(ctx.config.dataDir, blob);
    throw error;
  }
}

export async function listFiles(ctx: Ctx, caseId: string) {
  return caseTx(ctx, async (tx) => {
    const access = await loadAccess(ctx, tx, caseId, 'readFiles');
    const rows = await children.listFiles(tx, caseId);
    const dataKey = rows.length && !access.shredded ? await dataKeyOf(ctx, tx, caseId) : null;
    if (dataKey) await auditNow(ctx, tx, 'case.decrypt', caseId, { fields: ['file_names'] });
    return rows.map((f) => ({
      id: f.id,
      name: dataKey ? stripBidi(decryptField<string>(dataKey, caseId, 'file-name', f.nameEnc)) : null,
      contentType: f.contentType,
      size: f.size,
      createdAt: f.createdAt.toISOString(),
      url: `/api/v1/cases/${caseId}/files/${f.id}`,
    }));
  });
}

/** Decrypts one evidence file for download; audited as a read and a decryption. */
export async function readFile(ctx: Ctx, caseId: string, fileId: string) {
  const { row, dataKey } = await caseTx(ctx, async (tx) => {
    const access = await loadAccess(ctx, tx, caseId, 'readFiles');
    problemIfShredded(access.shredded);
    const row = await children.findFile(tx, caseId, fileId);
    if (!row) throw problems.notFound('file');
    await auditNow(ctx, tx, 'case.file.read', caseId, { fileId });
    return { row, dataKey: (await dataKeyOf(ctx, tx, caseId))! };
  });
  const bytes = decryptBytes(dataKey, caseId, await readBlob(ctx.config.dataDir, row.blobSha256));
  // Sniffed again on the way out, so files stored before types were sniffed are served honestly too.
  return {
    name: stripBidi(decryptField<string>(dataKey, caseId, 'file-name', row.nameEnc)),
    contentType: sniffMedia(bytes)?.type ?? UNKNOWN_TYPE,
    bytes,
  };
}
