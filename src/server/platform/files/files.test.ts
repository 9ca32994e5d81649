import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ExtractionError, extractText } from './extract.ts';
import { makeCorruptPdf, makeDocx, makePdf } from './fixtures.ts';
import { contentDisposition, safeFileName, sniffKind } from './sniff.ts';
import { DiskStorage, TooLargeError } from './storage.ts';

describe('content-addressed disk storage', () => {
  const root = mkdtempSync(join(tmpdir(), 'tulay-storage-'));
  const storage = new DiskStorage(root);

  it('keys blobs by SHA-256, stores the same bytes once and reads them back', async () => {
    const a = await storage.put(Buffer.from('hello'));
    const b = await storage.put(Readable.from([Buffer.from('hel'), Buffer.from('lo')]));
    expect(a.sha256).toBe('2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824');
    expect(b).toEqual(a);
    expect(storage.path(a.sha256)).toBe(join(root, '2c', 'f2', a.sha256));
    expect((await storage.read(a.sha256)).toString()).toBe('hello');
    await storage.remove(a.sha256);
    expect(await storage.exists(a.sha256)).toBe(false);
  });

  it('aborts a stream over the limit and leaves nothing behind', async () => {
    const big = Readable.from([Buffer.alloc(600), Buffer.alloc(600)]);
    await expect(storage.put(big, { maxBytes: 1000 })).rejects.toBeInstanceOf(TooLargeError);
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(join(root, 'tmp'))).toEqual([]);
  });

  it('refuses keys that are not hashes (no path traversal through a key)', () => {
    expect(() => storage.path('../../etc/passwd')).toThrow();
  });
});

describe('recognising files by their bytes', () => {
  it('knows PDF, DOCX and UTF-8 text, and nothing else', async () => {
    expect(sniffKind(makePdf(['x']))).toBe('pdf');
    expect(sniffKind(await makeDocx(['x']))).toBe('docx');
    expect(sniffKind(Buffer.from('Plain text, العربية, 中文'))).toBe('text');
    expect(sniffKind(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBeUndefined(); // JPEG
    expect(sniffKind(Buffer.from('MZ\u0090\u0000\u0003'))).toBeUndefined(); // executable
    expect(sniffKind(Buffer.from('<!doctype html><script>x</script>'))).toBeUndefined();
    expect(sniffKind(Buffer.from([0xc3, 0x28, 0x41]))).toBeUndefined(); // invalid UTF-8
  });

  it('makes names safe: last segment, no control or reserved characters, the real extension', () => {
    expect(safeFileName('../../../etc/passwd', 'text')).toBe('passwd.txt');
    expect(safeFileName('C:\\Users\\x\\report.exe', 'pdf')).toBe('report.pdf');
    expect(safeFileName('a\u0000b<c>.pdf', 'pdf')).toBe('abc.pdf');
    expect(safeFileName('...', 'docx')).toBe('file.docx');
    expect(safeFileName('Ulat ng bansa — Nepal.pdf', 'pdf')).toBe('Ulat ng bansa — Nepal.pdf');
    expect(contentDisposition('Ulat "x";.pdf')).toBe(
      `attachment; filename="Ulat _x__.pdf"; filename*=UTF-8''Ulat%20%22x%22%3B.pdf`,
    );
  });
});

describe('text extraction', () => {
  it('reads every page of a PDF and keeps the first page apart', async () => {
    const result = await extractText('pdf', makePdf(['first page', 'second page', 'third page phrase']));
    expect(result.pageCount).toBe(3);
    expect(result.text).toContain('third page phrase');
    expect(result.firstPage).toBe('first page');
  });

  it('reports a scan without text as empty, and refuses encrypted and corrupt PDFs', async () => {
    expect((await extractText('pdf', makePdf(['', ''], { imageOnly: true }))).status).toBe('empty');
    await expect(extractText('pdf', makePdf(['x'], { encrypt: true }))).rejects.toMatchObject({
      reason: 'encrypted',
    });
    await expect(extractText('pdf', makeCorruptPdf())).rejects.toBeInstanceOf(ExtractionError);
    await expect(
      extractText('docx', Buffer.from('PK\u0003\u0004junk word/document.xml')),
    ).rejects.toMatchObject({ reason: 'unreadable' });
  });
});
