// The documents the typesetting engine takes: plain data, no engine types. Every string is text,
// never markup: nothing in a title, a paragraph or a table cell is interpreted (see templates/).

export type TypesetBlock =
  /** A section heading inside a chapter. */
  | { kind: 'heading'; text: string }
  /** Plain text; a blank line inside it starts a new paragraph. */
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; caption: string; columns: string[]; rows: string[][]; source?: string }
  /** A vector chart as SVG markup, drawn as vectors (not a picture of it). */
  | { kind: 'figure'; caption: string; svg: string; alt: string; source?: string };

export interface TypesetChapter {
  title: string;
  subtitle?: string;
  authors?: string[];
  blocks: TypesetBlock[];
}

export interface TypesetEdition {
  /** BCP 47 tag of the edition; the direction follows it (ar, ur → right to left). */
  language: string;
  template: 'yearbook' | 'brief';
  title: string;
  subtitle?: string;
  year?: number;
  /** On the title page and in the running header. */
  publisher: string;
  contributors: string[];
  chapters: TypesetChapter[];
}

export interface TypesetCertificate {
  /** The participant's language: the certificate's labels and dates are in it. */
  language: string;
  participantName: string;
  courseTitle: string;
  cohortLabel?: string;
  /** ISO dates (YYYY-MM-DD); the template formats them for `language`. */
  startDate: string;
  endDate: string;
  place?: string;
  issuer: string;
  certificateNumber: string;
  issuedOn: string;
}
