export interface Seat {
  id: string;
  personId: string;
  personName: string | null;
  parliamentId: string;
  parliamentName: string | null;
  partyId: string | null;
  partyName: string | null;
  label: string | null;
  constituency: string | null;
  countryCode: string | null;
  countryName: string | null;
  startDate: string | null;
  endDate: string | null;
  version: number;
}

export interface CaucusMembership {
  id: string;
  caucusId: string;
  caucusName: string | null;
  personId: string;
  personName: string | null;
  roleCode: string;
  startDate: string | null;
  endDate: string | null;
  version: number;
}

export interface Resolution {
  id: string;
  caucusId: string;
  caucusName: string | null;
  meetingId: string | null;
  meeting: { id: string; slug: string; title: string; startsAt: string } | null;
  kind: 'resolution' | 'declaration';
  identifier: string | null;
  title: string;
  titles: Record<string, string>;
  localTitle: string;
  text: string;
  texts: Record<string, string>;
  localText: string;
  adoptedOn: string;
  published: boolean;
  demonstration: boolean;
  signatories: { personId: string; name: string; postId: string | null; postLabel: string | null }[];
  version: number;
  abilities: Record<string, boolean>;
}

interface Named {
  id: string;
  name: string;
  acronym: string | null;
}

export interface CaucusOptions {
  caucuses: Named[];
  parliaments: Named[];
  parties: Named[];
  meetings: { id: string; title: string; startsAt: string }[];
  abilities: Record<string, boolean>;
}
