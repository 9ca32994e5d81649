import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';

// XLSX and DOCX files are ZIP archives. A few hundred kilobytes can inflate to gigabytes (a "zip
// bomb"), and the readers we use (exceljs, mammoth through JSZip) inflate whatever they are given.
// So every archive is checked here first: its central directory must add up to a bounded size, its
// entries must lie end to end with nothing hidden between them (a streaming reader walks the local
// headers, not the directory), and every entry is inflated once while counting, so a header that
// lies about its size is caught before a reader trusts it.

/** One file of an archive, as its central directory describes it. */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  /** Size once inflated, as the header declares it (checked by `verifyZip`). */
  size: number;
  localOffset: number;
  dataOffset: number;
}

export interface ZipLimits {
  /** Most entries an archive may have. */
  entries: number;
  /** Most bytes all entries may inflate to together. */
  inflatedBytes: number;
}

/** Why an archive is refused: too large once inflated, or not a well-formed ZIP. */
export class ZipRefused extends Error {
  constructor(
    readonly reason: 'too_large' | 'malformed',
    message: string,
  ) {
    super(message);
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function findEndOfDirectory(bytes: Buffer): number {
  // The end record is 22 bytes plus a comment of at most 65,535 bytes.
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= stop; i--) {
    if (bytes.readUInt32LE(i) === EOCD) return i;
  }
  throw new ZipRefused('malformed', 'The archive has no central directory.');
}

/**
 * Reads the central directory and refuses, without inflating anything, an archive over the limits,
 * in ZIP64 form, with an unknown compression method, or with bytes hidden between its entries.
 */
export function readZipDirectory(bytes: Buffer, limits: ZipLimits): ZipEntry[] {
  if (bytes.length < 22) throw new ZipRefused('malformed', 'The archive is too short.');
  const end = findEndOfDirectory(bytes);
  const count = bytes.readUInt16LE(end + 10);
  const directorySize = bytes.readUInt32LE(end + 12);
  const directoryOffset = bytes.readUInt32LE(end + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff)
    throw new ZipRefused('too_large', 'ZIP64 archives are not accepted.');
  if (count > limits.entries)
    throw new ZipRefused('too_large', `The archive has more than ${limits.entries} entries.`);
  if (directoryOffset + directorySize > end)
    throw new ZipRefused('malformed', 'The central directory lies outside the archive.');
  const entries: ZipEntry[] = [];
  let total = 0;
  let at = directoryOffset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== CENTRAL)
      throw new ZipRefused('malformed', 'The central directory is damaged.');
    const nameLength = bytes.readUInt16LE(at + 28);
    const entry = {
      flags: bytes.readUInt16LE(at + 8),
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
      localOffset: bytes.readUInt32LE(at + 42),
      dataOffset: 0,
    };
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff)
      throw new ZipRefused('too_large', 'ZIP64 archives are not accepted.');
    if (entry.method !== 0 && entry.method !== 8)
      throw new ZipRefused('malformed', 'The archive uses an unknown compression method.');
    if (entry.method === 0 && entry.size !== entry.compressedSize)
      throw new ZipRefused('malformed', 'A stored entry declares two different sizes.');
    total += entry.size;
    if (total > limits.inflatedBytes) {
      throw new ZipRefused(
        'too_large',
        `The archive inflates to more than ${Math.round(limits.inflatedBytes / 1024 / 1024)} MB.`,
      );
    }
    const local = entry.localOffset;
    if (local + 30 > directoryOffset || bytes.readUInt32LE(local) !== LOCAL)
      throw new ZipRefused('malformed', 'An entry of the archive is damaged.');
    entry.dataOffset = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    if (entry.dataOffset + entry.compressedSize > directoryOffset)
      throw new ZipRefused('malformed', 'An entry runs past the end of the archive.');
    entries.push(entry);
  }
  checkContiguous(
    [...entries].sort((a, b) => a.localOffset - b.localOffset),
    directoryOffset,
  );
  return entries;
}

/** Entries must follow one another with at most a data descriptor between them: no hidden entries. */
function checkContiguous(sorted: ZipEntry[], directoryOffset: number) {
  let expected = 0;
  for (const entry of sorted) {
    if (entry.localOffset !== expected)
      throw new ZipRefused('malformed', 'The archive holds data its directory does not list.');
    expected = entry.dataOffset + entry.compressedSize;
    if (entry.flags & 0x08) expected = descriptorEnd(sorted, entry, expected, directoryOffset);
  }
  if (expected !== directoryOffset)
    throw new ZipRefused('malformed', 'The archive holds data its directory does not list.');
}

/** A data descriptor is 12 bytes, or 16 with its optional signature: the next thing must start after it. */
function descriptorEnd(sorted: ZipEntry[], entry: ZipEntry, after: number, directoryOffset: number) {
  const next = sorted[sorted.indexOf(entry) + 1]?.localOffset ?? directoryOffset;
  return next - after === 12 || next - after === 16 ? next : after;
}

/**
 * Inflates every entry once, counting, and refuses the archive as soon as one yields more than its
 * header declared (or less): readers may then trust the directory's sizes.
 */
export async function verifyZip(bytes: Buffer, entries: ZipEntry[], watch?: Watch): Promise<void> {
  for (const entry of entries) {
    const see = watch?.(entry);
    if (entry.method === 0) {
      see?.(bytes.subarray(entry.dataOffset, entry.dataOffset + entry.size));
      continue;
    }
    const data = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
    const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
    let counted = 0;
    try {
      for await (const chunk of Readable.from([data]).pipe(inflate)) {
        counted += (chunk as Buffer).length;
        if (counted > entry.size) {
          inflate.destroy();
          throw new ZipRefused('too_large', `The entry ${entry.name.slice(0, 100)} is larger than it says.`);
        }
        see?.(chunk as Buffer);
      }
    } catch (error) {
      inflate.destroy();
      // zlib's own errors (Z_DATA_ERROR, Z_BUF_ERROR) mean damaged data; anything else passes through.
      if ((error as { code?: string }).code?.startsWith('Z_'))
        throw new ZipRefused('malformed', `The entry ${entry.name.slice(0, 100)} cannot be inflated.`);
      throw error;
    }
    if (counted !== entry.size)
      throw new ZipRefused('malformed', `The entry ${entry.name.slice(0, 100)} is shorter than it says.`);
  }
}

/**
 * Lets a reader look at an entry's bytes while they are counted (say, to count a sheet's rows and
 * stop early): returns a function to receive each inflated chunk, or nothing to skip the entry.
 */
export type Watch = (entry: ZipEntry) => ((chunk: Buffer) => void) | undefined;

/** Checks an archive against the limits: its directory first (cheap), then every entry by inflating it. */
export async function guardZip(bytes: Buffer, limits: ZipLimits, watch?: Watch): Promise<ZipEntry[]> {
  const entries = readZipDirectory(bytes, limits);
  await verifyZip(bytes, entries, watch);
  return entries;
}
