import type { Tx } from '../../db/client.ts';
import type { FieldError } from '../../platform/http/problem.ts';
import { problems } from '../../platform/http/problem.ts';
import { isCountryCode } from '../geography/countries.ts';
import { codesUnder, termsOf } from '../vocabularies/service.ts';
import * as repo from './repository.ts';
import type { RecommendationStatus } from './schema.ts';

/**
 * Where a status may go next: proposed → accepted → in progress → implemented, or rejected. An
 * update may stay "in progress" (a later progress report); implemented and rejected are final.
 */
export const NEXT: Record<RecommendationStatus, RecommendationStatus[]> = {
  proposed: ['accepted', 'rejected'],
  accepted: ['in_progress', 'implemented', 'rejected'],
  in_progress: ['in_progress', 'implemented', 'rejected'],
  implemented: [],
  rejected: [],
};

export function throwIfAny(errors: FieldError[]) {
  if (errors.length > 0) throw problems.validation(errors);
}

/** The organisation types a counterpart may have: "government" and every type below it. */
export const counterpartTypes = (tx: Tx) => codesUnder(tx, 'organisation_type', 'government');

/** Checks the codes and ids a recommendation refers to; forged ones become field errors. */
export async function checkFields(
  tx: Tx,
  input: { addresseeId?: string; themes?: string[]; countries?: string[] },
  errors: FieldError[],
) {
  if (input.addresseeId) {
    const [org] = await repo.organisationsNamed(tx, [input.addresseeId]);
    if (!org)
      errors.push({
        field: 'body.addresseeId',
        code: 'unknown_organisation',
        message: 'Not in the directory',
      });
  }
  if (input.themes?.length) {
    const known = new Set((await termsOf(tx, 'thematic_area')).map((t) => t.code));
    for (const [i, code] of input.themes.entries())
      if (!known.has(code))
        errors.push({ field: `body.themes.${i}`, code: 'unknown_theme', message: 'Not a thematic area' });
  }
  for (const [i, code] of (input.countries ?? []).entries())
    if (!isCountryCode(code))
      errors.push({
        field: `body.countries.${i}`,
        code: 'unknown_country',
        message: 'Not an ISO 3166-1 code',
      });
}

/** Counterparts must be directory organisations of a government type. */
export async function checkCounterparts(tx: Tx, ids: string[]) {
  const types = new Set(await counterpartTypes(tx));
  const found = new Map((await repo.organisationsNamed(tx, ids)).map((o) => [o.id, o]));
  const errors: FieldError[] = [];
  for (const [i, id] of ids.entries()) {
    const org = found.get(id);
    if (!org)
      errors.push({
        field: `body.organisationIds.${i}`,
        code: 'unknown_organisation',
        message: 'Not in the directory',
      });
    else if (!org.typeCode || !types.has(org.typeCode))
      errors.push({
        field: `body.organisationIds.${i}`,
        code: 'not_a_government_counterpart',
        message: 'A counterpart is a government, ministry, embassy or mission, or a regional body',
      });
  }
  throwIfAny(errors);
}

/** Evidence must be a public library document: the tracker shows it to anyone. */
export async function checkEvidence(tx: Tx, documentId: string | null | undefined) {
  if (!documentId) return;
  const [doc] = await repo.publicationsNamed(tx, [documentId]);
  if (!doc)
    throw problems.validation([
      { field: 'body.documentId', code: 'unknown_document', message: 'Not a document of the library' },
    ]);
  if (!doc.isPublic)
    throw problems.validation([
      {
        field: 'body.documentId',
        code: 'document_not_public',
        message: 'Evidence is shown on the public tracker: publish the document first, or give a link',
      },
    ]);
}
