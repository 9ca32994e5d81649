import type { Actor } from '../../platform/access/actor.ts';
import { abilitiesFor } from '../../platform/access/policy.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { countryName } from '../geography/countries.ts';
import type { Term } from '../vocabularies/service.ts';
import type { MembershipRow, OrganisationRow } from './repository.ts';

export type OrganisationListRow = Omit<OrganisationRow, 'searchText'>;

/** Looks up labels of terms by code, for presenting many records with one vocabulary query. */
export function labeller(terms: Term[]) {
  const byCode = new Map(terms.map((t) => [t.code, t]));
  return (code: string | null | undefined) => (code ? (byCode.get(code)?.label ?? code) : null);
}

export const organisationPath = (id: string) => `/directory/organisations/${id}`;
export const publicOrganisationPath = (id: string) => `/directory/public/${id}`;

/** An organisation as the web app shows it: labels in the reader's language, its URL and abilities. */
export function presentOrganisation(
  ctx: Pick<Ctx, 'actor' | 'locale' | 'config'>,
  row: OrganisationListRow,
  typeLabel: (code: string | null) => string | null,
) {
  return {
    id: row.id,
    name: row.name,
    names: row.names,
    acronym: row.acronym,
    typeCode: row.typeCode,
    typeLabel: typeLabel(row.typeCode),
    countryCode: row.countryCode,
    countryName: row.countryCode ? countryName(row.countryCode, ctx.locale) : null,
    countries: row.countries,
    corridors: row.corridors,
    foundedYear: row.foundedYear,
    website: row.website,
    description: row.description,
    contactPoints: row.contactPoints,
    published: row.published,
    externalId: row.externalId,
    mergedIntoId: row.mergedIntoId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    url: `${ctx.config.publicUrl}${organisationPath(row.id)}`,
    abilities: abilitiesFor(ctx.actor, 'organisation', row),
  };
}

/** What the public sees of a published organisation: no contact points but the website, no internal ids. */
export function presentPublicOrganisation(
  ctx: Pick<Ctx, 'locale' | 'config'>,
  row: OrganisationListRow,
  typeLabel: (code: string | null) => string | null,
) {
  return {
    id: row.id,
    name: row.name,
    names: row.names,
    acronym: row.acronym,
    typeCode: row.typeCode,
    typeLabel: typeLabel(row.typeCode),
    countryCode: row.countryCode,
    countryName: row.countryCode ? countryName(row.countryCode, ctx.locale) : null,
    countries: row.countries,
    foundedYear: row.foundedYear,
    website: row.website,
    description: row.description,
    url: `${ctx.config.publicUrl}${publicOrganisationPath(row.id)}`,
  };
}

type MembershipView = MembershipRow & {
  memberName: string | null;
  parentName: string;
  parentTypeCode: string | null;
};

export function presentMembership(
  actor: Actor,
  m: MembershipView,
  roleLabel: (code: string | null) => string | null,
  locale: string,
) {
  return {
    id: m.id,
    organisationId: m.organisationId,
    personId: m.personId,
    memberName: m.memberName,
    parentId: m.parentId,
    parentName: m.parentName,
    roleCode: m.roleCode,
    roleLabel: roleLabel(m.roleCode),
    label: m.label,
    countryCode: m.countryCode,
    countryName: m.countryCode ? countryName(m.countryCode, locale) : null,
    startDate: m.startDate,
    endDate: m.endDate,
    version: m.version,
    abilities: abilitiesFor(actor, 'membership', m),
  };
}

/** schema.org Organization JSON-LD for a public organisation page. */
export function organisationJsonLd(
  o: ReturnType<typeof presentPublicOrganisation>,
  memberOf: { id: string; name: string }[],
  baseUrl: string,
) {
  return {
    '@context': 'https://schema.org',
    '@type': 'Organization',
    '@id': o.url,
    url: o.website ?? o.url,
    name: o.name,
    ...(o.acronym ? { alternateName: o.acronym } : {}),
    ...(o.description ? { description: o.description } : {}),
    ...(o.foundedYear ? { foundingDate: String(o.foundedYear) } : {}),
    ...(o.countryCode ? { address: { '@type': 'PostalAddress', addressCountry: o.countryCode } } : {}),
    ...(o.countries.length ? { areaServed: o.countries.map((c) => ({ '@type': 'Country', name: c })) } : {}),
    ...(memberOf.length
      ? {
          memberOf: memberOf.map((m) => ({
            '@type': 'Organization',
            '@id': `${baseUrl}${publicOrganisationPath(m.id)}`,
            name: m.name,
          })),
        }
      : {}),
  };
}
