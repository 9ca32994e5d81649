import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { organisations } from '../directory/schema.ts';
import { events } from '../events/schema.ts';
import * as repo from './repository.ts';

// What the seed documents state (shared/seeds/001, the ILO good-practice record of MFA): the Asian
// Inter-Parliamentary Caucus on Labor Migration was formalised in 2011 in Phnom Penh, Cambodia,
// through a resolution of the assembled MPs, with MFA designated as its secretariat. The seeds
// give neither the day, the text of the resolution nor the names of the MPs: the resolution below
// takes the day of the demo meeting (invented, see events/demo.ts) and is marked demonstration;
// no members, seats or signatories are made up.

const SEED_TEXT =
  'The assembled MPs formalised the Asian Inter-Parliamentary Caucus on Labor Migration through a resolution that aimed to foster collaboration and encourage a proactive role for parliamentarians in advancing the rights and welfare of migrant workers across Asia. MFA was designated as the Secretariat that would act as the primary coordinating body for the Caucus.\n\n(Summary from the ILO good-practices database record of Migrant Forum in Asia; the text of the resolution itself is not in the seed documents.)';

/** Loads the 2011 resolution inside the demo-data transaction (directory and events are loaded). */
export async function loadCaucusDemo(tx: Tx): Promise<void> {
  const [caucus] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(
      and(
        eq(organisations.name, 'Asian Inter-Parliamentary Caucus on Labor Migration'),
        eq(organisations.typeCode, 'caucus'),
      ),
    );
  if (!caucus) return;
  const [meeting] = await tx
    .select({ id: events.id, startsAt: events.startsAt })
    .from(events)
    .where(eq(events.slug, 'caucus-meeting-2011'));
  await repo.insertResolution(tx, {
    caucusId: caucus.id,
    meetingId: meeting?.id ?? null,
    kind: 'resolution',
    title: 'Resolution formalising the Asian Inter-Parliamentary Caucus on Labor Migration',
    text: SEED_TEXT,
    adoptedOn: meeting ? meeting.startsAt.toISOString().slice(0, 10) : '2011-01-01',
    published: true,
    demonstration: true,
  });
}
