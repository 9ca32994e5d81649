import { msg } from '../../app/capability.ts';

// The cases API speaks in codes; these are their names on screen (English in msg(), translated by t()).
// The codes mirror src/server/modules/cases/vocabulary.ts, which the web bundle does not import;
// the workflow itself is shared (src/shared/case-workflow.ts).

export const STATUS_LABELS: Record<string, string> = {
  intake: msg('Intake'),
  assessment: msg('Assessment'),
  active: msg('Active'),
  referred: msg('Referred'),
  closed: msg('Closed'),
};

export const OUTCOME_LABELS: Record<string, string> = {
  resolved: msg('Resolved'),
  compensation_recovered: msg('Compensation recovered'),
  withdrawn: msg('Withdrawn by the client'),
  lost: msg('Lost'),
  settled: msg('Settled'),
  no_contact: msg('Contact lost'),
  other: msg('Other outcome'),
};

export const CONSENT_PURPOSE_LABELS: Record<string, string> = {
  handling: msg('Handling the case'),
  sharing: msg('Sharing with an organisation or country'),
  statistics: msg('Anonymised statistics'),
};

export const CONSENT_METHOD_LABELS: Record<string, string> = {
  written: msg('Written and signed'),
  verbal: msg('Spoken, noted by the case worker'),
  online_form: msg('Online form'),
  recorded_call: msg('Recorded call'),
  through_representative: msg('Through a representative'),
};

/**
 * Every kind of timeline entry (EVENT_KINDS on the server). Staff add the first four; the client's
 * messages and status changes are written by the system, and are named too, never shown as codes.
 */
export const EVENT_KIND_LABELS: Record<string, string> = {
  note: msg('Internal note'),
  action: msg('Action taken'),
  event: msg('Event'),
  reply: msg('Reply the client can read'),
  client_message: msg('Message from the client'),
  status_change: msg('Status change'),
};

/** The kinds a person may add to a timeline by hand. */
export const STAFF_EVENT_KINDS = ['note', 'action', 'event', 'reply'] as const;

/** A timeline entry's kind in the reader's language; an unknown (newer) code is shown as it is. */
export const eventKindLabel = (kind: string, t: (s: string) => string) =>
  EVENT_KIND_LABELS[kind] ? t(EVENT_KIND_LABELS[kind]) : kind;

export const SHAREABLE_FIELD_LABELS: Record<string, string> = {
  client: msg('Client identity and contacts'),
  narrative: msg('Narrative'),
  facts: msg('Facts (corridor, sector, violations)'),
  timeline: msg('Timeline'),
  files: msg('Evidence files'),
};

export const REFERRAL_STATUS_LABELS: Record<string, string> = {
  pending: msg('Waiting for an answer'),
  accepted: msg('Accepted'),
  rejected: msg('Rejected'),
  revoked: msg('Revoked'),
};

/** Options for a Select from a label table, translated. */
export const optionsOf = (labels: Record<string, string>, t: (s: string) => string) =>
  Object.entries(labels).map(([value, label]) => ({ value, label: t(label) }));

/** The sectors a case names (the public Get-help form renders the same labels on the server). */
export const SECTOR_OPTIONS = [
  ['domestic_work', msg('Domestic work')],
  ['construction', msg('Construction')],
  ['fishing', msg('Fishing')],
  ['agriculture', msg('Agriculture')],
  ['manufacturing', msg('Factory work')],
  ['care', msg('Care work')],
  ['other', msg('Other work')],
] as const;
