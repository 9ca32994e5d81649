import { constants, deflateRawSync } from 'node:zlib';

// Hostile files for tests, made in milliseconds without touching the disk: zip bombs, archives that
// lie about their sizes, a spreadsheet with too many rows, and a PDF page of millions of operators.
//
// The trick for size: a piece compressed on its own and ended with a sync flush is a byte-aligned
// run of deflate blocks that refers to nothing before it, so one compressed megabyte of repeated
// text can be concatenated a thousand times and still be one valid deflate stream.

const SYNC = { finishFlush: constants.Z_SYNC_FLUSH, level: 9 };

/** A raw deflate stream of `head`, then `body` repeated `times`, then `tail`; and its inflated size. */
export function repeatedDeflate(head: string, body: string, times: number, tail: string) {
  const piece = deflateRawSync(Buffer.from(body), SYNC);
  const parts = [deflateRawSync(Buffer.from(head), SYNC)];
  for (let i = 0; i < times; i++) parts.push(piece);
  parts.push(deflateRawSync(Buffer.from(tail), { level: 9 }));
  return {
    data: Buffer.concat(parts),
    size: Buffer.byteLength(head) + Buffer.byteLength(body) * times + Buffer.byteLength(tail),
  };
}

export interface RawEntry {
  name: string;
  /** Deflated bytes; or give `text` and it is deflated here. */
  data?: Buffer;
  text?: string;
  /** Inflated size; the directory and local header say `declaredSize` when it is given (a lie). */
  size?: number;
  declaredSize?: number;
}

/** A ZIP archive of deflated entries (CRC left at zero: the readers under test do not check it). */
export function makeZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const data = e.data ?? deflateRawSync(Buffer.from(e.text ?? ''));
    const size = e.declaredSize ?? e.size ?? Buffer.byteLength(e.text ?? '');
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(data.length, 20);
    dir.writeUInt32LE(size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    central.push(dir, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The parts every workbook has, around one sheet given as a raw entry. */
function workbook(sheet: RawEntry): Buffer {
  return makeZip([
    {
      name: '[Content_Types].xml',
      text: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    },
    {
      name: '_rels/.rels',
      text: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      text: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="Orgs" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      text: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    },
    sheet,
  ]);
}

const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>name</t></is></c></row>`;
const SHEET_TAIL = '</sheetData></worksheet>';

/** An XLSX of one header and `rows` data rows of inline strings (one column, "name"). */
export function makeXlsxRows(rows: number): Buffer {
  let body = '';
  for (let r = 2; r <= rows + 1; r++)
    body += `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>Org ${r}</t></is></c></row>`;
  const text = SHEET_HEAD + body + SHEET_TAIL;
  return workbook({ name: 'xl/worksheets/sheet1.xml', text });
}

/**
 * An XLSX whose sheet inflates to about `inflatedMb` MB from a file of about a thousandth of that.
 * With `lie`, its headers declare the sheet to be 4 kB.
 */
export function makeXlsxBomb(inflatedMb: number, options: { lie?: boolean } = {}): Buffer {
  const row = '<row><c t="inlineStr"><is><t>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</t></is></c></row>';
  const body = row.repeat(Math.ceil((1024 * 1024) / row.length));
  const { data, size } = repeatedDeflate(SHEET_HEAD, body, inflatedMb, SHEET_TAIL);
  return workbook({
    name: 'xl/worksheets/sheet1.xml',
    data,
    size,
    declaredSize: options.lie ? 4096 : undefined,
  });
}

/** A DOCX whose document part inflates to about `inflatedMb` MB. */
export function makeDocxBomb(inflatedMb: number): Buffer {
  const head = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`;
  const paragraph = '<w:p><w:r><w:t>bomb bomb bomb bomb bomb bomb bomb bomb</w:t></w:r></w:p>';
  const body = paragraph.repeat(Math.ceil((1024 * 1024) / paragraph.length));
  const { data, size } = repeatedDeflate(head, body, inflatedMb, '</w:body></w:document>');
  return makeZip([
    {
      name: '[Content_Types].xml',
      text: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
    },
    { name: 'word/document.xml', data, size },
  ]);
}

/**
 * A one-page PDF whose content stream holds `operators` drawing operators (moveto, lineto, stroke),
 * compressed (FlateDecode) to a few hundred kilobytes.
 */
export function makeHeavyPdf(operators: number): Buffer {
  const unit = '0 0 m 9 9 l S\n'; // three operators
  const perPiece = 50_000;
  const pieces = Math.max(1, Math.round(operators / 3 / perPiece));
  const { data } = repeatedDeflate('', unit.repeat(perPiece), pieces, '');
  // zlib framing around the raw deflate: a header, and an Adler-32 that pdf.js does not check.
  const stream = Buffer.concat([Buffer.from([0x78, 0x9c]), data, Buffer.alloc(4)]);
  const objects = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    Buffer.from('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>'),
    Buffer.concat([
      Buffer.from(`<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`),
      stream,
      Buffer.from('\nendstream'),
    ]),
  ];
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  const offsets: number[] = [];
  let at = chunks[0]!.length;
  objects.forEach((body, i) => {
    offsets.push(at);
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    chunks.push(obj);
    at += obj.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets
    .map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)
    .join('')}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`;
  chunks.push(Buffer.from(xref));
  return Buffer.concat(chunks);
}
