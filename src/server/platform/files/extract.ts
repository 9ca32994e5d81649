import type { FileKind } from './sniff.ts';
import { guardZip, ZipRefused } from './zip-guard.ts';

/**
 * What extraction found in a file. `status` is 'ok'; 'empty' for a scan without a text layer; or
 * 'failed' when reading it would cost more than the limits allow (time, memory, inflated size):
 * the file is kept and downloadable, only its words are not searchable.
 */
export interface Extracted {
  status: 'ok' | 'empty' | 'failed';
  text: string;
  firstPage: string;
  pageCount: number | null;
}

/**
 * Why a file could not be read: encrypted (password-protected), unreadable (corrupt), or too large
 * to read within the limits (a DOCX that inflates past DOCX_ZIP_LIMITS).
 */
export class ExtractionError extends Error {
  constructor(
    readonly reason: 'encrypted' | 'unreadable' | 'too_large',
    message: string,
  ) {
    super(message);
  }
}

/** Extracted text is capped: a library entry's search body needs the words, not 500 MB of them. */
export const MAX_TEXT = 2_000_000;
const MAX_PAGES = 2_000;
const FIRST_PAGE_CHARS = 4_000;
/** A DOCX is XML in a ZIP: six 292 kB uploads inflating to 300 MB each once took the server to 4 GB. */
export const DOCX_ZIP_LIMITS = { entries: 10_000, inflatedBytes: 200 * 1024 * 1024 };

/** The result for a file kept without its text. */
export const NOT_EXTRACTED: Extracted = { status: 'failed', text: '', firstPage: '', pageCount: null };

/** Extracts the text of a PDF, DOCX or plain-text file, in pure JavaScript (no downloads, no binaries). */
export async function extractText(kind: FileKind, bytes: Buffer): Promise<Extracted> {
  switch (kind) {
    case 'pdf':
      return extractPdf(bytes);
    case 'docx':
      return extractDocx(bytes);
    case 'text':
      return fromPlain(bytes.toString('utf8').replace(/^\uFEFF/, ''), null);
  }
}

function fromPlain(text: string, pageCount: number | null, firstPage?: string): Extracted {
  const clean = text.replace(/\r\n?/g, '\n').slice(0, MAX_TEXT);
  const status = clean.trim() ? 'ok' : 'empty';
  return { status, text: clean, firstPage: (firstPage ?? clean).slice(0, FIRST_PAGE_CHARS), pageCount };
}

async function extractPdf(bytes: Buffer): Promise<Extracted> {
  // The legacy build runs on Node 20 without a browser; no worker, no fonts, no eval.
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => {});
    const name = (error as { name?: string }).name;
    if (name === 'PasswordException')
      throw new ExtractionError('encrypted', 'The PDF is protected by a password.');
    throw new ExtractionError('unreadable', 'The PDF could not be read.');
  }
  try {
    const pages: string[] = [];
    let total = 0;
    for (let n = 1; n <= Math.min(doc.numPages, MAX_PAGES) && total < MAX_TEXT; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if ('str' in item) text += item.str + (item.hasEOL ? '\n' : ' ');
      }
      page.cleanup();
      pages.push(text.replace(/[ \t]+/g, ' ').trim());
      total += text.length;
    }
    return fromPlain(pages.join('\n\f\n'), doc.numPages, pages[0] ?? '');
  } catch {
    throw new ExtractionError('unreadable', 'The PDF could not be read.');
  } finally {
    await doc.destroy().catch(() => {});
  }
}

async function extractDocx(bytes: Buffer): Promise<Extracted> {
  try {
    await guardZip(bytes, DOCX_ZIP_LIMITS);
  } catch (error) {
    if (error instanceof ZipRefused && error.reason === 'too_large')
      throw new ExtractionError('too_large', error.message);
    throw new ExtractionError('unreadable', 'The document could not be read.');
  }
  const mammoth = await import('mammoth');
  try {
    const result = await mammoth.default.extractRawText({ buffer: bytes });
    return fromPlain(result.value, null);
  } catch {
    throw new ExtractionError('unreadable', 'The document could not be read.');
  }
}
