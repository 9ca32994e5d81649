import type { Tx } from '../../db/client.ts';
import type { FieldError } from '../../platform/http/problem.ts';
import { problems } from '../../platform/http/problem.ts';
import { isCountryCode, parseCorridor } from '../geography/countries.ts';
import { findGrouping } from '../geography/service.ts';
import { termsOf } from '../vocabularies/service.ts';
import * as repo from './repository.ts';

export interface AgreementRefs {
  partyCountries?: string[];
  partyGroupings?: string[];
  provisions?: { code: string }[];
  corridors?: string[];
  documentIds?: string[];
}

const unknownField = (field: string, values: string[]): FieldError => ({
  field: `body.${field}`,
  code: 'unknown_code',
  message: `Unknown: ${values.slice(0, 10).join(', ')}`,
});

/** Checks every party, provision, corridor and document against the geography, vocabulary and library. */
export async function checkReferences(tx: Tx, input: AgreementRefs): Promise<void> {
  const errors: FieldError[] = [];
  const report = (field: string, bad: string[]) => {
    if (bad.length) errors.push(unknownField(field, bad));
  };
  if (input.partyCountries)
    report(
      'partyCountries',
      input.partyCountries.filter((c) => !isCountryCode(c)),
    );
  if (input.partyGroupings) {
    const bad: string[] = [];
    for (const code of input.partyGroupings) if (!(await findGrouping(tx, code))) bad.push(code);
    report('partyGroupings', bad);
  }
  if (input.provisions) {
    // Retired terms still count: a record keeps the codes it had.
    const known = new Set((await termsOf(tx, 'agreement_provision', 'en', true)).map((t) => t.code));
    report(
      'provisions',
      input.provisions.map((p) => p.code).filter((c) => !known.has(c)),
    );
  }
  if (input.corridors)
    report(
      'corridors',
      input.corridors.filter((c) => !parseCorridor(c)),
    );
  if (input.documentIds) await checkPublications(tx, 'documentIds', input.documentIds, errors);
  if (errors.length) throw problems.validation(errors);
}

export async function checkPublications(tx: Tx, field: string, ids: string[], errors?: FieldError[]) {
  const found = new Set((await repo.publicationsByIds(tx, ids)).map((p) => p.id));
  const missing = ids.filter((id) => !found.has(id));
  if (!missing.length) return;
  const error = unknownField(field, missing);
  if (errors) errors.push(error);
  else throw problems.validation([error]);
}

export interface Dates {
  signedOn?: string | null;
  inForceOn?: string | null;
  expiresOn?: string | null;
}

/** Signed ≤ in force ≤ expiry, each compared only with the ones that are set. */
export function checkDateOrder(d: Dates): void {
  const order: [keyof Dates, string | null | undefined][] = [
    ['signedOn', d.signedOn],
    ['inForceOn', d.inForceOn],
    ['expiresOn', d.expiresOn],
  ];
  const set = order.filter(([, v]) => v) as [keyof Dates, string][];
  for (let i = 1; i < set.length; i++) {
    const [field, value] = set[i]!;
    const [before, earlier] = set[i - 1]!;
    if (value < earlier)
      throw problems.validation([
        { field: `body.${field}`, code: 'dates_out_of_order', message: `Before ${before} (${earlier})` },
      ]);
  }
}
