import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { organisations } from '../directory/schema.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
});
afterAll(() => t.close());

describe('demo trainings', () => {
  it('has the training programme with a past cohort, its graduates and follow-ups, marked as demonstration data', async () => {
    const [mfa] = await t.database.db.select().from(organisations).where(eq(organisations.acronym, 'MFA'));
    const cookie = await (await buildUser(t, { role: 'secretariat', organisationId: mfa!.id })).session();
    const [course] = (await t.request({ url: '/api/v1/trainings', cookie })).json().data;
    expect(course.description).toContain('2,200');
    const detail = (await t.request({ url: `/api/v1/trainings/${course.id}`, cookie })).json().data;
    expect(detail.cohorts).toHaveLength(2);
    const alumni = (await t.request({ url: '/api/v1/training-alumni', cookie })).json().data;
    expect(alumni.map((a: { name: string }) => a.name)).toEqual(
      expect.arrayContaining(['Demonstration participant A', 'Demonstration participant B']),
    );
    const done = (
      await t.request({ url: '/api/v1/training-follow-ups?scope=all&state=closed', cookie })
    ).json().data;
    expect(done).toHaveLength(2);
    expect(done[0].note).toContain('Demonstration data');
    const open = (await t.request({ url: '/api/v1/training-follow-ups?scope=all', cookie })).json().data;
    expect(open).toHaveLength(4);
  });
});
