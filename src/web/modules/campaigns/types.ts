export interface Stage {
  code: string;
  label: string;
  labels: Record<string, string>;
  localLabel: string;
  position: number;
  colour: string;
  count?: number;
}

export interface CountryTracker {
  country: string;
  countryName: string;
  stage: string;
  stageLabel: string;
  stagePosition: number;
  since: string | null;
  sourceUrl: string | null;
  note: string;
  demonstration: boolean;
  version: number;
}

export interface StageChange {
  id: string;
  country: string;
  countryName: string;
  fromStage: string | null;
  fromStageLabel: string | null;
  stage: string;
  stageLabel: string;
  date: string;
  sourceUrl: string | null;
  note: string;
  demonstration: boolean;
  correction: boolean;
  recordedAt: string;
}

export interface Campaign {
  id: string;
  slug: string;
  name: string;
  names: Record<string, string>;
  localName: string;
  goal: string;
  goals: Record<string, string>;
  localGoal: string;
  typeCode: string;
  typeLabel: string;
  status: 'draft' | 'published';
  organisationId: string;
  organisationName: string | null;
  programmeId: string | null;
  programmeName: string | null;
  statementId: string | null;
  statementTitle: string | null;
  periodStart: string;
  periodEnd: string | null;
  stages: Stage[];
  countryCodes: string[];
  endorsementCount: number;
  version: number;
  abilities: Record<string, boolean>;
  countries: CountryTracker[];
  timeline: StageChange[];
}

export interface CampaignRow {
  id: string;
  slug: string;
  name: string;
  names: Record<string, string>;
  typeCode: string;
  status: 'draft' | 'published';
  organisationName: string;
  periodStart: string;
  periodEnd: string | null;
  countryCount: number;
  endorsementCount: number;
}

export interface Endorsement {
  id: string;
  organisationId: string;
  organisationName: string;
  acronym: string | null;
  endorsedOn: string;
  abilities: Record<string, boolean>;
}
