import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTypesetting } from '../../platform/typeset/typeset.ts';
import { buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { NEXT_YEAR } from '../events/test-support.ts';
import { addMonths } from './completions.ts';
import { complete, courseWithCohort } from './test-support.ts';

let t: TestApp;
let staff: string;
let orgId: string;
beforeAll(async () => {
  t = await createTestApp();
  const me = await buildUser(t, { role: 'secretariat' });
  orgId = me.organisationId;
  staff = await me.session();
});
afterAll(async () => {
  closeTypesetting();
  await t.close();
});

const get = (url: string, cookie = staff) => t.request({ url, cookie });

describe('trainings', () => {
  it('adds months to a date, keeping the last day of shorter months', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2027-08-15', 6)).toBe('2028-02-15');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
  });

  it('records completion, schedules the 3, 6 and 12-month follow-ups, and closes one with an outcome', async () => {
    const { courseId, eventId, participants } = await courseWithCohort(t, staff, 2);
    const course = (await get(`/api/v1/trainings/${courseId}`)).json().data;
    expect(course.followUpMonths).toEqual([3, 6, 12]);
    expect(course.cohorts).toHaveLength(1);

    const [a, b] = participants;
    const done = await complete(t, staff, eventId, a!.id, {
      state: 'completed',
      sex: 'female',
      countryCode: 'NP',
    });
    expect(done.statusCode, done.body).toBe(200);
    const mine = done.json().data.participants.find((p: { id: string }) => p.id === a!.id);
    expect(mine.completion).toMatchObject({
      state: 'completed',
      completedOn: `${NEXT_YEAR}-01-20`,
      sex: 'female',
    });
    expect(mine.followUps.map((f: { dueOn: string }) => f.dueOn)).toEqual([
      `${NEXT_YEAR}-04-20`,
      `${NEXT_YEAR}-07-20`,
      `${NEXT_YEAR + 1}-01-20`,
    ]);
    expect((await complete(t, staff, eventId, b!.id, { state: 'not_completed' })).statusCode).toBe(200);

    const tasks = (await get('/api/v1/training-follow-ups?scope=mine')).json().data;
    expect(tasks.filter((f: { eventId: string }) => f.eventId === eventId)).toHaveLength(3);
    const six = tasks.find(
      (f: { monthsAfter: number; eventId: string }) => f.monthsAfter === 6 && f.eventId === eventId,
    );
    const closed = await t.request({
      method: 'PATCH',
      url: `/api/v1/training-follow-ups/${six.id}`,
      cookie: staff,
      payload: { outcomeCodes: ['trained_others'], note: 'Ran two workshops', version: six.version },
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().data.closed).toBe(true);
    const done6 = (await get('/api/v1/training-follow-ups?state=closed')).json().data;
    expect(done6.find((f: { id: string }) => f.id === six.id).outcomeLabels).toEqual(['Trained others']);

    // Withdrawn completion: open follow-ups go, the closed one keeps what was learnt.
    const version = mine.completion.version;
    expect((await complete(t, staff, eventId, a!.id, { state: 'not_completed', version })).statusCode).toBe(
      200,
    );
    const after = (await get(`/api/v1/training-cohorts/${eventId}`))
      .json()
      .data.participants.find((p: { id: string }) => p.id === a!.id);
    expect(after.followUps.map((f: { monthsAfter: number }) => f.monthsAfter)).toEqual([6]);
  });

  it('lists alumni by country, organisation, year and sex, exports the same as CSV, and counts reach', async () => {
    const { eventId, participants } = await courseWithCohort(t, staff, 3);
    await complete(t, staff, eventId, participants[0]!.id, {
      state: 'completed',
      sex: 'female',
      countryCode: 'ID',
      organisationName: 'Union of domestic workers',
    });
    await complete(t, staff, eventId, participants[1]!.id, {
      state: 'completed',
      sex: 'male',
      countryCode: 'ID',
    });
    await complete(t, staff, eventId, participants[2]!.id, {
      state: 'completed',
      sex: 'female',
      countryCode: 'BD',
    });

    const byFilter = async (q: string) => (await get(`/api/v1/training-alumni?${q}`)).json().data.length;
    expect(await byFilter('country=ID')).toBe(2);
    expect(await byFilter('country=ID&sex=female')).toBe(1);
    expect(await byFilter('organisation=domestic')).toBe(1);
    expect(await byFilter(`year=${NEXT_YEAR}&country=BD`)).toBe(1);
    expect(await byFilter(`year=${NEXT_YEAR - 5}`)).toBe(0);

    const csv = await get('/api/v1/training-alumni.csv?country=ID');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.trim().split('\r\n')).toHaveLength(3);

    const reach = (await get('/api/v1/training-reach')).json().data;
    expect(reach.byYear.find((r: { year: number }) => r.year === NEXT_YEAR).value).toBeGreaterThanOrEqual(3);
    expect(reach.byCountry.find((r: { countryCode: string }) => r.countryCode === 'ID').value).toBe(2);
    expect(reach.bySex.map((r: { sex: string }) => r.sex)).toContain('female');
  });

  it('feeds a programme’s reach indicator from the trained source', async () => {
    const admin = await (
      await buildUser(t, { role: 'network_administrator', organisationId: orgId })
    ).session();
    const programme = await t.request({
      method: 'POST',
      url: '/api/v1/programmes',
      cookie: admin,
      payload: {
        name: 'Capacity building',
        runningOrganisationIds: [orgId],
        indicators: [{ label: 'People trained', source: 'trained' }],
      },
    });
    expect(programme.statusCode, programme.body).toBe(201);
    const programmeId = programme.json().data.id;
    const { eventId, participants } = await courseWithCohort(t, admin, 2, { programmeId });
    for (const p of participants) await complete(t, admin, eventId, p.id, { state: 'completed' });
    const read = (await get(`/api/v1/programmes/${programmeId}`, admin)).json().data;
    const indicator = read.indicators.find((i: { source: string }) => i.source === 'trained');
    expect(indicator.values).toEqual([{ year: NEXT_YEAR, value: 2 }]);
  });

  it('edits and deletes a course; the cohort’s event stays', async () => {
    const { courseId, eventId, version } = await courseWithCohort(t, staff, 0);
    const edited = await t.request({
      method: 'PATCH',
      url: `/api/v1/trainings/${courseId}`,
      cookie: staff,
      payload: { followUpMonths: [12, 6], version },
    });
    expect(edited.json().data.followUpMonths).toEqual([6, 12]);
    const gone = await t.request({
      method: 'DELETE',
      url: `/api/v1/trainings/${courseId}?version=${edited.json().data.version}`,
      cookie: staff,
    });
    expect(gone.statusCode).toBe(204);
    expect((await get(`/api/v1/events/${eventId}`)).statusCode).toBe(200);
  });

  it('issues a certificate in the participant’s language: a unique number, a staff download and a private link', async () => {
    const { eventId, participants } = await courseWithCohort(t, staff, 2, { title: 'تدريب حقوق الإنسان' });
    const numbers: string[] = [];
    for (const [i, p] of participants.entries()) {
      const done = await complete(t, staff, eventId, p.id, {
        state: 'completed',
        language: i === 0 ? 'ar' : 'ne',
      });
      const version = done.json().data.participants.find((x: { id: string }) => x.id === p.id)
        .completion.version;
      const issued = await t.request({
        method: 'POST',
        url: `/api/v1/training-cohorts/${eventId}/completions/${p.id}/certificate`,
        cookie: staff,
        payload: { version },
      });
      expect(issued.statusCode, issued.body).toBe(200);
      numbers.push(issued.json().data.certificateNumber);
      if (i > 0) continue;
      const pdf = await get(`/api/v1/training-certificates/${issued.json().data.certificateNumber}`);
      expect(pdf.statusCode, pdf.body.slice(0, 300)).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      // The participant's own link, without a session.
      const own = await t.request({ url: new URL(issued.json().data.link).pathname });
      expect(own.statusCode).toBe(200);
      expect(own.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      // Issuing again keeps the number and revokes the old link.
      const again = await t.request({
        method: 'POST',
        url: `/api/v1/training-cohorts/${eventId}/completions/${p.id}/certificate`,
        cookie: staff,
        payload: { version: issued.json().data.version },
      });
      expect(again.json().data.certificateNumber).toBe(issued.json().data.certificateNumber);
      expect((await t.request({ url: new URL(issued.json().data.link).pathname })).statusCode).toBe(404);
    }
    expect(new Set(numbers).size).toBe(2);
    for (const n of numbers) expect(n).toMatch(/^TUL-\d{4}-[A-Z0-9]{8}$/);
  });
});
