import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { organisations } from '../directory/schema.ts';
import * as events from '../events/repository.ts';
import { eventParticipants, events as eventsTable } from '../events/schema.ts';
import { instantOf } from '../events/zones.ts';
import { programmes } from '../programmes/schema.ts';
import { addMonths } from './completions.ts';
import * as repo from './repository.ts';
import { trainingFollowUps } from './schema.ts';

// The seeds (shared/seeds/001, the ILO good-practice record of MFA) state: the Diplomacy Training
// Program (DTP), founded in 1989, has trained over 2,200 human rights defenders and community
// advocates in the Asia-Pacific since January 1990; MFA and the DTP work together since 2004; MFA
// follows up on the training with the participants. They name no cohort, date, place or
// participant: the past cohort below, its three participants and their outcomes are invented,
// the event carries `demonstration: true` and every name and note says it is demonstration data.

const PROGRAMME =
  'Diplomacy Training Program for the promotion and protection of the rights of migrant workers and members of their families';
const DESCRIPTION =
  'Practical, participatory human rights training for human rights defenders and community advocates in the Asia-Pacific region, run by the Diplomacy Training Program (founded in 1989 by Nobel Peace Laureate José Ramos-Horta), which has trained over 2,200 of them since January 1990. MFA and the DTP work together since 2004; MFA follows up on the training, working with participants to support them in applying it in their advocacy for the rights of migrant workers.';

/** Loads the training programme, an upcoming and a past cohort, completions and follow-ups. */
export async function loadTrainingsDemo(tx: Tx): Promise<void> {
  const [mfa] = await tx.select().from(organisations).where(eq(organisations.acronym, 'MFA'));
  if (!mfa) return;
  const [programme] = await tx
    .select({ id: programmes.id })
    .from(programmes)
    .where(eq(programmes.name, PROGRAMME));
  const course = await repo.insertCourse(tx, {
    title: 'Human rights training for advocates (Diplomacy Training Program)',
    description: DESCRIPTION,
    organisationId: mfa.id,
    programmeId: programme?.id ?? null,
    issuer: 'Migrant Forum in Asia and the Diplomacy Training Program',
  });
  // The upcoming course the events demo made is one cohort.
  const [upcoming] = await tx
    .select()
    .from(eventsTable)
    .where(and(eq(eventsTable.kindCode, 'training_course'), eq(eventsTable.organisationId, mfa.id)));
  if (upcoming)
    await repo.insertCohort(tx, { eventId: upcoming.id, courseId: course.id, label: 'Upcoming cohort' });

  const year = new Date().getUTCFullYear() - 1;
  const zone = 'Asia/Manila';
  const past = await events.insertEvent(tx, {
    slug: `training-course-demonstration-${year}`,
    kindCode: 'training_course',
    title: 'Regional human rights training for advocates (demonstration cohort)',
    description: '<p>Demonstration data: the seed documents state no cohort, date or place.</p>',
    organisationId: mfa.id,
    programmeId: programme?.id ?? null,
    city: 'Manila',
    countryCode: 'PH',
    timeZone: zone,
    startsAt: instantOf(`${year}-02-02T09:00`, zone)!,
    endsAt: instantOf(`${year}-02-13T17:00`, zone)!,
    languages: ['en'],
    visibility: 'private',
    demonstration: true,
  });
  await repo.insertCohort(tx, {
    eventId: past.id,
    courseId: course.id,
    label: `${year} cohort (demonstration)`,
  });
  const lastDay = `${year}-02-13`;
  const people: [string, 'female' | 'male', string, 'completed' | 'not_completed', string][] = [
    ['Demonstration participant A', 'female', 'NP', 'completed', 'ne'],
    ['Demonstration participant B', 'male', 'BD', 'completed', 'bn'],
    ['Demonstration participant C', 'female', 'ID', 'not_completed', 'id'],
  ];
  for (const [name, sex, countryCode, state, language] of people) {
    const [p] = await tx
      .insert(eventParticipants)
      .values({ eventId: past.id, name, status: 'accepted', source: 'staff', matchState: 'unmatched' })
      .returning();
    await repo.insertCompletion(tx, {
      participantId: p!.id,
      eventId: past.id,
      state,
      completedOn: lastDay,
      sex,
      countryCode,
      organisationName: 'Demonstration member organisation',
      language,
    });
    if (state !== 'completed') continue;
    await repo.scheduleFollowUps(
      tx,
      course.followUpMonths.map((m) => ({
        participantId: p!.id,
        eventId: past.id,
        monthsAfter: m,
        dueOn: addMonths(lastDay, m),
        assigneeId: null,
      })),
    );
    // The 3-month follow-up is done; the later ones are open (or overdue) tasks.
    await tx
      .update(trainingFollowUps)
      .set({
        outcomeCodes: ['trained_others'],
        note: 'Demonstration data: an invented outcome.',
        closedAt: instantOf(`${addMonths(lastDay, 3)}T12:00`, zone)!,
      })
      .where(and(eq(trainingFollowUps.participantId, p!.id), eq(trainingFollowUps.monthsAfter, 3)));
  }
}
