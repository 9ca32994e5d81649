import type { TestApp } from '../../testing/harness.ts';

/** Next year: events in tests lie in the future (registration closes once an event is over). */
export const NEXT_YEAR = new Date().getUTCFullYear() + 1;

export function eventPayload(overrides: Record<string, unknown> = {}) {
  return {
    kindCode: 'workshop',
    title: 'Regional workshop on domestic work',
    startsLocal: `${NEXT_YEAR}-03-20T09:00`,
    endsLocal: `${NEXT_YEAR}-03-21T17:00`,
    timeZone: 'Asia/Manila',
    city: 'Manila',
    countryCode: 'PH',
    visibility: 'public',
    ...overrides,
  };
}

export async function createEvent(t: TestApp, cookie: string, overrides: Record<string, unknown> = {}) {
  const response = await t.request({
    method: 'POST',
    url: '/api/v1/events',
    cookie,
    payload: eventPayload(overrides),
  });
  if (response.statusCode !== 201) throw new Error(`create failed: ${response.statusCode} ${response.body}`);
  return response.json().data as {
    id: string;
    slug: string;
    version: number;
    sessions: { id: string }[];
    days: string[];
  };
}

/** Posts the public registration form as a browser would (urlencoded, same origin). */
export function registerForm(
  t: TestApp,
  slug: string,
  fields: Record<string, string>,
  remoteAddress?: string,
) {
  return t.request({
    method: 'POST',
    url: `/events/${slug}/register`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
    ...(remoteAddress ? { remoteAddress } : {}),
  });
}

export const person = (n: number) => ({
  name: `Registrant ${n}`,
  email: `registrant${n}@example.org`,
  consent: 'yes',
});
