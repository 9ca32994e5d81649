import { readdirSync, readFileSync } from 'node:fs';
import { Validator } from 'jsonschema';

/**
 * The Popolo JSON schemas (draft-03) from the shared standards folder next to the repository, with
 * a validator that resolves their references to one another. `check(record, 'person')` lists
 * the errors of one record.
 */
export function popoloSchemas() {
  const dir = new URL('../../../../shared/standards/popolo/schemas/', import.meta.url);
  const validator = new Validator();
  const schemas = Object.fromEntries(
    readdirSync(dir).map((f) => [f.replace('.json', ''), JSON.parse(readFileSync(new URL(f, dir), 'utf8'))]),
  );
  for (const s of Object.values(schemas)) validator.addSchema(s, s.id);
  return {
    check: (record: unknown, schema: string) => validator.validate(record, schemas[schema]).errors,
  };
}
