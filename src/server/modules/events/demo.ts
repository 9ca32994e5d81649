import { eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { organisations } from '../directory/schema.ts';
import { programmes } from '../programmes/schema.ts';
import * as repo from './repository.ts';
import { instantOf } from './zones.ts';

// Convenings the seed documents state (shared/seeds/001, the ILO good-practice record of MFA):
// - the 2011 meeting in Phnom Penh, Cambodia, at which the assembled MPs formalised the Asian
//   Inter-Parliamentary Caucus on Labor Migration by a resolution, with MFA as its secretariat;
// - MFA's dialogues with missions, held in Jordan, Lebanon, Oman, Qatar and the UAE;
// - the training MFA runs with the Diplomacy Training Program (DTP) since 2004, with follow-up.
// The seeds give no day, hour, venue or capacity for any of them, nor the city of a dialogue:
// those are invented and every such event carries `demonstration: true`, shown on its pages.

const SEED_NOTE =
  'Source: ILO good-practices database record of Migrant Forum in Asia (last updated 05.05.2015).';

interface DemoEvent {
  kindCode: string;
  title: string;
  description: string;
  programme: string;
  organisers: string[];
  city: string | null;
  countryCode: string;
  timeZone: string;
  startsLocal: string;
  endsLocal: string;
  capacity?: number;
  languages: string[];
}

function demoEvents(nextYear: number): DemoEvent[] {
  return [
    {
      kindCode: 'caucus_meeting',
      title:
        'Meeting of parliamentarians that formalised the Asian Inter-Parliamentary Caucus on Labor Migration',
      description:
        '<p>In 2011 in Phnom Penh, Cambodia, the assembled MPs formalised the Asian Inter-Parliamentary Caucus on Labor Migration through a resolution that aimed to foster collaboration and encourage a proactive role for parliamentarians in advancing the rights and welfare of migrant workers across Asia. MFA was designated as the Secretariat, the primary coordinating body for the Caucus.</p>' +
        `<p>${SEED_NOTE}</p>`,
      programme: 'Inter-parliamentary Caucus on Labor Migration',
      organisers: [],
      city: 'Phnom Penh',
      countryCode: 'KH',
      timeZone: 'Asia/Phnom_Penh',
      // The year is the seed's; the days are invented.
      startsLocal: '2011-11-14T09:00',
      endsLocal: '2011-11-15T17:00',
      languages: ['en'],
    },
    {
      kindCode: 'dialogue',
      title: 'Dialogue with Missions',
      description:
        '<p>Civil society, migrant workers and the missions engage in dialogues to look into gaps and opportunities, and adopt recommendations that can positively impact labour rights and human rights and the effective implementation of policies, programmes and services for migrant workers in destination countries. Dialogues with Missions were and are being held in Jordan, Lebanon, Oman, Qatar and the UAE.</p>' +
        `<p>${SEED_NOTE}</p>`,
      programme: 'Dialogue with Missions',
      organisers: ['MFA'],
      city: null,
      countryCode: 'JO',
      timeZone: 'Asia/Amman',
      startsLocal: '2015-03-10T09:00',
      endsLocal: '2015-03-10T17:00',
      languages: ['en', 'ar'],
    },
    {
      kindCode: 'training_course',
      title:
        'Diplomacy Training Program for the promotion and protection of the rights of migrant workers and members of their families',
      description:
        '<p>Practical, participatory human rights training that develops the knowledge, networks and skills of human rights defenders and community advocates. The collaboration between MFA and the DTP since 2004 has focused on building the capacity of members of MFA’s network. MFA follows up on the training, working with participants to support them in applying it in their advocacy for the rights of migrant workers.</p>' +
        `<p>${SEED_NOTE}</p>`,
      programme:
        'Diplomacy Training Program for the promotion and protection of the rights of migrant workers and members of their families',
      organisers: ['MFA', 'DTP'],
      city: null,
      countryCode: 'PH',
      timeZone: 'Asia/Manila',
      startsLocal: `${nextYear}-03-16T09:00`,
      endsLocal: `${nextYear}-03-27T17:00`,
      capacity: 30,
      languages: ['en'],
    },
  ];
}

/** Loads the demo events inside the demo-data transaction (the directory and programmes are loaded). */
export async function loadEventsDemo(tx: Tx): Promise<void> {
  const orgs = await tx
    .select({ id: organisations.id, acronym: organisations.acronym })
    .from(organisations)
    .where(inArray(organisations.acronym, ['MFA', 'DTP']));
  const mfa = orgs.find((o) => o.acronym === 'MFA');
  if (!mfa) return;
  for (const e of demoEvents(new Date().getUTCFullYear() + 1)) {
    const [programme] = await tx
      .select({ id: programmes.id })
      .from(programmes)
      .where(eq(programmes.name, e.programme));
    const startsAt = instantOf(e.startsLocal, e.timeZone)!;
    const row = await repo.insertEvent(tx, {
      slug: `${e.kindCode.replace(/_/g, '-')}-${startsAt.getUTCFullYear()}`,
      kindCode: e.kindCode,
      title: e.title,
      description: e.description,
      organisationId: mfa.id,
      programmeId: programme?.id ?? null,
      city: e.city,
      countryCode: e.countryCode,
      timeZone: e.timeZone,
      startsAt,
      endsAt: instantOf(e.endsLocal, e.timeZone)!,
      capacity: e.capacity ?? null,
      languages: e.languages,
      visibility: 'public',
      demonstration: true,
    });
    await repo.replaceOrganisations(
      tx,
      row.id,
      e.organisers.flatMap((acronym) => {
        const o = orgs.find((x) => x.acronym === acronym);
        return o ? [{ organisationId: o.id, role: 'organiser' as const }] : [];
      }),
    );
  }
}
