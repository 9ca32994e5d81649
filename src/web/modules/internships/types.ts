export interface ApplicationRow {
  id: string;
  name: string;
  status: string;
  opportunityId: string;
  opportunityTitle: string;
  organisationId: string;
  createdAt: string;
  version: number;
}

export interface Placement {
  id: string;
  applicationId: string | null;
  internPersonId: string;
  internName: string;
  schoolOrganisationId: string | null;
  schoolName: string | null;
  supervisorPersonId: string | null;
  supervisorName: string | null;
  programmeId: string | null;
  programmeName: string | null;
  startsOn: string;
  endsOn: string;
  version: number;
}

export interface Application {
  id: string;
  opportunityId: string;
  opportunityTitle: string;
  name: string;
  email: string;
  phone: string | null;
  school: string | null;
  availableFrom: string | null;
  availableUntil: string | null;
  motivation: string;
  consentedAt: string;
  status: string;
  note: string | null;
  createdAt: string;
  version: number;
  moves: string[];
  placement: Placement | null;
  abilities: Record<string, boolean>;
}

export interface Opportunity {
  id: string;
  organisationId: string;
  organisationName?: string;
  programmeId: string | null;
  programmeName: string | null;
  title: string;
  localTitle: string;
  description: string;
  open: boolean;
  demonstration: boolean;
  version: number;
  abilities: Record<string, boolean>;
}

export interface ProgrammeChoice {
  id: string;
  name: string;
  organisationName: string;
}

export interface Match {
  id: string;
  name: string;
  email: string | null;
  countryCode: string | null;
}
