import { isUser } from '../../platform/access/actor.ts';
import { abilitiesFor, authorize } from '../../platform/access/policy.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { type FieldError, problems } from '../../platform/http/problem.ts';
import { labelOf } from '../vocabularies/service.ts';
import type { ResolutionInput, ResolutionUpdate } from './inputs.ts';
import './policy.ts';
import * as repo from './repository.ts';
import { checkOrganisations, runsOn, seesMeeting, throwIfAny } from './validate.ts';

type Db = Ctx['database']['db'];
type Signatory = { personId: string; postId?: string | null };

/**
 * Checks what a resolution points to as it will stand: the caucus, the meeting (an event of kind
 * caucus_meeting), and each signatory — a member of that caucus on the day of adoption, named
 * once, signing in a post that is their own.
 */
async function checkResolution(
  db: Db,
  actor: Ctx['actor'],
  r: { caucusId: string; meetingId?: string | null; adoptedOn: string; signatories: Signatory[] },
) {
  const errors: FieldError[] = [];
  await checkOrganisations(db, [{ field: 'body.caucusId', id: r.caucusId, type: 'caucus' }], errors);
  if (r.meetingId) {
    const [meeting] = await repo.eventsNamed(db, [r.meetingId]);
    if (!meeting || !seesMeeting(actor, meeting))
      errors.push({ field: 'body.meetingId', code: 'unknown_event', message: 'No such event' });
    else if (meeting.kindCode !== 'caucus_meeting')
      errors.push({
        field: 'body.meetingId',
        code: 'not_a_caucus_meeting',
        message: 'The adopting meeting must be an event of kind caucus meeting',
      });
  }
  const memberships = await repo.listMemberships(db, { caucusId: r.caucusId });
  const people = new Set(
    (
      await repo.peopleNamed(
        db,
        r.signatories.map((s) => s.personId),
      )
    ).map((p) => p.id),
  );
  const seen = new Set<string>();
  for (const [i, s] of r.signatories.entries()) {
    const field = `body.signatories.${i}.personId`;
    if (seen.has(s.personId)) {
      errors.push({ field, code: 'duplicate_signatory', message: 'This person is named twice' });
      continue;
    }
    seen.add(s.personId);
    if (!people.has(s.personId)) {
      errors.push({ field, code: 'unknown_person', message: 'No such person' });
      continue;
    }
    if (!memberships.some((m) => m.personId === s.personId && runsOn(m, r.adoptedOn)))
      errors.push({
        field,
        code: 'not_a_member',
        message: 'Not a member of this caucus on the day of adoption',
      });
    if (s.postId) {
      const post = await repo.findPost(db, s.postId);
      if (!post || post.personId !== s.personId)
        errors.push({
          field: `body.signatories.${i}.postId`,
          code: 'unknown_post',
          message: 'Not a post of this person',
        });
    }
  }
  throwIfAny(errors);
}

/** Resolutions as staff and the public page show them, with signatories and the adopting body. */
export async function presentResolutions(ctx: Ctx, rows: repo.ResolutionRow[]) {
  const db = ctx.database.db;
  const signatories = await repo.signatoriesOf(
    db,
    rows.map((r) => r.id),
  );
  const [people, orgs, meetings, posts] = await Promise.all([
    repo.peopleNamed(
      db,
      signatories.map((s) => s.personId),
    ),
    repo.organisationsNamed(
      db,
      rows.map((r) => r.caucusId),
    ),
    repo.eventsNamed(
      db,
      rows.flatMap((r) => (r.meetingId ? [r.meetingId] : [])),
    ),
    repo.listPosts(db),
  ]);
  const signedIn = isUser(ctx.actor);
  const postOrgs = await repo.organisationsNamed(
    db,
    posts.map((p) => p.parliamentId),
  );
  const postLabel = (id: string | null) => {
    const p = id ? posts.find((x) => x.id === id) : undefined;
    if (!p) return null;
    const parliament = postOrgs.find((o) => o.id === p.parliamentId)?.name;
    return [p.label, p.constituency, parliament].filter(Boolean).join(', ') || null;
  };
  return rows.map((r) => {
    const meeting = meetings.find((m) => m.id === r.meetingId);
    return {
      id: r.id,
      caucusId: r.caucusId,
      caucusName: orgs.find((o) => o.id === r.caucusId)?.name ?? null,
      meetingId: r.meetingId,
      // A meeting is shown only to those who may read the event (the public: public events).
      meeting:
        meeting && seesMeeting(ctx.actor, meeting)
          ? {
              id: meeting.id,
              slug: meeting.slug,
              title: meeting.title,
              startsAt: meeting.startsAt.toISOString(),
            }
          : null,
      kind: r.kind,
      identifier: r.identifier,
      title: r.title,
      titles: r.titles,
      localTitle: labelOf(r.titles, ctx.locale, r.title),
      text: r.text,
      texts: r.texts,
      localText: labelOf(r.texts, ctx.locale, r.text),
      adoptedOn: r.adoptedOn,
      published: r.published,
      demonstration: r.demonstration,
      // The public sees a signatory's name only with their consent to be listed (as event speakers).
      signatories: signatories
        .filter((s) => s.resolutionId === r.id)
        .flatMap((s) => {
          const p = people.find((x) => x.id === s.personId);
          if (!p || (!signedIn && !p.publicConsent)) return [];
          return [{ personId: p.id, name: p.name, postId: s.postId, postLabel: postLabel(s.postId) }];
        }),
      signatoryCount: signatories.filter((s) => s.resolutionId === r.id).length,
      updatedAt: r.updatedAt.toISOString(),
      version: r.version,
      abilities: abilitiesFor(ctx.actor, 'caucus'),
    };
  });
}

