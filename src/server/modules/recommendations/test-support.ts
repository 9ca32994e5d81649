import { buildOrganisation } from '../../testing/factories.ts';
import type { TestApp } from '../../testing/harness.ts';
import { createEvent } from '../events/test-support.ts';
import { publications } from '../library/schema.ts';

/** A dialogue (an event of kind dialogue) of an organisation, made by someone who may. */
export function createDialogue(
  t: TestApp,
  cookie: string,
  overrides: Record<string, unknown> = {},
): ReturnType<typeof createEvent> {
  return createEvent(t, cookie, {
    kindCode: 'dialogue',
    title: 'Dialogue with missions',
    // In the past: updates record what has happened since the dialogue.
    startsLocal: '2024-03-20T09:00',
    endsLocal: '2024-03-20T17:00',
    timeZone: 'Asia/Amman',
    countryCode: 'JO',
    ...overrides,
  });
}

/** A mission in the directory (a government counterpart). */
export const buildMission = (t: TestApp, countryCode = 'JO') =>
  buildOrganisation(t, { name: `Mission in ${countryCode}`, typeCode: 'embassy', countryCode });

/** A library document, public or private, to give as evidence. */
export async function buildDocument(t: TestApp, isPublic: boolean) {
  const [row] = await t.database.db
    .insert(publications)
    .values({ typeCode: 'policy_brief', title: isPublic ? 'Public circular' : 'Internal minutes', isPublic })
    .returning();
  return row!;
}

export function recommendationPayload(eventId: string, addresseeId: string, overrides: object = {}) {
  return {
    eventId,
    text: 'Give detained migrant workers consular assistance with interpreters.',
    addresseeId,
    themes: ['protection'],
    countries: ['JO'],
    ...overrides,
  };
}

export interface CreatedRecommendation {
  id: string;
  version: number;
  status: string;
  updates: { id: string; status: string }[];
}

export async function createRecommendation(
  t: TestApp,
  cookie: string,
  eventId: string,
  addresseeId: string,
  overrides: object = {},
): Promise<CreatedRecommendation> {
  const response = await t.request({
    method: 'POST',
    url: '/api/v1/recommendations',
    cookie,
    payload: recommendationPayload(eventId, addresseeId, overrides),
  });
  if (response.statusCode !== 201) throw new Error(`create failed: ${response.statusCode} ${response.body}`);
  return response.json().data;
}

/** Today as YYYY-MM-DD (UTC). */
export const today = () => new Date().toISOString().slice(0, 10);
