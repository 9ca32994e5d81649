/**
 * The organisation fields an import can fill, shared by the server (which reads rows through a
 * column → field mapping) and the import screen (which lets the person choose that mapping).
 * Names in other languages map to `name_<language code>`.
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
