import { authorize } from '../../platform/access/policy.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { countryName } from '../geography/countries.ts';
import './policy.ts';
import * as repo from './repository.ts';
import { seesMeeting } from './validate.ts';

const stamp = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
/** Popolo ids of seats: the membership keeps the record's uuid, its post gets this one. */
const postId = (id: string) => `post-${id}`;

/**
 * The caucus as one Popolo document (popoloproject.com): persons; organizations (caucuses,
 * parliaments, parties); memberships — caucus memberships with their role code, and seats in a
 * parliament with their post, party (`on_behalf_of_id`) and area; posts; areas (countries, ISO
 * 3166 alpha-2); events (the adopting caucus meetings); motions — one per resolution or
 * declaration. Popolo has no signatories: they are the "yes" votes of one vote event per motion
 * ("signature"), each vote's `group_id` the party of the post signed in. Codes, never display
 * labels; every id referenced is present in the document. Contacts are left out: the export is
 * about public roles, not about how to reach people.
 */
export async function caucusPopolo(ctx: Ctx) {
  authorize(ctx.actor, 'export', 'caucus');
  const db = ctx.database.db;
  const [posts, memberships, resolutions] = await Promise.all([
    repo.listPosts(db),
    repo.listMemberships(db),
    repo.listResolutions(db),
  ]);
  const signatories = await repo.signatoriesOf(
    db,
    resolutions.map((r) => r.id),
  );
  // Meetings the reader may not see (private events of another organisation) are left out, and
  // so is the reference to them.
  const meetings = (
    await repo.eventsNamed(
      db,
      resolutions.flatMap((r) => (r.meetingId ? [r.meetingId] : [])),
    )
  ).filter((e) => seesMeeting(ctx.actor, e));
  const session = (id: string | null) => (id && meetings.some((e) => e.id === id) ? id : null);
  const personIds = [...posts, ...memberships, ...signatories].map((x) => x.personId);
  const orgIds = [
    ...posts.flatMap((p) => [p.parliamentId, ...(p.partyId ? [p.partyId] : [])]),
    ...memberships.map((m) => m.caucusId),
    ...resolutions.map((r) => r.caucusId),
  ];
  const [people, orgs] = await Promise.all([
    repo.peopleNamed(db, personIds),
    repo.organisationsNamed(db, orgIds),
  ]);
  const areaCodes = new Set([
    ...posts.flatMap((p) => (p.countryCode ? [p.countryCode] : [])),
    ...orgs.flatMap((o) => (o.countryCode ? [o.countryCode] : [])),
  ]);
  const postsById = new Map(posts.map((p) => [p.id, p]));
  return {
    persons: people.map((p) => ({
      id: p.id,
      name: p.name,
      sort_name: p.sortName,
      honorific_prefix: p.honorificPrefix,
    })),
    organizations: orgs.map((o) => ({
      id: o.id,
      name: o.name,
      other_names: o.acronym ? [{ name: o.acronym, note: 'acronym' }] : [],
      classification: o.typeCode,
      area_id: o.countryCode,
    })),
    areas: [...areaCodes].sort().map((code) => ({
      id: code,
      identifier: code,
      name: countryName(code, 'en'),
      classification: 'country',
    })),
    posts: posts.map((p) => ({
      id: postId(p.id),
      label: p.label ?? p.constituency ?? 'member_of_parliament',
      role: 'member_of_parliament',
      organization_id: p.parliamentId,
      area_id: p.countryCode,
    })),
    memberships: [
      ...posts.map((p) => ({
        id: p.id,
        person_id: p.personId,
        organization_id: p.parliamentId,
        post_id: postId(p.id),
        on_behalf_of_id: p.partyId,
        area_id: p.countryCode,
        role: 'member_of_parliament',
        label: p.constituency,
        start_date: p.startDate,
        end_date: p.endDate,
        updated_at: stamp(p.updatedAt),
      })),
      ...memberships.map((m) => ({
        id: m.id,
        person_id: m.personId,
        organization_id: m.caucusId,
        role: m.roleCode,
        start_date: m.startDate,
        end_date: m.endDate,
        updated_at: stamp(m.updatedAt),
      })),
    ],
    events: meetings.map((e) => ({
      id: e.id,
      name: e.title,
      classification: e.kindCode,
      start_date: stamp(e.startsAt),
      end_date: stamp(e.endsAt),
      location: [e.city, e.countryCode].filter(Boolean).join(', ') || null,
    })),
    motions: resolutions.map((r) => {
      const signed = signatories.filter((s) => s.resolutionId === r.id);
      return {
        id: r.id,
        organization_id: r.caucusId,
        legislative_session_id: session(r.meetingId),
        identifier: r.identifier,
        classification: r.kind,
        text: r.text || r.title,
        // Popolo's motion date is a date-time; the record keeps the day only, written as its start in UTC.
        date: `${r.adoptedOn}T00:00:00Z`,
        result: 'pass',
        vote_events: [
          {
            id: `signature-${r.id}`,
            motion_id: r.id,
            organization_id: r.caucusId,
            legislative_session_id: session(r.meetingId),
            classification: 'signature',
            start_date: `${r.adoptedOn}T00:00:00Z`,
            result: 'pass',
            counts: [{ option: 'yes', value: signed.length }],
            votes: signed.map((s) => ({
              voter_id: s.personId,
              option: 'yes',
              group_id: (s.postId ? postsById.get(s.postId)?.partyId : null) ?? null,
              role: s.postId ? postId(s.postId) : null,
            })),
          },
        ],
        updated_at: stamp(r.updatedAt),
      };
    }),
  };
}
