export interface FigureSpec {
  indicator: string;
  area: string;
  counterpart?: string;
  periodFrom?: string;
  periodTo?: string;
  sex?: 'T' | 'F' | 'M' | 'all';
  display: 'line' | 'bar' | 'table';
  caption?: string;
}

export interface Chapter {
  id: string;
  position: number;
  kind: 'country' | 'thematic';
  title: string;
  countryCode: string | null;
  countryName: string | null;
  coordinatorUserId: string | null;
  coordinatorName: string | null;
  body: string;
  figures: FigureSpec[];
  version: number;
  abilities: { write: boolean };
}

export interface Render {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  byteSize: number | null;
  error: string | null;
}

export interface Edition {
  id: string;
  slug: string;
  kind: 'yearbook' | 'brief';
  year: number;
  title: string;
  subtitle: string;
  language: string;
  status: 'draft' | 'in_review' | 'approved' | 'published';
  contributors: { personId?: string; organisationId?: string; role: string; name: string }[];
  history: { from: string; to: string; name: string; at: string; comment: string }[];
  publicationId: string | null;
  demonstration: boolean;
  chapters: Chapter[];
  render: Render | null;
  version: number;
  abilities: Record<string, boolean>;
}

export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; caption: string; columns: string[]; rows: string[][]; source?: string }
  | { kind: 'figure'; caption: string; svg: string; alt: string; source?: string };
