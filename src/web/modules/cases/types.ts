export interface CaseListItem {
  id: string;
  reference: string;
  title: string;
  status: string;
  originCountry: string | null;
  destinationCountry: string | null;
  sector: string | null;
  updatedAt: string;
}

export interface CaseDetail {
  id: string;
  reference: string;
  title: string;
  status: string;
  source: string;
  organisationName: string;
  access: 'team' | 'referral';
  facts: Record<string, unknown> | null;
  client: { name?: string; contacts?: { kind: string; value: string }[] } | null;
  narrative: string | null;
  version: number;
  abilities: Record<string, boolean>;
}

export interface CaseEvent {
  id: string;
  kind: string;
  visibility: string;
  createdAt: string;
  text: string | null;
}
