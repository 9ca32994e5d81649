/** File kinds the library accepts, recognised by their bytes, never by the name they came with. */
export type FileKind = 'pdf' | 'docx' | 'text';

export const MEDIA_TYPES: Record<FileKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  text: 'text/plain; charset=utf-8',
};

export const EXTENSIONS: Record<FileKind, string> = { pdf: '.pdf', docx: '.docx', text: '.txt' };

/**
 * Recognises a file by its magic bytes: `%PDF-` within the first 1 KB, a ZIP holding
 * `word/document.xml` (DOCX), or valid UTF-8 without control bytes (plain text). Anything else
 * (executables, images, HTML disguised as .pdf) is undefined.
 */
export function sniffKind(bytes: Buffer): FileKind | undefined {
  const head = bytes.subarray(0, 1024);
  if (head.indexOf('%PDF-') !== -1 && head.indexOf('%PDF-') < 1024) return 'pdf';
  if (bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    // The ZIP's central directory names its entries; a DOCX always has word/document.xml.
    return bytes.includes('word/document.xml') ? 'docx' : undefined;
  }
  if (looksLikeText(bytes)) return 'text';
  return undefined;
}

function looksLikeText(bytes: Buffer): boolean {
  if (bytes.length === 0) return false;
  const sample = bytes.subarray(0, 64 * 1024);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(sample);
  } catch (error) {
    // A multi-byte character cut at the sample's end is fine; anything else is not UTF-8.
    if (sample.length < bytes.length) {
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, sample.length - 4));
      } catch {
        return false;
      }
    } else {
      void error;
      return false;
    }
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is matched
  if (/[\u0000-\u0008\u000e-\u001a\u001c-\u001f\u007f]/.test(text)) return false;
  // A file of HTML or script is not "plain text" for a library: refuse it rather than serve it.
  return !/^\s*<(!doctype|html|script|svg|\?xml)/i.test(text);
}

// Bidirectional controls (embeddings, overrides, isolates, marks) let "invoice\u202Efdp.exe" show as
// "invoiceexe.pdf": they have no place in a file name.
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

/** A file name without bidirectional control characters, so it reads as it really ends. */
export function stripBidi(name: string): string {
  return name.replace(BIDI_CONTROLS, '');
}

/**
 * A file name safe to store and to send back: the last path segment only, no control or reserved
 * or bidirectional characters, at most 150 characters, with the extension of what the bytes really are.
 */
export function safeFileName(name: string | undefined, kind: FileKind): string {
  const last = (name ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = stripBidi(last)
    .normalize('NFC')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is matched
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '')
    .replace(/^\.+/, '')
    .trim();
  const stem = cleaned.replace(/\.[A-Za-z0-9]{1,8}$/, '').slice(0, 140) || 'file';
  return `${stem}${EXTENSIONS[kind]}`;
}

/** A Content-Disposition header value with an ASCII fallback and the UTF-8 name (RFC 6266/5987). */
export function contentDisposition(name: string, inline = false): string {
  const fileName = stripBidi(name);
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\;]/g, '_');
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
