export interface Coded {
  code: string;
  label: string;
}

export interface PracticeRow {
  id: string;
  title: string;
  status: string;
  organisationName: string;
  updatedAt: string;
  version: number;
}

export interface Practice {
  id: string;
  title: string;
  localTitle: string;
  description: string;
  localDescription: string;
  status: string;
  responsible: { organisationId: string; name: string; type: Coded }[];
  regions: Coded[];
  countries: Coded[];
  themes: Coded[];
  mlflm: Coded[];
  periodStart: string | null;
  periodEnd: string | null;
  sources: { title: string; url?: string }[];
  version: number;
  abilities: Record<string, boolean>;
  history?: {
    id: string;
    action: string;
    comment: string | null;
    actorName: string | null;
    at: string;
    toStatus: string | null;
  }[];
}

export interface Term {
  code: string;
  label: string;
  depth: number;
}
