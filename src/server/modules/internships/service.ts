import { isNetworkAdministratorRole } from '../../../shared/roles.ts';
import type { Tx } from '../../db/client.ts';
import type { UserActor } from '../../platform/access/actor.ts';
import { abilitiesFor, authorize } from '../../platform/access/policy.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { problems } from '../../platform/http/problem.ts';
import { insertPerson } from '../people/repository.ts';
import type { Labels } from '../vocabularies/schema.ts';
import './policy.ts';
import * as repo from './repository.ts';
import type { ApplicationStatus } from './schema.ts';

const msg = (s: string) => s;

/** Where a reviewer may move an application by hand; 'placed' is reached only by recording a placement. */
export const REVIEW_MOVES: Record<ApplicationStatus, ApplicationStatus[]> = {
  received: ['shortlisted', 'declined'],
  shortlisted: ['received', 'declined'],
  declined: ['received', 'shortlisted'],
  placed: [],
};

/** Network administrators see every organisation's records; everyone else their own organisation's. */
const scopeOf = (actor: UserActor) =>
  isNetworkAdministratorRole(actor.role) ? undefined : actor.organisationId;

const field = (name: string, code: string, message: string) =>
  problems.validation([{ field: `body.${name}`, code, message }]);

// ——— opportunities ———

export interface OpportunityInput {
  title: string;
  titles?: Labels;
  description?: string;
  descriptions?: Labels;
  organisationId?: string;
  programmeId?: string | null;
  open?: boolean;
}

function presentOpportunity(
  ctx: Ctx,
  row: repo.OpportunityRow,
  extra: { organisationName?: string; programmeName?: string | null } = {},
) {
  return {
    id: row.id,
    organisationId: row.organisationId,
    organisationName: extra.organisationName,
    programmeId: row.programmeId,
    programmeName: extra.programmeName ?? null,
    title: row.title,
    titles: row.titles,
    localTitle: row.titles[ctx.locale] || row.title,
    description: row.description,
    descriptions: row.descriptions,
    localDescription: row.descriptions[ctx.locale] || row.description,
    open: row.open,
    demonstration: row.demonstration,
    version: row.version,
    abilities: abilitiesFor(ctx.actor, 'internshipOpportunity', row),
  };
}

export async function listOpportunities(ctx: Ctx) {
  authorize(ctx.actor, 'list', 'internshipOpportunity');
  const rows = await repo.listOpportunities(ctx.database.db, { organisationId: scopeOf(ctx.actor) });
  return rows.map((r) => presentOpportunity(ctx, r.opportunity, r));
}

/** The open opportunities of every organisation, for the public page. */
export async function openOpportunities(ctx: Ctx) {
  const rows = await repo.listOpportunities(ctx.database.db, { openOnly: true });
  return rows.map((r) => presentOpportunity(ctx, r.opportunity, r));
}

async function checkProgramme(tx: Tx, programmeId: string | null | undefined) {
  if (programmeId && !(await repo.existingProgramme(tx, programmeId)))
    throw field('programmeId', 'unknown_programme', 'No such programme');
}

export async function createOpportunity(ctx: Ctx, input: OpportunityInput) {
  authorize(ctx.actor, 'create', 'internshipOpportunity');
  const organisationId = input.organisationId ?? ctx.actor.organisationId;
  authorize(ctx.actor, 'create', 'internshipOpportunity', { organisationId });
  const row = await ctx.database.db.transaction(async (tx) => {
    if (!(await repo.existingOrganisation(tx, organisationId)))
      throw field('organisationId', 'unknown_organisation', 'No such organisation');
    await checkProgramme(tx, input.programmeId);
    return repo.insertOpportunity(tx, { ...input, organisationId });
  });
  ctx.note({
    action: 'internship.opportunity.create',
    resourceType: 'internshipOpportunity',
    resourceId: row.id,
  });
  return presentOpportunity(ctx, row);
}

