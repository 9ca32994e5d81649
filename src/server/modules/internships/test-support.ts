import type { TestApp } from '../../testing/harness.ts';

/** The form as a browser posts it (application/x-www-form-urlencoded), from a given address. */
export function postForm(t: TestApp, fields: Record<string, string>, remoteAddress = '198.51.100.7') {
  return t.request({
    method: 'POST',
    url: '/internships',
    remoteAddress,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  });
}

export async function openOpportunity(t: TestApp, cookie: string, organisationId?: string) {
  const res = await t.request({
    method: 'POST',
    url: '/api/v1/internship-opportunities',
    cookie,
    payload: {
      title: 'Research intern',
      description: 'Help with research on labour migration.',
      open: true,
      ...(organisationId ? { organisationId } : {}),
    },
  });
  if (res.statusCode !== 201) throw new Error(`opportunity: ${res.statusCode} ${res.body}`);
  return res.json().data as { id: string; version: number; organisationId: string };
}

export const sampleForm = (opportunityId: string, email = 'maria.santos@example.org') => ({
  opportunityId,
  name: 'Maria Santos',
  email,
  school: 'University of the Philippines',
  availableFrom: '2026-06-01',
  availableUntil: '2026-08-31',
  motivation: 'I would like to learn about labour migration.',
  consent: 'yes',
});

/** Submits a fresh application through the public form and answers its id and version. */
let sent = 0;
export async function applyAndFind(t: TestApp, opportunityId: string, email: string) {
  // A new address each time, so the per-address daily limit is only met in the tests about it.
  sent += 1;
  const res = await postForm(
    t,
    sampleForm(opportunityId, email),
    `10.77.${Math.floor(sent / 250)}.${sent % 250}`,
  );
  if (res.statusCode !== 303) throw new Error(`apply: ${res.statusCode} ${res.body.slice(0, 300)}`);
  const { rows } = await t.database.pool.query<{ id: string; version: number }>(
    'select id, version from internship_applications where email = lower($1) order by created_at desc limit 1',
    [email],
  );
  return rows[0]!;
}
