import { buildOrganisation } from '../../testing/factories.ts';
import type { TestApp } from '../../testing/harness.ts';
import { people } from '../people/schema.ts';

let n = 0;

/** A caucus with a parliament, a party and `members` people who are members since 2010. */
export async function caucusWorld(t: TestApp, cookie: string, members = 2) {
  n += 1;
  const caucus = await buildOrganisation(t, { name: `Caucus ${n}`, typeCode: 'caucus' });
  const parliament = await buildOrganisation(t, {
    name: `Parliament ${n}`,
    typeCode: 'parliament',
    countryCode: 'PH',
  });
  const party = await buildOrganisation(t, { name: `Party ${n}`, typeCode: 'political_party' });
  const mps: { id: string; postId: string; membershipId: string }[] = [];
  for (let i = 0; i < members; i++) {
    const [person] = await t.database.db
      .insert(people)
      .values({ name: `Member of parliament ${n}.${i}` })
      .returning();
    const post = await send(t, cookie, 'POST', '/api/v1/caucus/posts', {
      personId: person!.id,
      parliamentId: parliament.id,
      partyId: party.id,
      constituency: `District ${i + 1}`,
      countryCode: 'PH',
      startDate: '2010',
    });
    const membership = await send(t, cookie, 'POST', '/api/v1/caucus/memberships', {
      caucusId: caucus.id,
      personId: person!.id,
      roleCode: i === 0 ? 'chair' : 'member',
      startDate: '2010-06',
    });
    mps.push({ id: person!.id, postId: post.id, membershipId: membership.id });
  }
  return { caucus, parliament, party, mps };
}

/** A write that must succeed; returns the record. */
export async function send(
  t: TestApp,
  cookie: string,
  method: 'POST' | 'PATCH',
  url: string,
  payload: Record<string, unknown>,
) {
  const res = await t.request({ method, url, cookie, payload });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json().data as { id: string; version: number } & Record<string, unknown>;
}

export const resolutionBody = (caucusId: string, extra: Record<string, unknown> = {}) => ({
  caucusId,
  kind: 'resolution',
  title: 'Resolution on the protection of migrant domestic workers',
  text: 'The caucus calls on every parliament to ratify ILO Convention 189.',
  adoptedOn: '2012-05-01',
  published: true,
  ...extra,
});
