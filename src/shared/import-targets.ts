/**
 * The fields an import can fill, per kind of record, shared by the server (which reads rows through
 * a column → field mapping) and the import screen (which lets the person choose that mapping).
 * Organisation names in other languages map to `name_<language code>`.
 */
export const IMPORT_TARGETS = [
  'id',
  'external_id',
  'name',
  'acronym',
  'type',
  'country',
  'countries',
  'corridors',
  'founded_year',
  'website',
  'description',
  'published',
  'contact_email',
  'contact_phone',
] as const;
export type ImportTarget = (typeof IMPORT_TARGETS)[number] | `name_${string}`;

export const PEOPLE_IMPORT_TARGETS = [
  'id',
  'external_id',
  'name',
  'sort_name',
  'honorific_prefix',
  'summary',
  'country',
  'languages',
  'email',
  'phone',
  'public_consent',
] as const;
export type PeopleImportTarget = (typeof PEOPLE_IMPORT_TARGETS)[number];

/** What the rows of an import hold. */
export const IMPORT_ENTITIES = ['organisations', 'people'] as const;
export type ImportEntity = (typeof IMPORT_ENTITIES)[number];
