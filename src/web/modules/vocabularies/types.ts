import { LOCALES } from '../../../shared/locales.ts';

/** A vocabulary as GET /api/v1/vocabularies answers. */
export interface Vocabulary {
  key: string;
  labels: Record<string, string>;
  label: string;
  description: string | null;
  version: number;
  abilities: Record<string, boolean>;
}

/** A term as GET /api/v1/vocabularies/:key/terms answers: ordered as a tree, parents first. */
export interface VocabularyTerm {
  id: string;
  code: string;
  parentCode: string | null;
  depth: number;
  position: number;
  labels: Record<string, string>;
  label: string;
  scopeNote: string | null;
  retired: boolean;
  version: number;
  abilities: Record<string, boolean>;
}

/** What a CSV import did (or, as a dry run, would do). */
export interface ImportResult {
  dryRun: boolean;
  created: string[];
  updated: string[];
  unchanged: string[];
  errors: { field: string; code: string; message: string }[];
}

/** The interface languages a label can be given in; English first and required. */
export const LABEL_LANGUAGES = LOCALES.map((l) => ({ code: l.code, name: l.name, dir: l.dir }));

/** Same rules as the server's: lowercase letter first, then letters, digits and underscores. */
export const KEY_PATTERN = '[a-z][a-z0-9_]{1,62}';
export const CODE_PATTERN = '[a-z0-9][a-z0-9_.\\-]{0,62}';