export async function updateOpportunity(
  ctx: Ctx,
  id: string,
  input: Partial<OpportunityInput> & { version: number },
) {
  ctx.note({
    action: 'internship.opportunity.update',
    resourceType: 'internshipOpportunity',
    resourceId: id,
  });
  const row = await ctx.database.db.transaction(async (tx) => {
    const current = await repo.findOpportunity(tx, id);
    if (!current) throw problems.notFound('opportunity');
    authorize(ctx.actor, 'update', 'internshipOpportunity', current, { hideAs404: true });
    // Moving it to another organisation would hand its applications over: not done by an edit.
    if (input.organisationId && input.organisationId !== current.organisationId)
      throw field('organisationId', 'organisation_fixed', 'An opportunity stays with its organisation');
    await checkProgramme(tx, input.programmeId);
    const { version, organisationId: _o, ...values } = input;
    const updated = await repo.updateOpportunityIfVersion(tx, id, version, values);
    if (!updated) throw problems.versionConflict();
    return updated;
  });
  return presentOpportunity(ctx, row);
}

export async function deleteOpportunity(ctx: Ctx, id: string, version: number) {
  ctx.note({
    action: 'internship.opportunity.delete',
    resourceType: 'internshipOpportunity',
    resourceId: id,
  });
  await ctx.database.db.transaction(async (tx) => {
    const current = await repo.findOpportunity(tx, id);
    if (!current) throw problems.notFound('opportunity');
    authorize(ctx.actor, 'delete', 'internshipOpportunity', current, { hideAs404: true });
    if ((await repo.applicationCountOf(tx, id)) > 0)
      throw problems.conflict(
        'opportunity_has_applications',
        msg('This opportunity still has applications. Close it instead, or delete the applications first.'),
      );
    if (!(await repo.deleteOpportunityIfVersion(tx, id, version))) throw problems.versionConflict();
  });
}

/** The programmes an opportunity or placement may name (the programmes table is another module's). */
export async function programmeChoices(ctx: Ctx) {
  authorize(ctx.actor, 'list', 'internshipOpportunity');
  return repo.programmeChoices(ctx.database.db);
}

// ——— applications ———

