/** An organisation as GET /api/v1/organisations answers. */
export interface Organisation {
  id: string;
  name: string;
  names: Record<string, string>;
  acronym: string | null;
  typeCode: string | null;
  typeLabel: string | null;
  countryCode: string | null;
  countryName: string | null;
  countries: string[];
  corridors: string[];
  foundedYear: number | null;
  website: string | null;
  description: string | null;
  contactPoints: { type: 'email' | 'phone' | 'address' | 'url' | 'other'; value: string; label?: string }[];
  published: boolean;
  externalId: string | null;
  mergedIntoId: string | null;
  updatedAt: string;
  version: number;
  url: string;
  abilities: Record<string, boolean>;
}

export interface Membership {
  id: string;
  organisationId: string | null;
  personId: string | null;
  memberName: string | null;
  parentId: string;
  parentName: string;
  roleCode: string;
  roleLabel: string | null;
  label: string | null;
  countryName: string | null;
  startDate: string | null;
  endDate: string | null;
  version: number;
  abilities: Record<string, boolean>;
}

export interface OrganisationProfile extends Organisation {
  memberOf: Membership[];
  members: Membership[];
  people: Membership[];
  history: { at: string; action: string; actorEmail: string | null; outcome: string }[];
}

export interface Term {
  code: string;
  label: string;
  depth: number;
  retired: boolean;
}

export interface Grouping {
  code: string;
  kind: 'ilo_region' | 'grouping' | 'network_region';
  label: string;
}

export interface Country {
  alpha2: string;
  name: string;
}

export interface ContactPoint {
  type: 'email' | 'phone' | 'address' | 'url' | 'other';
  value: string;
  label?: string;
}

/** A person as GET /api/v1/people answers; contact fields come only to those who may read them. */
export interface Person {
  id: string;
  name: string;
  sortName: string | null;
  honorificPrefix: string | null;
  summary: string | null;
  countryCode: string | null;
  countryName: string | null;
  languages: string[];
  publicConsent: boolean;
  consentRecordedAt: string | null;
  externalId: string | null;
  email?: string | null;
  phone?: string | null;
  contactDetails?: ContactPoint[];
  updatedAt: string;
  version: number;
  url: string;
  abilities: Record<string, boolean>;
}

/** A person with the posts and affiliations they hold (memberships, oldest first). */
export interface PersonProfile extends Person {
  memberships: Membership[];
  history?: { at: string; action: string; actorEmail: string | null; outcome: string }[];
}
