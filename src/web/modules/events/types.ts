export interface EventListItem {
  id: string;
  slug: string;
  kindCode: string;
  kindLabel: string;
  title: string;
  organisationName: string;
  programmeName: string | null;
  online: boolean;
  city: string | null;
  countryCode: string | null;
  countryName: string | null;
  startsAt: string;
  endsAt: string;
  startsLocal: string;
  endsLocal: string;
  timeZone: string;
  visibility: 'public' | 'private';
  capacity: number | null;
  demonstration: boolean;
}

export interface Session {
  id: string;
  title: string;
  room: string | null;
  startsLocal: string;
  endsLocal: string;
  startsAt: string;
  endsAt: string;
  speakers: { id: string; name: string }[];
}

export interface EventRecord extends Omit<EventListItem, 'organisationName'> {
  description: string;
  organisationId: string;
  programmeId: string | null;
  organisers: { organisationId: string; name: string }[];
  partners: { organisationId: string; name: string }[];
  venue: string | null;
  languages: string[];
  seatsTaken: number;
  days: string[];
  documents: { id: string; title: string }[];
  sessions: Session[];
  version: number;
  abilities: Record<string, boolean>;
}

export interface Participant {
  id: string;
  personId: string | null;
  name: string;
  email: string | null;
  organisationName: string | null;
  status: string;
  source: 'staff' | 'public';
  matchState: 'linked' | 'review' | 'unmatched';
  candidates: { id: string; name: string; email: string | null }[];
  accessibilityNeeds: string | null;
  languageNeeds: string | null;
  attendance: ({ day: string } | { sessionId: string })[];
  version: number;
}

export interface ParticipantList {
  data: Participant[];
  days: string[];
  capacity: number | null;
  seatsTaken: number;
}
