import { toCsv } from '../../platform/http/csv.ts';
import type { PresentedRow } from './present.ts';

/** The filtered list as CSV: one row per agreement, lists joined with "; ", HXL tags beneath the header. */
export function agreementsCsv(rows: PresentedRow[]): string {
  const header = [
    'slug',
    'title',
    'type',
    'status',
    'parties',
    'signed_on',
    'in_force_on',
    'expires_on',
    'provisions',
    'corridors',
    'demonstration',
  ];
  const hxl = [
    '#meta+id',
    '#meta+title',
    '#x_agreement+type',
    '#status',
    '#country+code',
    '#date+signed',
    '#date+start',
    '#date+end',
    '#x_provision+code',
    '#x_corridor',
    '#meta+demo',
  ];
  return toCsv(
    header,
    rows.map((r) => [
      r.slug,
      r.title,
      r.typeCode,
      r.status,
      r.parties.map((p) => p.code).join('; '),
      r.signedOn,
      r.inForceOn,
      r.expiresOn,
      r.provisions.map((p) => p.code).join('; '),
      r.corridors.map((c) => c.code).join('; '),
      r.demonstration ? 'yes' : 'no',
    ]),
    [hxl],
  );
}
