import { isStorableText } from '../../../shared/schemas.ts';
import { problems } from './problem.ts';

// Opaque page cursors are read back from the address bar, so anyone can craft one. Each is checked
// as a whole (every part, and that it is exactly what this server would have written) before any
// part of it reaches SQL: a crafted one is a 400 `invalid_cursor`, never a 500 from the database.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** What Date.toISOString writes for years 1–9999 (never the ±YYYYYY form PostgreSQL refuses). */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function invalidCursor(): never {
  throw problems.validation([
    { field: 'querystring.cursor', code: 'invalid_cursor', message: 'Not a cursor from this list' },
  ]);
}

function decodeText(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  // Exactly what encoding `text` gives back: no padding tricks, no bytes that are not UTF-8.
  if (Buffer.from(text).toString('base64url') !== cursor) invalidCursor();
  return text;
}

/** A keyset cursor: the (timestamp, id) of the last row of a page. */
export function encodeKeyset(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');
}

/** Reads a keyset cursor; anything but a valid instant and a uuid is a 400. */
export function decodeKeyset(cursor: string | undefined): { at: Date; id: string } | undefined {
  if (!cursor) return undefined;
  const parts = decodeText(cursor).split('|');
  const [at, id] = parts;
  if (parts.length !== 2 || !at || !id || !ISO_INSTANT.test(at) || !UUID.test(id)) invalidCursor();
  const date = new Date(at);
  if (Number.isNaN(date.getTime()) || date.toISOString() !== at) invalidCursor();
  return { at: date, id };
}

/** A cursor carrying one text value (e.g. the last email of a page). */
export function encodeTextCursor(value: string): string {
  return Buffer.from(value).toString('base64url');
}

/** Reads a text cursor; NUL, control characters or text over `max` characters are a 400. */
export function decodeTextCursor(cursor: string | undefined, max = 320): string | undefined {
  if (!cursor) return undefined;
  const text = decodeText(cursor);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (!text || text.length > max || !isStorableText(text) || /[\u0000-\u001f\u007f]/.test(text))
    invalidCursor();
  return text;
}
