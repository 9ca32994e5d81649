import { IMPORT_TARGETS } from '../../../shared/import-targets.ts';
import { parseCorridor, resolveCountry } from '../geography/countries.ts';
import { codeFromLabel, matchTerm, type Term } from '../vocabularies/service.ts';
import {
  type CellReader,
  type KeyValues,
  list,
  readCountry,
  readYesNo,
  type VocabularyPolicy,
} from './import-rows.ts';

// How a spreadsheet cell becomes an organisation field. Pure, like the rest of the row reading.

/** Organisation fields as an import writes them (same names as the table's columns in the repository). */
export interface OrganisationValues extends KeyValues {
  names?: Record<string, string>;
  acronym?: string | null;
  typeCode?: string | null;
  countries?: string[];
  corridors?: string[];
  foundedYear?: number | null;
  website?: string | null;
  description?: string | null;
  published?: boolean;
  contactPoints?: { type: 'email' | 'phone'; value: string }[];
}

export const ORGANISATION_TARGETS = IMPORT_TARGETS;

export const ORGANISATION_SYNONYMS: Record<string, string> = {
  organisation: 'name',
  organization: 'name',
  org_name: 'name',
  type_label: 'type',
  organisation_type: 'type',
  hq_country: 'country',
  country_code: 'country',
  headquarters: 'country',
  country_name: 'country',
  active_in: 'countries',
  founded: 'founded_year',
  year_founded: 'founded_year',
  url: 'website',
  web: 'website',
  email: 'contact_email',
  phone: 'contact_phone',
  externalid: 'external_id',
  external_ref: 'external_id',
};

/** A cell reader that knows the organisation types and what to do with unknown ones. */
export function organisationCellReader(
  types: Term[],
  policy: VocabularyPolicy,
): CellReader<OrganisationValues> {
  return (row, target, raw) => {
    const v = row.values;
    const err = (m: string) => row.errors.push(`${target}: ${m}`);
    if (target.startsWith('name_')) {
      if (raw) v.names = { ...v.names, [target.slice(5)]: raw.slice(0, 300) };
      return;
    }
    switch (target) {
      case 'acronym':
        v.acronym = raw ? raw.slice(0, 50) : null;
        return;
      case 'type': {
        if (!raw) {
          v.typeCode = null;
          return;
        }
        const term = matchTerm(types, raw);
        if (term) v.typeCode = term.code;
        else if (policy === 'create') {
          v.typeCode = codeFromLabel(raw);
          row.newTypes.push({ code: v.typeCode, label: raw.slice(0, 200) });
        } else err(`unknown organisation type "${raw.slice(0, 60)}"`);
        return;
      }
      case 'country': {
        const code = readCountry(raw, err);
        if (code !== undefined) v.countryCode = code;
        return;
      }
      case 'countries': {
        const codes = list(raw).map((c) => [c, resolveCountry(c)] as const);
        for (const [c, code] of codes) if (!code) err(`unknown country "${c.slice(0, 60)}"`);
        v.countries = [
          ...new Set(codes.map(([, code]) => code).filter((c): c is string => Boolean(c))),
        ].sort();
        return;
      }
      case 'corridors': {
        const corridors = list(raw).map((c) => [c, parseCorridor(c)] as const);
        for (const [c, p] of corridors) if (!p) err(`invalid corridor "${c.slice(0, 20)}" (write PH-HK)`);
        v.corridors = [
          ...new Set(corridors.flatMap(([, p]) => (p ? [`${p.origin}-${p.destination}`] : []))),
        ].sort();
        return;
      }
      case 'founded_year': {
        const year = Number(raw);
        if (!raw) v.foundedYear = null;
        else if (!Number.isInteger(year) || year < 1800 || year > 2100)
          err(`not a year: "${raw.slice(0, 20)}"`);
        else v.foundedYear = year;
        return;
      }
      case 'website':
        readWebsite(v, raw, err);
        return;
      case 'description':
        if (raw.length > 10_000) err('longer than 10000 characters');
        else v.description = raw || null;
        return;
      case 'published': {
        const yes = readYesNo(raw, err);
        if (yes !== undefined) v.published = yes;
        return;
      }
      case 'contact_email':
        if (!raw) return;
        if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(raw) || raw.length > 300) err('not an email address');
        else v.contactPoints = [...(v.contactPoints ?? []), { type: 'email', value: raw }];
        return;
      case 'contact_phone':
        if (raw) v.contactPoints = [...(v.contactPoints ?? []), { type: 'phone', value: raw.slice(0, 40) }];
        return;
    }
  };
}

function readWebsite(v: OrganisationValues, raw: string, err: (m: string) => void) {
  if (!raw) {
    v.website = null;
    return;
  }
  const candidate = /^https?:\/\//i.test(raw) ? raw : `https://${raw}`;
  try {
    const u = new URL(candidate);
    if (!u.hostname.includes('.') || raw.length > 500) throw new Error('bad');
    v.website = candidate;
  } catch {
    err(`not a web address: "${raw.slice(0, 60)}"`);
  }
}
