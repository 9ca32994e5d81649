// Types for the tests that call the extractor.
/** Every key found in the sources (or only in these repository-relative files), sorted. */
export function extractKeys(only?: readonly string[]): Promise<string[]>;
export function mergeCatalog(
  locale: string,
  keys: readonly string[],
  existing: Record<string, string>,
): Record<string, string>;
