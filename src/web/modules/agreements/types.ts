export interface Labelled {
  code: string;
  label: string;
}

export interface AgreementRow {
  id: string;
  slug: string;
  title: string;
  localTitle: string;
  typeCode: string;
  typeLabel: string;
  status: string;
  statusLabel: string;
  parties: (Labelled & { kind: 'country' | 'grouping' })[];
  signedOn: string | null;
  inForceOn: string | null;
  expiresOn: string | null;
  provisions: (Labelled & { note?: string })[];
  corridors: Labelled[];
  published: boolean;
  demonstration: boolean;
  version: number;
}

export interface PublicationRef {
  id: string;
  title: string;
  isPublic: boolean;
}

export interface MonitoringEntry {
  id: string;
  observedOn: string;
  finding: string;
  sources: { title: string; url?: string }[];
  publicationIds: string[];
  publications: PublicationRef[];
  version: number;
}

export interface Agreement extends AgreementRow {
  titles: Record<string, string>;
  summary: string;
  partyCountries: string[];
  partyGroupings: string[];
  documentIds: string[];
  documents: PublicationRef[];
  monitoring: MonitoringEntry[];
  statistics: { roundedTo: number; data: { corridor: string; cases: number }[] };
  abilities: Record<string, boolean>;
}
