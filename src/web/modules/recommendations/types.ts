export type Status = 'proposed' | 'accepted' | 'in_progress' | 'implemented' | 'rejected';

export interface RecommendationListItem {
  id: string;
  text: string;
  status: Status;
  statusSince: string | null;
  addressee: { id: string; name: string };
  dialogue: { id: string; slug: string; title: string; startsAt: string };
  themes: { code: string; label: string }[];
  countries: { code: string; name: string }[];
  demonstration: boolean;
  version: number;
}

export interface RecommendationUpdate {
  id: string;
  fromStatus: Status;
  status: Status;
  date: string;
  note: string;
  document: { id: string; title: string } | null;
  evidenceUrl: string | null;
  demonstration: boolean;
}

export interface Recommendation extends Omit<RecommendationListItem, 'text'> {
  text: string;
  texts: Record<string, string>;
  localText: string;
  next: Status[];
  dialogue: RecommendationListItem['dialogue'] & { visibility: 'public' | 'private' };
  updates: RecommendationUpdate[];
  abilities: Record<string, boolean>;
}

export interface RecommendationOptions {
  dialogues: { id: string; title: string; canAdd: boolean }[];
  governments: { id: string; name: string; countryCode: string | null }[];
  themes: { code: string; label: string }[];
}

export interface Counterparts {
  eventId: string;
  counterparts: { id: string; name: string; typeCode: string | null; countryCode: string | null }[];
  version: number;
  abilities: { update: boolean };
}