export type PresentedResolution = Awaited<ReturnType<typeof presentResolutions>>[number];

/** Staff see every resolution; the public (no session) only published ones. */
export async function listResolutions(ctx: Ctx, q: { caucusId?: string }) {
  const signedIn = isUser(ctx.actor);
  if (signedIn) authorize(ctx.actor, 'list', 'caucus');
  const rows = await repo.listResolutions(ctx.database.db, { ...q, publishedOnly: !signedIn });
  return presentResolutions(ctx, rows);
}

export async function getResolution(ctx: Ctx, id: string) {
  const row = await repo.findResolution(ctx.database.db, id);
  if (!row || (!row.published && !isUser(ctx.actor))) throw problems.notFound('caucus_resolution');
  if (isUser(ctx.actor)) authorize(ctx.actor, 'read', 'caucus');
  return (await presentResolutions(ctx, [row]))[0]!;
}

const signatoryRows = (list: Signatory[]) =>
  list.map((s) => ({ personId: s.personId, postId: s.postId ?? null }));

export async function createResolution(ctx: Ctx, input: ResolutionInput) {
  authorize(ctx.actor, 'create', 'caucus');
  const { signatories = [], ...values } = input;
  const row = await ctx.database.db.transaction(async (tx) => {
    await checkResolution(tx, ctx.actor, { ...input, signatories });
    const created = await repo.insertResolution(tx, values);
    await repo.replaceSignatories(tx, created.id, signatoryRows(signatories));
    return created;
  });
  ctx.note({ action: 'caucus.resolution.create', resourceType: 'caucus_resolution', resourceId: row.id });
  return (await presentResolutions(ctx, [row]))[0]!;
}

export async function updateResolution(ctx: Ctx, id: string, input: ResolutionUpdate) {
  authorize(ctx.actor, 'update', 'caucus');
  const { version, signatories, ...values } = input;
  const row = await ctx.database.db.transaction(async (tx) => {
    const current = await repo.findResolution(tx, id);
    if (!current) throw problems.notFound('caucus_resolution');
    // Signatories kept are checked again against the caucus and day as they will stand.
    const kept = (await repo.signatoriesOf(tx, [id])).map((s) => ({
      personId: s.personId,
      postId: s.postId,
    }));
    await checkResolution(tx, ctx.actor, {
      caucusId: values.caucusId ?? current.caucusId,
      meetingId: values.meetingId === undefined ? current.meetingId : values.meetingId,
      adoptedOn: values.adoptedOn ?? current.adoptedOn,
      signatories: signatories ?? kept,
    });
    const changes = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
    const updated = await repo.updateResolutionIfVersion(tx, id, version, changes);
    if (!updated) throw problems.versionConflict();
    if (signatories) await repo.replaceSignatories(tx, id, signatoryRows(signatories));
    return updated;
  });
  ctx.note({ action: 'caucus.resolution.update', resourceType: 'caucus_resolution', resourceId: id });
  return (await presentResolutions(ctx, [row]))[0]!;
}

export async function deleteResolution(ctx: Ctx, id: string, version: number) {
  authorize(ctx.actor, 'delete', 'caucus');
  await ctx.database.db.transaction(async (tx) => {
    const current = await repo.findResolution(tx, id);
    if (!current) throw problems.notFound('caucus_resolution');
    if (current.version !== version) throw problems.versionConflict();
    await repo.deleteResolution(tx, id);
  });
  ctx.note({ action: 'caucus.resolution.delete', resourceType: 'caucus_resolution', resourceId: id });
}

/** Public addresses for the sitemap. */
export async function sitemapUrls(database: { db: Db }, publicUrl: string): Promise<string[]> {
  const rows = await repo.listResolutions(database.db, { publishedOnly: true });
  return [`${publicUrl}/caucus/resolutions`, ...rows.map((r) => `${publicUrl}/caucus/resolutions/${r.id}`)];
}
