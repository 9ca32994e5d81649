/**
 * Case vocabularies kept as data in this module so cases do not depend on the vocabularies module's
 * tables: codes are stored as text. Migration cases_seed_vocabularies loads the same codes into the
 * shared vocabularies ('case_violation', 'case_sector') for translation; vocabulary.test.ts keeps them equal. Violation types follow the spirit of the HURIDOCS micro-thesauri
 * (hierarchical acts), with codes whose dots give the depth.
 */
export const VIOLATIONS: ReadonlyArray<{ code: string; label: string; parent?: string }> = [
  { code: 'labour', label: 'Labour rights violations' },
  { code: 'labour.wage_theft', label: 'Wage theft', parent: 'labour' },
  { code: 'labour.wage_theft.unpaid', label: 'Unpaid wages', parent: 'labour.wage_theft' },
  { code: 'labour.wage_theft.underpaid', label: 'Wages below contract', parent: 'labour.wage_theft' },
  { code: 'labour.wage_theft.deductions', label: 'Illegal deductions', parent: 'labour.wage_theft' },
  { code: 'labour.contract_substitution', label: 'Contract substitution', parent: 'labour' },
  { code: 'labour.excessive_hours', label: 'Excessive hours, no rest day', parent: 'labour' },
  { code: 'labour.unfair_dismissal', label: 'Unfair dismissal', parent: 'labour' },
  { code: 'recruitment', label: 'Recruitment abuses' },
  { code: 'recruitment.fees', label: 'Illegal recruitment fees', parent: 'recruitment' },
  { code: 'recruitment.deception', label: 'Deception about the job', parent: 'recruitment' },
  { code: 'recruitment.debt_bondage', label: 'Debt bondage', parent: 'recruitment' },
  { code: 'liberty', label: 'Restrictions of liberty' },
  { code: 'liberty.passport_confiscation', label: 'Passport confiscation', parent: 'liberty' },
  { code: 'liberty.confinement', label: 'Confinement at the workplace', parent: 'liberty' },
  { code: 'liberty.detention', label: 'Detention', parent: 'liberty' },
  { code: 'liberty.deportation', label: 'Deportation or threat of it', parent: 'liberty' },
  { code: 'abuse', label: 'Violence and abuse' },
  { code: 'abuse.physical', label: 'Physical abuse', parent: 'abuse' },
  { code: 'abuse.sexual', label: 'Sexual abuse or harassment', parent: 'abuse' },
  { code: 'abuse.psychological', label: 'Threats and psychological abuse', parent: 'abuse' },
  { code: 'abuse.food_deprivation', label: 'Deprivation of food or rest', parent: 'abuse' },
  { code: 'trafficking', label: 'Trafficking indicators' },
  { code: 'trafficking.forced_labour', label: 'Forced labour', parent: 'trafficking' },
  { code: 'trafficking.sale', label: 'Sale or transfer of the worker', parent: 'trafficking' },
  { code: 'access_to_justice', label: 'Access to justice' },
  { code: 'access_to_justice.no_interpreter', label: 'No interpreter', parent: 'access_to_justice' },
  {
    code: 'access_to_justice.false_charges',
    label: 'False charges (e.g. absconding)',
    parent: 'access_to_justice',
  },
  { code: 'health', label: 'Health and safety' },
  { code: 'health.injury', label: 'Workplace injury', parent: 'health' },
  { code: 'health.denied_care', label: 'Denied medical care', parent: 'health' },
  { code: 'death', label: 'Death of a worker' },
];
export const VIOLATION_CODES = VIOLATIONS.map((v) => v.code) as [string, ...string[]];

export const SECTORS = [
  'domestic_work',
  'construction',
  'fishing',
  'agriculture',
  'manufacturing',
  'hospitality',
  'care',
  'cleaning',
  'transport',
  'entertainment',
  'other',
] as const;

export const CASE_STATUSES = ['intake', 'assessment', 'active', 'referred', 'closed'] as const;
export const OUTCOMES = [
  'resolved',
  'compensation_recovered',
  'withdrawn',
  'lost',
  'settled',
  'no_contact',
  'other',
] as const;
export const CONSENT_PURPOSES = ['handling', 'sharing', 'statistics'] as const;
export const CONSENT_METHODS = [
  'written',
  'verbal',
  'online_form',
  'recorded_call',
  'through_representative',
] as const;
export const EVENT_KINDS = ['event', 'action', 'note', 'reply', 'client_message', 'status_change'] as const;

/** What a referral may share. The client's identity is a field like any other: shared only when named. */
export const SHAREABLE_FIELDS = ['client', 'narrative', 'facts', 'timeline', 'files'] as const;

export { NEXT_STATUSES } from '../../../shared/case-workflow.ts';
