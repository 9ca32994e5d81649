import type { Ctx } from '../../platform/http/context.ts';
import { problems } from '../../platform/http/problem.ts';
import { auditNow, caseTx, dataKeyOf, loadAccess, problemIfShredded } from './case-context.ts';
import { decryptBytes, decryptField, encryptBytes, encryptField } from './crypto.ts';
import { deleteBlob, readBlob, writeBlob } from './files-store.ts';
import * as repo from './repository.ts';
import * as children from './repository-children.ts';

// Evidence files: encrypted with the case's data key, stored content-addressed on disk, and read
// only through the same access checks (policy + row-level security) as the case itself.

const SAFE_TYPE = /^[a-z]+\/[a-z0-9.+-]{1,100}$/;

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
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const name = file.filename.replace(/[\u0000-\u001f\u007f/\\]/g, '_').slice(0, 200) || 'file';
  const contentType = SAFE_TYPE.test(file.mimetype) ? file.mimetype : 'application/octet-stream';
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
      name: dataKey ? decryptField<string>(dataKey, caseId, 'file-name', f.nameEnc) : null,
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
  return {
    name: decryptField<string>(dataKey, caseId, 'file-name', row.nameEnc),
    contentType: row.contentType,
    bytes,
  };
}
