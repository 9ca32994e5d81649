import { authorize } from '../../platform/access/policy.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { type FieldError, problems } from '../../platform/http/problem.ts';
import { isCountryCode } from '../geography/countries.ts';
import { findPerson } from '../people/repository.ts';
import { termsOf } from '../vocabularies/service.ts';
import './policy.ts';
import { labeller, presentMembership } from './present.ts';
import * as repo from './repository.ts';

export interface MembershipInput {
  organisationId?: string | null;
  personId?: string | null;
  parentId: string;
  roleCode: string;
  label?: string | null;
  countryCode?: string | null;
  startDate?: string | null;
  endDate?: string | null;
}

/** Compares partial dates by what they cover: '2011' ends after '2011-05-01' starts. */
const startKey = (d: string) => d;
const endKey = (d: string) => (d.length === 4 ? `${d}-12-31` : d.length === 7 ? `${d}-31` : d);

async function validate(ctx: Ctx, m: MembershipInput, previousRole?: string) {
  const db = ctx.database.db;
  const errors: FieldError[] = [];
  if (Boolean(m.organisationId) === Boolean(m.personId)) {
    errors.push({
      field: 'body.organisationId',
      code: 'one_member',
      message: 'Name either a member organisation or a person',
    });
  }
  if (m.organisationId && m.organisationId === m.parentId) {
    errors.push({
      field: 'body.parentId',
      code: 'self_membership',
      message: 'An organisation cannot be a member of itself',
    });
  }
  const parent = await repo.findOrganisation(db, m.parentId);
  if (!parent || parent.mergedIntoId)
    errors.push({ field: 'body.parentId', code: 'unknown_organisation', message: 'No such organisation' });
  if (m.organisationId) {
    const member = await repo.findOrganisation(db, m.organisationId);
    if (!member || member.mergedIntoId)
      errors.push({
        field: 'body.organisationId',
        code: 'unknown_organisation',
        message: 'No such organisation',
      });
  }
  if (m.personId && !(await findPerson(db, m.personId)))
    errors.push({ field: 'body.personId', code: 'unknown_person', message: 'No such person' });
  const roles = await termsOf(db, 'membership_role', 'en', true);
  const role = roles.find((r) => r.code === m.roleCode);
  if (!role)
    errors.push({ field: 'body.roleCode', code: 'unknown_term', message: `Unknown role "${m.roleCode}"` });
  else if (role.retired && role.code !== previousRole)
    errors.push({ field: 'body.roleCode', code: 'retired_term', message: 'This role is retired' });
  if (m.countryCode && !isCountryCode(m.countryCode))
    errors.push({ field: 'body.countryCode', code: 'unknown_country', message: 'Unknown country' });
  if (m.startDate && m.endDate && endKey(m.endDate) < startKey(m.startDate)) {
    errors.push({
      field: 'body.endDate',
      code: 'ends_before_start',
      message: 'The end date is before the start date',
    });
  }
  if (errors.length) throw problems.validation(errors);
}

async function presentOne(ctx: Ctx, id: string) {
  const db = ctx.database.db;
  const row = await repo.findMembership(db, id);
  if (!row) throw problems.notFound('membership');
  const [view] = (await repo.membershipsAround(db, row.parentId)).filter((m) => m.id === id);
  const roleLabel = labeller(await termsOf(db, 'membership_role', ctx.locale, true));
  return presentMembership(ctx.actor, view!, roleLabel, ctx.locale);
}

export async function createMembership(ctx: Ctx, input: MembershipInput) {
  authorize(ctx.actor, 'create', 'membership', {
    organisationId: input.organisationId ?? null,
    parentId: input.parentId,
  });
  await validate(ctx, input);
  const row = await repo.insertMembership(ctx.database.db, {
    organisationId: input.organisationId ?? null,
    personId: input.personId ?? null,
    parentId: input.parentId,
    roleCode: input.roleCode,
    label: input.label ?? null,
    countryCode: input.countryCode ?? null,
    startDate: input.startDate ?? null,
    endDate: input.endDate ?? null,
  });
  ctx.note({
    action: 'membership.create',
    resourceType: 'organisation',
    resourceId: input.parentId,
    details: { membershipId: row.id, member: input.organisationId ?? input.personId, role: input.roleCode },
  });
  return presentOne(ctx, row.id);
}

export async function updateMembership(
  ctx: Ctx,
  id: string,
  input: Partial<Omit<MembershipInput, 'organisationId' | 'personId' | 'parentId'>> & { version: number },
) {
  const db = ctx.database.db;
  const row = await repo.findMembership(db, id);
  if (!row) throw problems.notFound('membership');
  authorize(ctx.actor, 'update', 'membership', row);
  const { version, ...changes } = input;
  const merged = { ...row, ...changes } as MembershipInput;
  await validate(ctx, merged, row.roleCode);
  const updated = await repo.updateMembershipIfVersion(db, id, version, changes);
  if (!updated) throw problems.versionConflict();
  ctx.note({
    action: 'membership.update',
    resourceType: 'organisation',
    resourceId: row.parentId,
    details: { membershipId: id },
  });
  return presentOne(ctx, id);
}

export async function deleteMembership(ctx: Ctx, id: string, version: number) {
  const db = ctx.database.db;
  const row = await repo.findMembership(db, id);
  if (!row) throw problems.notFound('membership');
  authorize(ctx.actor, 'delete', 'membership', row);
  ctx.note({
    action: 'membership.delete',
    resourceType: 'organisation',
    resourceId: row.parentId,
    details: { membershipId: id },
  });
  if (!(await repo.deleteMembershipIfVersion(db, id, version))) throw problems.versionConflict();
}
