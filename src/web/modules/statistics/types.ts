export interface Dataset {
  id: string;
  code: string;
  titles: Record<string, string>;
  source: string;
  citation: string;
  licence: string;
  retrievedOn: string | null;
  url: string;
  published: boolean;
  network: boolean;
  demonstration: boolean;
  observations?: number;
  version: number;
  abilities: Record<string, boolean>;
}

export interface ImportSummary {
  read: number;
  new: number;
  changed: number;
  unchanged: number;
  refused: number;
  skipped: Record<string, number>;
  newIndicators: string[];
}

export interface StatisticsImport {
  id: string;
  format: string;
  fileName: string;
  status: 'preview' | 'committed';
  summary: ImportSummary;
  refused: { line: number; reason: string }[];
  version: number;
  createdAt: string;
  committedAt: string | null;
}

export interface Indicator {
  id: string;
  code: string;
  labels: Record<string, string>;
  unit: string;
  flow: 'stock' | 'inflow' | 'outflow' | 'other';
  definitions: Record<string, string>;
  version: number;
  abilities: Record<string, boolean>;
}

export const titleOf = (labels: Record<string, string>, language: string, fallback: string) =>
  labels[language] || labels.en || fallback;
