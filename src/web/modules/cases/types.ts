export interface CaseListItem {
  id: string;
  reference: string;
  /** Null once the case was shredded (the title is sealed under the case's key). */
  title: string | null;
  status: string;
  originCountry: string | null;
  destinationCountry: string | null;
  sector: string | null;
  updatedAt: string;
}

export interface CaseDetail {
  id: string;
  reference: string;
  /** Null once the case was shredded. */
  title: string | null;
  status: string;
  source: string;
  organisationId: string;
  organisationName: string;
  access: 'team' | 'referral';
  facts: Record<string, unknown> | null;
  client: { name?: string; contacts?: { kind: string; value: string }[] } | null;
  narrative: string | null;
  retentionUntil: string | null;
  /** The people assigned to the case (shown to the team only). */
  assignees?: Assignee[];
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

export interface Consent {
  id: string;
  purpose: string;
  scopeOrganisationId: string | null;
  scopeOrganisationName: string | null;
  scopeCountry: string | null;
  obtainedOn: string;
  method: string;
  createdAt: string;
  withdrawnAt: string | null;
  active: boolean;
}

export interface Referral {
  id: string;
  /** Null for the receiver once the referral was revoked or rejected. */
  caseId: string | null;
  fromOrganisationId: string;
  fromOrganisationName: string;
  caseReference: string | null;
  caseTitle: string | null;
  toOrganisationId: string;
  toOrganisationName: string;
  toCountry: string | null;
  sharedFields: string[];
  status: 'pending' | 'accepted' | 'rejected' | 'revoked';
  note: string | null;
  overridden: boolean;
  overrideReason: string | null;
  createdAt: string;
  respondedAt: string | null;
  responseReason: string | null;
  revokedAt: string | null;
  version: number;
  abilities: Record<string, boolean>;
}

export interface Assignee {
  userId: string;
  name: string;
}
