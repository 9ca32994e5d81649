export type ProgrammeStatus = 'draft' | 'published' | 'archived';

export interface Coded {
  code: string;
  label: string;
}

export interface ProgrammeOrganisation {
  id: string;
  name: string;
  acronym: string | null;
  published?: boolean;
}

export interface ProgrammeRow {
  id: string;
  slug: string;
  name: string;
  localName: string;
  localSummary: string | null;
  status: ProgrammeStatus;
  periodStart: string | null;
  periodEnd: string | null;
  countries: Coded[];
  demonstration: boolean;
  runningOrganisations: ProgrammeOrganisation[];
  version: number;
}

export interface ProgrammePerson {
  personId: string;
  name: string;
  role: 'staff' | 'area_coordinator';
  countryCode: string | null;
  countryName: string | null;
  label: string | null;
  startDate: string | null;
  endDate: string | null;
}

export interface ReachPoint {
  year: number;
  value: number;
}

export interface Indicator {
  label: string;
  labels: Record<string, string>;
  localLabel: string;
  source: 'manual' | 'cases_handled' | 'event_participants' | 'trained';
  entered: ReachPoint[];
  values: ReachPoint[];
  withheld: boolean;
}

export interface LinkedWork {
  kind: string;
  heading: string;
  items: { title: string; href: string; publicHref?: string; note?: string }[];
}

export interface Programme extends ProgrammeRow {
  names: Record<string, string>;
  summary: string | null;
  summaries: Record<string, string>;
  themes: Coded[];
  targetGroups: Coded[];
  partnerOrganisations: ProgrammeOrganisation[];
  secretariatOrganisations: ProgrammeOrganisation[];
  people: ProgrammePerson[];
  indicators: Indicator[];
  linkedWork: LinkedWork[];
  corridorCases: { corridor: string; cases: number }[] | null;
  publishedAt: string | null;
  abilities: Record<string, boolean>;
}

/** Status names, English for the extractor (t() translates them where shown). */
export const STATUS_LABELS: Record<ProgrammeStatus, string> = {
  draft: 'Draft',
  published: 'Published',
  archived: 'Archived',
};
