import { toCsv } from '../../platform/http/csv.ts';
import type { presentOrganisation } from './present.ts';
import type { MembershipRow } from './repository.ts';
import { toXlsx } from './tabular.ts';

type Org = ReturnType<typeof presentOrganisation>;
type Membership = MembershipRow & { memberName: string | null };

/** Columns of an organisation export, each with its HXL hashtag (second header row). */
const COLUMNS: [string, string, (o: Org) => unknown][] = [
  ['id', '#org+id', (o) => o.id],
  ['url', '#meta+url', (o) => o.url],
  ['name', '#org+name', (o) => o.name],
  ['acronym', '#org+acronym', (o) => o.acronym],
  ['type', '#org+type+code', (o) => o.typeCode],
  ['type_label', '#org+type+name', (o) => o.typeLabel],
  ['country', '#country+code+hq', (o) => o.countryCode],
  ['country_name', '#country+name+hq', (o) => o.countryName],
  ['countries', '#country+code+active', (o) => o.countries.join(';')],
  ['corridors', '#meta+corridor', (o) => o.corridors.join(';')],
  ['founded_year', '#date+year+founded', (o) => o.foundedYear],
  ['website', '#contact+url', (o) => o.website],
  ['description', '#description', (o) => o.description],
  ['published', '#status+published', (o) => (o.published ? 'yes' : 'no')],
  ['external_id', '#org+code+external', (o) => o.externalId],
  ['updated_at', '#date+updated', (o) => o.updatedAt],
];

export function organisationsCsv(rows: Org[]): string {
  return toCsv(
    COLUMNS.map((c) => c[0]),
    rows.map((o) => COLUMNS.map((c) => c[2](o))),
    [COLUMNS.map((c) => c[1])],
  );
}

export function organisationsXlsx(rows: Org[]): Promise<Buffer> {
  return toXlsx(
    'Organisations',
    COLUMNS.map((c) => c[0]),
    rows.map((o) => COLUMNS.map((c) => c[2](o))),
    [COLUMNS.map((c) => c[1])],
  );
}

/** A Popolo Organization (popoloproject.com), valid against the draft-03 schema. */
export function popoloOrganization(o: Org) {
  return {
    id: o.id,
    name: o.name,
    other_names: [
      ...Object.entries(o.names ?? {}).map(([lang, name]) => ({ name, note: `name in ${lang}` })),
      ...(o.acronym ? [{ name: o.acronym, note: 'acronym' }] : []),
    ],
    identifiers: o.externalId ? [{ identifier: o.externalId, scheme: 'external' }] : [],
    classification: o.typeLabel,
    area_id: o.countryCode,
    description: o.description,
    founding_date: o.foundedYear ? String(o.foundedYear).padStart(4, '0') : null,
    contact_details: (o.contactPoints ?? []).map((c) => ({
      type: c.type,
      value: c.value,
      label: c.label ?? null,
    })),
    links: [{ url: o.url, note: 'Tulay' }, ...(o.website ? [{ url: o.website, note: 'website' }] : [])],
    created_at: o.createdAt,
    updated_at: o.updatedAt,
  };
}

const timestamp = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** A Popolo Membership: an organisation or person in an organisation, with role and dates. */
export function popoloMembership(m: Membership, roleLabel: (code: string | null) => string | null) {
  return {
    id: m.id,
    label: m.label,
    role: roleLabel(m.roleCode),
    organization_id: m.parentId,
    ...(m.personId
      ? { person_id: m.personId }
      : { member: { '@type': 'Organization', id: m.organisationId, name: m.memberName } }),
    area_id: m.countryCode,
    start_date: m.startDate,
    end_date: m.endDate,
    created_at: timestamp(m.createdAt),
    updated_at: timestamp(m.updatedAt),
  };
}
