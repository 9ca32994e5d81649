import { readdirSync, readFileSync } from 'node:fs';
import { Validator } from 'jsonschema';

/** The vendored copy (see standards/popolo/SOURCE.md): tests read nothing outside the repository. */
export const POPOLO_SCHEMA_DIR = new URL('./standards/popolo/schemas/', import.meta.url);

/**
 * The Popolo JSON schemas (draft-03), with a validator that resolves their references to one
 * another. `check(record, 'person')` lists the errors of one record.
 */
export function popoloSchemas() {
  const dir = POPOLO_SCHEMA_DIR;
  const validator = new Validator();
  const schemas = Object.fromEntries(
    readdirSync(dir).map((f) => [f.replace('.json', ''), JSON.parse(readFileSync(new URL(f, dir), 'utf8'))]),
  );
  for (const s of Object.values(schemas)) validator.addSchema(s, s.id);
  return {
    check: (record: unknown, schema: string) => validator.validate(record, schemas[schema]).errors,
  };
}
