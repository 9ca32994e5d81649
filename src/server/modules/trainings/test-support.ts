import type { TestApp } from '../../testing/harness.ts';
import { NEXT_YEAR } from '../events/test-support.ts';
import { people } from '../people/schema.ts';

/** A course with one cohort (a new training-course event) and `n` invited directory people. */
export async function courseWithCohort(
  t: TestApp,
  cookie: string,
  n = 2,
  course: Record<string, unknown> = {},
) {
  const created = await t.request({
    method: 'POST',
    url: '/api/v1/trainings',
    cookie,
    payload: { title: 'Human rights training for advocates', issuer: 'Training programme', ...course },
  });
  if (created.statusCode !== 201) throw new Error(`course: ${created.statusCode} ${created.body}`);
  const courseId = created.json().data.id as string;
  const cohort = await t.request({
    method: 'POST',
    url: `/api/v1/trainings/${courseId}/cohorts`,
    cookie,
    payload: {
      label: 'Cohort 1',
      event: {
        title: 'Regional training, cohort 1',
        startsLocal: `${NEXT_YEAR}-01-10T09:00`,
        endsLocal: `${NEXT_YEAR}-01-20T17:00`,
        timeZone: 'Asia/Bangkok',
        city: 'Bangkok',
        countryCode: 'TH',
      },
    },
  });
  if (cohort.statusCode !== 201) throw new Error(`cohort: ${cohort.statusCode} ${cohort.body}`);
  const eventId = cohort.json().data.cohorts[0].eventId as string;
  const personIds: string[] = [];
  for (let i = 0; i < n; i++) {
    const [p] = await t.database.db
      .insert(people)
      .values({ name: `Advocate ${i + 1}`, countryCode: 'PH' })
      .returning();
    personIds.push(p!.id);
  }
  if (n > 0) {
    const invited = await t.request({
      method: 'POST',
      url: `/api/v1/events/${eventId}/invitations`,
      cookie,
      payload: { personIds },
    });
    if (invited.statusCode >= 300) throw new Error(`invite: ${invited.statusCode} ${invited.body}`);
  }
  const participants = (await t.request({ url: `/api/v1/training-cohorts/${eventId}`, cookie })).json().data
    .participants as { id: string; name: string }[];
  return { courseId, eventId, participants, version: created.json().data.version as number };
}

export function complete(t: TestApp, cookie: string, eventId: string, participantId: string, body: object) {
  return t.request({
    method: 'PUT',
    url: `/api/v1/training-cohorts/${eventId}/completions/${participantId}`,
    cookie,
    payload: body,
  });
}
