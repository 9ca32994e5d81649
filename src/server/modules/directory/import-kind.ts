import type { ImportEntity } from '../../../shared/import-targets.ts';
import type { Tx } from '../../db/client.ts';
import type { KeyValues, ParsedRow, VocabularyPolicy } from './import-rows.ts';
import type { Table } from './tabular.ts';

/** A record already in the database, as an import compares and rewrites it. */
export interface Existing {
  id: string;
  name: string;
  countryCode: string | null;
  externalId: string | null;
}

/**
 * What differs between importing organisations and importing people. The preview and the commit
 * (import-service.ts) are the same for every kind; they ask the kind for everything else.
 */
export interface ImportKind<V extends KeyValues = KeyValues, E extends Existing = Existing> {
  entity: ImportEntity;
  /** The policy resource whose `import` ability the importer needs. */
  resource: 'organisation' | 'person';
  /** The singular word in row errors ("no person with this id"). */
  noun: string;
  targets: readonly string[];
  synonyms: Record<string, string>;
  /** Whether `name_<language>` columns are targets too. */
  languageNames: boolean;
  /** Reads the rows; may look up vocabularies first (never writes). */
  parse(
    db: Tx,
    table: Table,
    mapping: Record<string, string>,
    policy: VocabularyPolicy,
  ): Promise<ParsedRow<V>[]>;
  findByExternalIds(tx: Tx, ids: string[]): Promise<E[]>;
  findByIds(tx: Tx, ids: string[]): Promise<E[]>;
  /** Candidates by lower-cased name; the caller compares countries. */
  findByNames(tx: Tx, names: string[]): Promise<E[]>;
  /** Writes the creates and the updates (updates keep what the file leaves out of `base`). */
  write(
    tx: Tx,
    plan: { creates: V[]; updates: { values: V; base: E }[]; newTypes: { code: string; label: string }[] },
    policy: VocabularyPolicy,
    tick: (n: number) => void,
  ): Promise<void>;
}
