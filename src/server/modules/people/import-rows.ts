import { PEOPLE_IMPORT_TARGETS } from '../../../shared/import-targets.ts';
import { type CellReader, type KeyValues, list, readCountry, readYesNo } from '../directory/import-rows.ts';

// How a spreadsheet cell becomes a person field. Pure: no database, so every rule is easy to test.

/** Person fields as an import writes them (same names as the people table's columns). */
export interface PersonValues extends KeyValues {
  sortName?: string | null;
  honorificPrefix?: string | null;
  summary?: string | null;
  languages?: string[];
  email?: string | null;
  phone?: string | null;
  publicConsent?: boolean;
}

export const PERSON_TARGETS = PEOPLE_IMPORT_TARGETS;

export const PERSON_SYNONYMS: Record<string, string> = {
  full_name: 'name',
  person: 'name',
  surname: 'sort_name',
  title: 'honorific_prefix',
  honorific: 'honorific_prefix',
  bio: 'summary',
  description: 'summary',
  country_code: 'country',
  country_name: 'country',
  nationality: 'country',
  language: 'languages',
  e_mail: 'email',
  telephone: 'phone',
  mobile: 'phone',
  consent: 'public_consent',
  externalid: 'external_id',
  external_ref: 'external_id',
};

// The same limits as the people form, so an import cannot store what the form would refuse.
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z]{2,4})?$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^[+0-9 ()./-]+$/;

/** Text that may be empty; longer than `max` is an error rather than silently cut. */
function readText(raw: string, max: number, err: (m: string) => void): string | null | undefined {
  if (raw.length <= max) return raw || null;
  err(`longer than ${max} characters`);
  return undefined;
}

export const readPersonCell: CellReader<PersonValues> = (row, target, raw) => {
  const v = row.values;
  const err = (m: string) => row.errors.push(`${target}: ${m}`);
  const set = <K extends keyof PersonValues>(k: K, value: PersonValues[K] | undefined) => {
    if (value !== undefined) v[k] = value;
  };
  switch (target) {
    case 'sort_name':
      return set('sortName', readText(raw, 200, err));
    case 'honorific_prefix':
      return set('honorificPrefix', readText(raw, 50, err));
    case 'summary':
      return set('summary', readText(raw, 2000, err));
    case 'country':
      return set('countryCode', readCountry(raw, err));
    case 'languages': {
      const codes = list(raw, /[;,\s]+/).map((c) => c.toLowerCase());
      for (const c of codes)
        if (!LANGUAGE.test(c)) err(`not a language code: "${c.slice(0, 20)}" (write en, tl, fil)`);
      return set('languages', [...new Set(codes.filter((c) => LANGUAGE.test(c)))]);
    }
    case 'email':
      if (raw && (!EMAIL.test(raw) || raw.length > 320)) return err('not an email address');
      return set('email', raw ? raw.toLowerCase() : null);
    case 'phone':
      if (raw && (!PHONE.test(raw) || raw.length > 40))
        return err(`not a phone number: "${raw.slice(0, 40)}"`);
      return set('phone', raw || null);
    case 'public_consent':
      return set('publicConsent', readYesNo(raw, err));
  }
};
