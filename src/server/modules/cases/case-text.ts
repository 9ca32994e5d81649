import { createHmac } from 'node:crypto';
import type { Tx } from '../../db/client.ts';
import { decryptField, encryptField, newDataKey } from './crypto.ts';
import { type Keyring, unwrapWith, wrapWithActive } from './keys.ts';
import * as repo from './repository-text.ts';

// Free text about a case that may name people (title, employer and agency names, task titles,
// referral notes and reasons) is sealed under the case's data key like the client record, so
// shredding the key makes it unreadable. Search goes through a blind index of whole words.

/** Seals an optional text field; null stays null. */
export function sealText(dataKey: Buffer, caseId: string, field: string, value: string | null | undefined) {
  return value ? encryptField(dataKey, caseId, field, value) : null;
}

/**
 * Opens a sealed text field; rows written before encryption still carry their clear text (until
 * encryptLegacyCaseText empties it), and without the key (shredded, or not shared) there is nothing.
 */
export function openText(
  dataKey: Buffer | null,
  caseId: string,
  field: string,
  sealed: string | null,
  legacy: string | null = null,
): string | null {
  if (sealed) return dataKey ? decryptField<string>(dataKey, caseId, field, sealed) : null;
  return legacy;
}

/** Whole words, lower-cased and normalised, as the old 'simple' text search configuration split them. */
export function searchWords(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter(Boolean);
}

/** The blind index tokens of some texts: a short HMAC of each distinct word. */
export function searchTokens(searchKey: Buffer, texts: Array<string | null | undefined>): string[] {
  const words = new Set(texts.flatMap((t) => (t ? searchWords(t) : [])));
  return [...words].map((w) => createHmac('sha256', searchKey).update(w).digest('base64url').slice(0, 22));
}

const SEARCH_KEY_ID = 'case-search';

/** The installation's search key: created on first use, wrapped by the active master key. */
export async function searchKeyOf(tx: Tx, ring: Keyring): Promise<Buffer> {
  let row = await repo.findSearchKey(tx, SEARCH_KEY_ID);
  if (!row) {
    await repo.insertSearchKey(tx, {
      id: SEARCH_KEY_ID,
      ...wrapWithActive(ring, SEARCH_KEY_ID, newDataKey()),
    });
    row = (await repo.findSearchKey(tx, SEARCH_KEY_ID))!;
  }
  return unwrapWith(ring, SEARCH_KEY_ID, row);
}

/** The encrypted columns and search tokens of a case's title, employer and agency. */
export function sealCaseText(
  dataKey: Buffer,
  searchKey: Buffer,
  c: {
    id: string;
    reference: string;
    title: string;
    employerName: string | null;
    agencyName: string | null;
    sector: string | null;
  },
) {
  return {
    title: null,
    titleEnc: sealText(dataKey, c.id, 'title', c.title),
    employerName: null,
    employerNameEnc: sealText(dataKey, c.id, 'employer_name', c.employerName),
    agencyName: null,
    agencyNameEnc: sealText(dataKey, c.id, 'agency_name', c.agencyName),
    searchTokens: searchTokens(searchKey, [c.reference, c.title, c.employerName, c.agencyName, c.sector]),
  };
}

/** Title, employer and agency of a case row, decrypted (null without the key). */
export function openCaseText(
  dataKey: Buffer | null,
  c: {
    id: string;
    title: string | null;
    titleEnc: string | null;
    employerName: string | null;
    employerNameEnc: string | null;
    agencyName: string | null;
    agencyNameEnc: string | null;
  },
) {
  return {
    title: openText(dataKey, c.id, 'title', c.titleEnc, c.title),
    employerName: openText(dataKey, c.id, 'employer_name', c.employerNameEnc, c.employerName),
    agencyName: openText(dataKey, c.id, 'agency_name', c.agencyNameEnc, c.agencyName),
  };
}
