import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { extractText } from '../files/extract.ts';
import type { TypesetEdition } from './document.ts';
import { DEFAULT_LIMITS } from './engine-process.ts';
import { barChart, sampleEdition } from './fixtures.ts';
import { DOCUMENT_LIMITS } from './prepare.ts';
import {
  closeTypesetting,
  setTypesetLimits,
  TypesetError,
  typesetCertificate,
  typesetEdition,
  typesetProblem,
} from './typeset.ts';

// Text is data, never markup; a chart never reaches the disk; a document that passes the time or
// memory limit costs only itself. Every failure is a TypesetError with its reason.

const text = async (pdf: Uint8Array) => (await extractText('pdf', Buffer.from(pdf))).text;

function brief(title: string, paragraph: string, extra: Partial<TypesetEdition> = {}): TypesetEdition {
  return {
    language: 'en',
    template: 'brief',
    title,
    publisher: 'Publisher',
    contributors: [],
    chapters: [{ title: 'Chapter', blocks: [{ kind: 'paragraph', text: paragraph }] }],
    ...extra,
  };
}

async function reason(work: Promise<unknown>) {
  try {
    await work;
  } catch (error) {
    expect(error).toBeInstanceOf(TypesetError);
    return (error as TypesetError).reason;
  }
  return 'no error';
}

afterEach(() => setTypesetLimits(DEFAULT_LIMITS));
afterAll(() => closeTypesetting());

describe('hostile text', () => {
  it('prints Typst and HTML syntax as it is written, reads no file, drops NUL and lone surrogates', async () => {
    const title = '#read("/etc/passwd") *bold* $x^2$ ] [ \\ // /* <b>';
    const paragraph =
      '#import "@preview/cetz:0.3.0": * #let x = 1 #include "/etc/hostname" <script>alert(1)</script> @label `raw` = heading\u0000 end\uD800.';
    const pdf = await typesetEdition(brief(title, paragraph, { contributors: ['#set page(width: 1cm)'] }));
    // Lines may break anywhere in such text: compared without white space.
    const found = (await text(pdf)).replace(/\s/g, '');
    const written = (s: string) => s.replace(/\s/g, '');
    expect(found).toContain(written(title));
    expect(found).toContain(written(paragraph.replace('\u0000', '').replace('\uD800', '\uFFFD')));
    expect(found).toContain(written('#set page(width: 1cm)'));
    expect(found).not.toMatch(/root:/);
  });

  it('draws a chart without its linked images, and refuses one that declares entities or is not SVG', async () => {
    const linked = barChart([10, 20]).replace(
      '</svg>',
      '<image href="file:///etc/passwd" width="10" height="10"/><image href="/etc/hostname"></image></svg>',
    );
    const chart = (svg: string) =>
      brief('Charts', 'x', {
        chapters: [{ title: 'C', blocks: [{ kind: 'figure', caption: 'A chart', svg, alt: 'bars' }] }],
      });
    expect(await text(await typesetEdition(chart(linked)))).toContain('A chart');
    const entity = '<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg>&x;</svg>';
    expect(await reason(typesetEdition(chart(entity)))).toBe('invalid');
    expect(await reason(typesetEdition(chart('<svg><g>not closed')))).toBe('invalid');
    expect(await reason(typesetEdition(chart('a picture, not SVG')))).toBe('invalid');
  });

  it('refuses a malformed document before the engine sees it', async () => {
    const ok = brief('T', 'p');
    const cases: [string, unknown][] = [
      ['no template', { ...ok, template: 'poster' }],
      ['a title that is not text', { ...ok, title: 42 }],
      ['a bad language tag', { ...ok, language: 'not a tag!' }],
      ['a block of no kind', { ...ok, chapters: [{ title: 'C', blocks: [{ kind: 'video' }] }] }],
      [
        'a table without columns',
        {
          ...ok,
          chapters: [{ title: 'C', blocks: [{ kind: 'table', caption: 'x', columns: [], rows: [] }] }],
        },
      ],
      [
        'too many chapters',
        { ...ok, chapters: Array.from({ length: DOCUMENT_LIMITS.chapters + 1 }, () => ok.chapters[0]) },
      ],
      ['a fractional year', { ...ok, year: 2026.5 }],
      ['contributors that are not a list', { ...ok, contributors: 'Ana, Ben' }],
      [
        'a row that is not a list',
        {
          ...ok,
          chapters: [{ title: 'C', blocks: [{ kind: 'table', caption: 'x', columns: ['a'], rows: ['1'] }] }],
        },
      ],
      ['a chapter of no blocks', { ...ok, chapters: [{ title: 'C' }] }],
    ];
    for (const [name, doc] of cases)
      expect(await reason(typesetEdition(doc as TypesetEdition)), name).toBe('invalid');
    const certificate = {
      language: 'en',
      participantName: 'A',
      courseTitle: 'C',
      startDate: '2026-02-31',
      endDate: '2026-03-01',
      issuer: 'I',
      certificateNumber: '1',
      issuedOn: '2026-03-02',
    };
    expect(await reason(typesetCertificate(certificate))).toBe('invalid');
    expect(await reason(typesetCertificate({ ...certificate, startDate: '1 March 2026' }))).toBe('invalid');
  });
});

describe('the HTTP answer', () => {
  it('is a precise 4xx for the document, 503 with a retry for the engine, never a 500', () => {
    const answer = (reason: TypesetError['reason']) => {
      const p = typesetProblem(new TypesetError(reason, 'x'));
      return [p.status, p.code];
    };
    expect(answer('invalid')).toEqual([422, 'typeset_invalid']);
    for (const reason of ['too_large', 'timeout', 'memory'] as const)
      expect(answer(reason)).toEqual([422, 'typeset_too_costly']);
    for (const reason of ['busy', 'crashed', 'aborted'] as const)
      expect(answer(reason)).toEqual([503, 'typeset_busy']);
  });
});

describe('limits', () => {
  // Both limits are checked from the start of a document, so a small one shows them.
  const big = sampleEdition(2, 2);

  it('stops a document past the time limit, or the memory limit, and typesets the next one', async () => {
    setTypesetLimits({ timeoutMs: 1 });
    expect(await reason(typesetEdition(big))).toBe('timeout');
    setTypesetLimits({ timeoutMs: DEFAULT_LIMITS.timeoutMs, memoryMb: 1 });
    expect(await reason(typesetEdition(big))).toBe('memory');
    setTypesetLimits(DEFAULT_LIMITS);
    expect(await text(await typesetEdition(brief('After the limits', 'p')))).toContain('After the limits');
  });

  it('cancels on the caller signal, and refuses a document when the queue is full', async () => {
    const controller = new AbortController();
    // Cancelled once the engine has started on it: its process is stopped.
    const running = typesetEdition(big, {
      signal: controller.signal,
      onProgress: (f) => f > 0 && f < 1 && controller.abort(),
    });
    expect(await reason(running)).toBe('aborted');
    expect(await reason(typesetEdition(big, { signal: AbortSignal.abort() }))).toBe('aborted');
    setTypesetLimits({ queue: 0 });
    const first = typesetEdition(brief('First', 'p'));
    expect(await reason(typesetEdition(brief('Second', 'p')))).toBe('busy');
    expect(await text(await first)).toContain('First');
  });
});
