import { toCsv } from '../../platform/http/csv.ts';
import { popoloMembership } from '../directory/export.ts';
import type { MembershipRow } from '../directory/repository.ts';
import { toXlsx } from '../directory/tabular.ts';

/** A person as the people list presents them (contact fields only for those who may read them). */
export interface ExportedPerson {
  id: string;
  url: string;
  name: string;
  sortName: string | null;
  honorificPrefix: string | null;
  summary: string | null;
  countryCode: string | null;
  languages: string[];
  publicConsent: boolean;
  externalId: string | null;
  email?: string | null;
  phone?: string | null;
  contactDetails?: { type: string; value: string; label?: string }[];
  updatedAt: string;
}
type Membership = MembershipRow & { memberName: string | null; parentName: string };

/** Columns of a people export with their HXL hashtags; `posts` names each person's posts. */
const COLUMNS: [string, string, (p: ExportedPerson, posts: string) => unknown][] = [
  ['id', '#contact+id', (p) => p.id],
  ['url', '#meta+url', (p) => p.url],
  ['name', '#contact+name', (p) => p.name],
  ['country', '#country+code', (p) => p.countryCode],
  ['languages', '#meta+languages', (p) => p.languages.join(';')],
  ['posts', '#contact+role', (_p, posts) => posts],
  ['public_consent', '#status+consent', (p) => (p.publicConsent ? 'yes' : 'no')],
  ['email', '#contact+email', (p) => p.email ?? ''],
  ['phone', '#contact+phone', (p) => p.phone ?? ''],
  ['external_id', '#contact+code+external', (p) => p.externalId],
];

const table = (people: ExportedPerson[], postsOf: (id: string) => string) =>
  people.map((p) => COLUMNS.map((c) => c[2](p, postsOf(p.id))));

export const peopleCsv = (people: ExportedPerson[], postsOf: (id: string) => string) =>
  toCsv(
    COLUMNS.map((c) => c[0]),
    table(people, postsOf),
    [COLUMNS.map((c) => c[1])],
  );

export const peopleXlsx = (people: ExportedPerson[], postsOf: (id: string) => string) =>
  toXlsx(
    'People',
    COLUMNS.map((c) => c[0]),
    table(people, postsOf),
    [COLUMNS.map((c) => c[1])],
  );

/** A Popolo Person (valid against the draft-03 schema); contacts only as the reader may see them. */
export function popoloPerson(p: ExportedPerson) {
  return {
    id: p.id,
    name: p.name,
    sort_name: p.sortName,
    honorific_prefix: p.honorificPrefix,
    summary: p.summary,
    ...(p.email ? { email: p.email } : {}),
    identifiers: p.externalId ? [{ identifier: p.externalId, scheme: 'external' }] : [],
    contact_details: [
      ...(p.phone ? [{ type: 'voice', value: p.phone, label: null }] : []),
      ...(p.contactDetails ?? []).map((c) => ({ type: c.type, value: c.value, label: c.label ?? null })),
    ],
    links: [{ url: p.url, note: 'Tulay' }],
    updated_at: p.updatedAt,
  };
}

/** The people and their memberships as one Popolo document. */
export function peoplePopolo(
  people: ExportedPerson[],
  memberships: Membership[],
  roleLabel: (code: string | null) => string | null,
) {
  return JSON.stringify({
    persons: people.map(popoloPerson),
    memberships: memberships.filter((m) => m.personId).map((m) => popoloMembership(m, roleLabel)),
  });
}
