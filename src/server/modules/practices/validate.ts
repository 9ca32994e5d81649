import type { Tx } from '../../db/client.ts';
import type { FieldError } from '../../platform/http/problem.ts';
import { problems } from '../../platform/http/problem.ts';
import { isCountryCode } from '../geography/countries.ts';
import { BUILT_IN_GROUPINGS } from '../geography/groupings.ts';
import { findPublication } from '../library/repository.ts';
import { termsOf } from '../vocabularies/service.ts';
import * as repo from './repository.ts';

/** The ILO database's organisation type that best fits a directory organisation type. */
export function defaultPracticeOrgType(directoryType: string | null | undefined): string {
  switch (directoryType) {
    case 'trade_union':
      return 'workers_organisation';
    case 'government':
    case 'parliament':
      return 'government';
    case 'employers_organisation':
      return 'employers_organisation';
    case 'international_organisation':
      return 'international_organisation';
    default:
      return 'civil_society';
  }
}

const ILO_REGIONS = new Set(BUILT_IN_GROUPINGS.filter((g) => g.kind === 'ilo_region').map((g) => g.code));

export interface CodedInput {
  regions?: string[];
  countries?: string[];
  themes?: string[];
  mlflm?: string[];
  responsible?: { organisationId: string; typeCode?: string }[];
  documentIds?: string[];
}

/** Checks every code against its vocabulary and every organisation against the directory; answers the responsible rows. */
export async function checkCodes(tx: Tx, input: CodedInput) {
  const errors: FieldError[] = [];
  const unknown = (field: string, values: string[]) =>
    values.length &&
    errors.push({
      field: `body.${field}`,
      code: 'unknown_code',
      message: `Unknown: ${values.slice(0, 10).join(', ')}`,
    });
  if (input.regions)
    unknown(
      'regions',
      input.regions.filter((r) => !ILO_REGIONS.has(r)),
    );
  if (input.countries)
    unknown(
      'countries',
      input.countries.filter((c) => !isCountryCode(c)),
    );
  if (input.themes) {
    const known = new Set((await termsOf(tx, 'thematic_area')).map((t) => t.code));
    unknown(
      'themes',
      input.themes.filter((t) => !known.has(t)),
    );
  }
  if (input.mlflm) {
    const known = new Set((await termsOf(tx, 'mlflm')).map((t) => t.code));
    unknown(
      'mlflm',
      input.mlflm.filter((t) => !known.has(t)),
    );
  }
  if (input.documentIds) {
    const missing: string[] = [];
    for (const id of input.documentIds) if (!(await findPublication(tx, id))) missing.push(id);
    unknown('documentIds', missing);
  }
  let responsible: { organisationId: string; typeCode: string }[] | undefined;
  if (input.responsible) {
    const types = new Set((await termsOf(tx, 'practice_organisation_type')).map((t) => t.code));
    const found = new Map(
      (
        await repo.existingOrganisations(
          tx,
          input.responsible.map((r) => r.organisationId),
        )
      ).map((o) => [o.id, o]),
    );
    unknown(
      'responsible',
      input.responsible.filter((r) => !found.has(r.organisationId)).map((r) => r.organisationId),
    );
    unknown(
      'responsible.typeCode',
      input.responsible.filter((r) => r.typeCode && !types.has(r.typeCode)).map((r) => r.typeCode!),
    );
    const seen = new Set<string>();
    responsible = input.responsible
      .filter((r) => !seen.has(r.organisationId) && seen.add(r.organisationId))
      .map((r) => ({
        organisationId: r.organisationId,
        typeCode: r.typeCode ?? defaultPracticeOrgType(found.get(r.organisationId)?.typeCode),
      }));
  }
  if (errors.length) throw problems.validation(errors);
  return { responsible };
}