export async function listApplications(ctx: Ctx, f: { status?: string }) {
  authorize(ctx.actor, 'list', 'internshipApplication');
  const rows = await repo.listApplications(ctx.database.db, { ...f, organisationId: scopeOf(ctx.actor) });
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

async function loadApplication(tx: Tx, ctx: Ctx, id: string, action: string) {
  const row = await repo.findApplication(tx, id);
  if (!row) throw problems.notFound('application');
  // Another organisation's applicants are not even confirmed to exist.
  authorize(ctx.actor, 'read', 'internshipApplication', row, { hideAs404: true });
  authorize(ctx.actor, action, 'internshipApplication', row);
  return row;
}

async function presentApplication(ctx: Ctx, row: repo.ApplicationRow) {
  const db = ctx.database.db;
  const opportunity = await repo.findOpportunity(db, row.opportunityId);
  const placement = await repo.placementOfApplication(db, row.id);
  return {
    id: row.id,
    opportunityId: row.opportunityId,
    opportunityTitle: opportunity?.title ?? '',
    organisationId: row.organisationId,
    name: row.name,
    email: row.email,
    phone: row.phone,
    school: row.school,
    availableFrom: row.availableFrom,
    availableUntil: row.availableUntil,
    motivation: row.motivation,
    locale: row.locale,
    consentedAt: row.consentedAt.toISOString(),
    status: row.status,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
    moves: REVIEW_MOVES[row.status],
    placement: placement ? await presentPlacement(ctx, placement) : null,
    abilities: abilitiesFor(ctx.actor, 'internshipApplication', row),
  };
}

export async function getApplication(ctx: Ctx, id: string) {
  const row = await loadApplication(ctx.database.db, ctx, id, 'read');
  ctx.note({ action: 'internship.application.read', resourceType: 'internshipApplication', resourceId: id });
  return presentApplication(ctx, row);
}

export async function reviewApplication(
  ctx: Ctx,
  id: string,
  input: { status: ApplicationStatus; note?: string | null; version: number },
) {
  ctx.note({
    action: 'internship.application.review',
    resourceType: 'internshipApplication',
    resourceId: id,
  });
  const row = await ctx.database.db.transaction(async (tx) => {
    const current = await loadApplication(tx, ctx, id, 'review');
    if (input.status !== current.status && !REVIEW_MOVES[current.status].includes(input.status))
      throw problems.conflict(
        'status_move_not_allowed',
        msg('An application cannot move to that status from its current one.'),
        `${current.status} → ${input.status}`,
      );
    const updated = await repo.updateApplicationIfVersion(tx, id, input.version, {
      status: input.status,
      ...(input.note !== undefined ? { note: input.note } : {}),
    });
    if (!updated) throw problems.versionConflict();
    return updated;
  });
  return presentApplication(ctx, row);
}

export async function deleteApplication(ctx: Ctx, id: string, version: number) {
  ctx.note({
    action: 'internship.application.delete',
    resourceType: 'internshipApplication',
    resourceId: id,
  });
  await ctx.database.db.transaction(async (tx) => {
    await loadApplication(tx, ctx, id, 'delete');
    if (!(await repo.deleteApplicationIfVersion(tx, id, version))) throw problems.versionConflict();
  });
}

/** Directory people who may be the applicant, so a placement matches one instead of duplicating them. */
export async function applicationMatches(ctx: Ctx, id: string) {
  const row = await loadApplication(ctx.database.db, ctx, id, 'place');
  return repo.possibleMatches(ctx.database.db, row.name, row.email);
}

// ——— placements ———

export interface PlacementInput {
  /** An existing directory person, or a new one made from the application. */
  intern: { personId: string } | { createFromApplication: true; confirmNoMatch?: boolean };
  schoolOrganisationId?: string | null;
  supervisorPersonId?: string | null;
  programmeId?: string | null;
  startsOn: string;
  endsOn: string;
  version: number;
}

async function presentPlacement(ctx: Ctx, p: repo.PlacementRow) {
  const db = ctx.database.db;
  const names = await repo.namesOfPeople(
    db,
    [p.internPersonId, p.supervisorPersonId].filter(Boolean) as string[],
  );
  const school = p.schoolOrganisationId
    ? await repo.existingOrganisation(db, p.schoolOrganisationId)
    : undefined;
  const programme = p.programmeId ? await repo.existingProgramme(db, p.programmeId) : undefined;
  return {
    id: p.id,
    applicationId: p.applicationId,
    organisationId: p.organisationId,
    internPersonId: p.internPersonId,
    internName: names.get(p.internPersonId) ?? '',
    schoolOrganisationId: p.schoolOrganisationId,
    schoolName: school?.name ?? null,
    supervisorPersonId: p.supervisorPersonId,
    supervisorName: p.supervisorPersonId ? (names.get(p.supervisorPersonId) ?? null) : null,
    programmeId: p.programmeId,
    programmeName: programme?.name ?? null,
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    version: p.version,
  };
}

async function checkPlacementRefs(tx: Tx, input: Partial<PlacementInput>) {
  if (input.startsOn && input.endsOn && input.startsOn > input.endsOn)
    throw field('endsOn', 'dates_out_of_order', 'The period ends before it starts');
  if (input.schoolOrganisationId && !(await repo.existingOrganisation(tx, input.schoolOrganisationId)))
    throw field('schoolOrganisationId', 'unknown_organisation', 'No such organisation');
  if (input.supervisorPersonId && !(await repo.existingPeople(tx, [input.supervisorPersonId])).length)
    throw field('supervisorPersonId', 'unknown_person', 'No such person');
  await checkProgramme(tx, input.programmeId);
}

/**
 * Places a shortlisted applicant: the intern is a directory person, either one named by the
 * reviewer or one made from the application. Making one while the directory already holds people
 * with the same email or name is refused (409 possible_duplicate) unless the reviewer confirms they
 * are someone else: a person is never duplicated silently.
 */
export async function placeApplicant(ctx: Ctx, id: string, input: PlacementInput) {
  ctx.note({ action: 'internship.application.place', resourceType: 'internshipApplication', resourceId: id });
  const placement = await ctx.database.db.transaction(async (tx) => {
    const application = await loadApplication(tx, ctx, id, 'place');
    if (application.status !== 'shortlisted')
      throw problems.conflict('not_shortlisted', msg('Only a shortlisted application can be placed.'));
    await checkPlacementRefs(tx, input);
    let internPersonId: string;
    if ('personId' in input.intern) {
      if (!(await repo.existingPeople(tx, [input.intern.personId])).length)
        throw field('intern.personId', 'unknown_person', 'No such person');
      internPersonId = input.intern.personId;
    } else {
      const matches = await repo.possibleMatches(tx, application.name, application.email);
      if (matches.length && !input.intern.confirmNoMatch)
        throw problems.conflict(
          'possible_duplicate',
          msg(
            'The directory already has people with this name or email. Choose one of them, or confirm this is someone else.',
          ),
          `${matches.length} possible match(es)`,
        );
      internPersonId = await insertPerson(tx, {
        name: application.name,
        email: application.email,
        phone: application.phone,
      });
    }
    const updated = await repo.updateApplicationIfVersion(tx, id, input.version, { status: 'placed' });
    if (!updated) throw problems.versionConflict();
    return repo.insertPlacement(tx, {
      applicationId: id,
      organisationId: application.organisationId,
      internPersonId,
      schoolOrganisationId: input.schoolOrganisationId ?? null,
      supervisorPersonId: input.supervisorPersonId ?? null,
      programmeId: input.programmeId ?? null,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
    });
  });
  return presentPlacement(ctx, placement);
}

async function loadPlacement(tx: Tx, ctx: Ctx, id: string) {
  const row = await repo.findPlacement(tx, id);
  if (!row) throw problems.notFound('placement');
  authorize(ctx.actor, 'read', 'internshipApplication', row, { hideAs404: true });
  authorize(ctx.actor, 'place', 'internshipApplication', row);
  return row;
}

export async function listPlacements(ctx: Ctx) {
  authorize(ctx.actor, 'list', 'internshipApplication');
  const rows = await repo.listPlacements(ctx.database.db, scopeOf(ctx.actor));
  return Promise.all(rows.map((r) => presentPlacement(ctx, r)));
}

export async function updatePlacement(
  ctx: Ctx,
  id: string,
  input: Partial<Omit<PlacementInput, 'intern'>> & { version: number },
) {
  ctx.note({ action: 'internship.placement.update', resourceType: 'internshipPlacement', resourceId: id });
  const row = await ctx.database.db.transaction(async (tx) => {
    const current = await loadPlacement(tx, ctx, id);
    await checkPlacementRefs(tx, {
      ...input,
      startsOn: input.startsOn ?? current.startsOn,
      endsOn: input.endsOn ?? current.endsOn,
    });
    const { version, ...values } = input;
    const updated = await repo.updatePlacementIfVersion(tx, id, version, values);
    if (!updated) throw problems.versionConflict();
    return updated;
  });
  return presentPlacement(ctx, row);
}

/** Undoes a placement: its application, while it is kept, goes back to the shortlist. */
export async function deletePlacement(ctx: Ctx, id: string, version: number) {
  ctx.note({ action: 'internship.placement.delete', resourceType: 'internshipPlacement', resourceId: id });
  await ctx.database.db.transaction(async (tx) => {
    const current = await loadPlacement(tx, ctx, id);
    if (!(await repo.deletePlacementIfVersion(tx, id, version))) throw problems.versionConflict();
    if (current.applicationId) {
      const application = await repo.findApplication(tx, current.applicationId);
      if (application)
        await repo.updateApplicationIfVersion(tx, application.id, application.version, {
          status: 'shortlisted',
        });
    }
  });
}
