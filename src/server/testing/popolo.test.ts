import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { POPOLO_SCHEMA_DIR, popoloSchemas } from './popolo.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

describe('vendored Popolo schemas', () => {
  it('are read from inside the repository, with their licence and source note', () => {
    const dir = fileURLToPath(POPOLO_SCHEMA_DIR);
    expect(dir.startsWith(repoRoot)).toBe(true);
    const files = readdirSync(dir);
    for (const s of ['organization', 'membership', 'person', 'post', 'area', 'contact_detail']) {
      expect(files).toContain(`${s}.json`);
    }
    const licence = readFileSync(new URL('../LICENSE', POPOLO_SCHEMA_DIR), 'utf8');
    expect(licence).toContain('Creative Commons Attribution 4.0 International Public License');
    const source = readFileSync(new URL('../SOURCE.md', POPOLO_SCHEMA_DIR), 'utf8');
    expect(source).toContain('popolo-project/popolo-spec');
  });

  it('resolve their references to one another', () => {
    const popolo = popoloSchemas();
    expect(popolo.check({ name: 'A', memberships: [{ person_id: 'p' }] }, 'organization')).toEqual([]);
    expect(popolo.check({ founding_date: 'yesterday' }, 'organization')).not.toEqual([]);
  });
});

/** Every source file of the folders the tests and tools run from. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'standards') return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mjs|js)$/.test(name) ? [path] : [];
  });
}

describe('no code reads the shared folder next to the repository', () => {
  it('src, e2e, bench and scripts name neither ../shared/standards, ../shared/seeds nor /work/shared', () => {
    const outside = /(\.\.\/)+shared\/(standards|seeds)|\/work\/shared/;
    const offenders = ['src', 'e2e', 'bench', 'scripts']
      .flatMap((d) => sourceFiles(join(repoRoot, d)))
      .filter((f) => f !== fileURLToPath(import.meta.url))
      .filter((f) => outside.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
