import { describe, expect, it } from 'vitest';
import { makeDocx, makePdf } from './fixtures.ts';
import { declaresRecognisedType, sniffMedia } from './media.ts';
import { contentDisposition, safeFileName, stripBidi } from './sniff.ts';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('evidence media types from magic bytes', () => {
  it('recognises photos, voice notes, videos and documents whatever they are called', async () => {
    const cases: [Buffer, string][] = [
      [bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'), 'image/jpeg'],
      [bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'IHDR'), 'image/png'],
      [bytes('GIF89a', [1, 0]), 'image/gif'],
      [bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '), 'image/webp'],
      [bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt '), 'audio/wav'],
      [bytes([0, 0, 0, 24], 'ftypheic'), 'image/heic'],
      [bytes([0, 0, 0, 24], 'ftypM4A '), 'audio/mp4'],
      [bytes([0, 0, 0, 24], 'ftypisom'), 'video/mp4'],
      [bytes('OggS', [0, 2]), 'audio/ogg'],
      [bytes('ID3', [4, 0]), 'audio/mpeg'],
      [bytes([0x1a, 0x45, 0xdf, 0xa3]), 'video/webm'],
      [await makePdf(['Contract']), 'application/pdf'],
      [
        await makeDocx(['Payslip']),
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ],
      [Buffer.from('Employer kept my passport.'), 'text/plain; charset=utf-8'],
    ];
    for (const [content, type] of cases) expect(sniffMedia(content)?.type, type).toBe(type);
  });

  it('recognises nothing in executables, HTML or random bytes', () => {
    expect(sniffMedia(bytes('MZ', [0x90, 0, 3, 0, 0, 0]))).toBeUndefined();
    expect(sniffMedia(bytes([0x7f], 'ELF', [2, 1]))).toBeUndefined();
    expect(sniffMedia(Buffer.from('<html><script>alert(1)</script></html>'))).toBeUndefined();
    expect(sniffMedia(bytes([0, 1, 2, 3, 4, 5]))).toBeUndefined();
  });

  it('knows which declared types promise a recognisable format', () => {
    expect(declaresRecognisedType('application/pdf')).toBe(true);
    expect(declaresRecognisedType('image/jpeg')).toBe(true);
    expect(declaresRecognisedType('text/html; charset=utf-8')).toBe(true);
    expect(declaresRecognisedType('application/octet-stream')).toBe(false);
    expect(declaresRecognisedType('application/x-msdownload')).toBe(false);
  });
});

describe('bidirectional controls in file names', () => {
  const all = '\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c';

  it('are stripped from every name', () => {
    expect(stripBidi(`in${all}voice.pdf`)).toBe('invoice.pdf');
    // Arabic and other right-to-left letters stay: only the invisible controls go.
    expect(stripBidi('عقد العمل.pdf')).toBe('عقد العمل.pdf');
  });

  it('never reach a library file name or a download header', () => {
    expect(safeFileName('invoice\u202efdp.exe', 'pdf')).toBe('invoicefdp.pdf');
    expect(safeFileName('report\u2067gnp.pdf', 'pdf')).toBe('reportgnp.pdf');
    const header = contentDisposition('invoice\u202efdp.pdf');
    expect(header).not.toContain('%E2%80%AE');
    expect(header).toContain("filename*=UTF-8''invoicefdp.pdf");
  });
});
