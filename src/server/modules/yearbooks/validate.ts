import type { Tx } from '../../db/client.ts';
import type { FieldError } from '../../platform/http/problem.ts';
import { problems } from '../../platform/http/problem.ts';
import { isCountryCode } from '../geography/countries.ts';
import { findGrouping } from '../geography/service.ts';
import * as repo from './repository.ts';
import * as figures from './repository-figures.ts';
import type { Contributor, FigureSpec } from './schema.ts';

export function throwIfAny(errors: FieldError[]) {
  if (errors.length) throw problems.validation(errors);
}

/** Contributors name directory people and organisations that exist. */
export async function checkContributors(tx: Tx, list: Contributor[] | undefined, errors: FieldError[]) {
  if (!list) return;
  const personIds = list.flatMap((c) => (c.personId ? [c.personId] : []));
  const orgIds = list.flatMap((c) => (c.organisationId ? [c.organisationId] : []));
  const people = new Set((await repo.peopleNamed(tx, personIds)).map((p) => p.id));
  const orgs = new Set((await repo.organisationsNamed(tx, orgIds)).map((o) => o.id));
  list.forEach((c, i) => {
    if (!c.personId === !c.organisationId)
      errors.push({
        field: `body.contributors.${i}`,
        code: 'person_or_organisation',
        message: 'Name either a person or an organisation',
      });
    else if (c.personId && !people.has(c.personId))
      errors.push({
        field: `body.contributors.${i}.personId`,
        code: 'unknown_person',
        message: 'No such person',
      });
    else if (c.organisationId && !orgs.has(c.organisationId))
      errors.push({
        field: `body.contributors.${i}.organisationId`,
        code: 'unknown_organisation',
        message: 'No such organisation',
      });
  });
}

/** A figure's filters: a known indicator, a country or grouping, periods in order. */
export async function checkFigure(tx: Tx, spec: FigureSpec, field: string, errors: FieldError[]) {
  if (!(await figures.indicatorExists(tx, spec.indicator)))
    errors.push({ field: `${field}.indicator`, code: 'unknown_indicator', message: 'No such indicator' });
  const isArea = async (code: string) =>
    /^[A-Z]{2}$/.test(code) ? isCountryCode(code) : !!(await findGrouping(tx, code));
  if (!(await isArea(spec.area)))
    errors.push({ field: `${field}.area`, code: 'unknown_area', message: 'Not a country or grouping' });
  if (spec.counterpart && spec.counterpart !== '*' && !(await isArea(spec.counterpart)))
    errors.push({
      field: `${field}.counterpart`,
      code: 'unknown_area',
      message: 'Not a country or grouping',
    });
  if (spec.periodFrom && spec.periodTo && spec.periodFrom > spec.periodTo)
    errors.push({
      field: `${field}.periodTo`,
      code: 'period_order',
      message: 'The period ends before it starts',
    });
}

export async function checkFigures(tx: Tx, specs: FigureSpec[] | undefined, errors: FieldError[]) {
  for (const [i, spec] of (specs ?? []).entries()) await checkFigure(tx, spec, `body.figures.${i}`, errors);
}

/** A URL name from the title and year: ASCII words, then a number when taken. */
export async function uniqueSlug(tx: Tx, title: string, year: number): Promise<string> {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  const base = `${words || 'edition'}-${year}`;
  for (let n = 1; ; n += 1) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await repo.slugTaken(tx, slug))) return slug;
  }
}
