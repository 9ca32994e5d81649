import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { searchTextOf } from '../directory/repository.ts';
import { organisations } from '../directory/schema.ts';
import { events } from '../events/schema.ts';
import * as repo from './repository.ts';
import type { RecommendationStatus } from './schema.ts';

// The seed (shared/seeds/001, the ILO good-practice record of MFA) says: civil society, migrant
// workers and the missions (embassy and consular officials in destination countries) engage in
// dialogues, adopt recommendations and follow up their implementation; "Dialogues with Missions
// were and are being held in Jordan, Lebanon, Oman, Qatar and the UAE." It names no mission, no
// recommendation and no outcome: the counterparts below stand for the missions met in each of the
// five countries, and every recommendation and update is invented (`demonstration: true`).

const DEMO = 'Demonstration data: the seed documents do not name the missions.';

const COUNTERPARTS: [country: string, place: string][] = [
  ['JO', 'Jordan'],
  ['LB', 'Lebanon'],
  ['OM', 'Oman'],
  ['QA', 'Qatar'],
  ['AE', 'the UAE'],
];

interface DemoRecommendation {
  text: string;
  addressee: string;
  themes: string[];
  countries: string[];
  updates: { status: RecommendationStatus; date: string; note: string }[];
}

const RECOMMENDATIONS: DemoRecommendation[] = [
  {
    text: 'Give migrant workers in detention, documented or not, consular assistance with interpreters in their own languages.',
    addressee: 'JO',
    themes: ['protection'],
    countries: ['JO'],
    updates: [
      {
        status: 'accepted',
        date: '2015-06-01',
        note: 'The missions agreed to the recommendation (demonstration).',
      },
    ],
  },
  {
    text: 'Set up a joint referral mechanism between the missions, civil society and migrant workers’ associations for cases of labour rights violations.',
    addressee: 'QA',
    themes: ['protection', 'social_dialogue'],
    countries: ['QA'],
    updates: [
      { status: 'accepted', date: '2015-05-15', note: 'Accepted at the follow-up meeting (demonstration).' },
      {
        status: 'in_progress',
        date: '2016-02-01',
        note: 'A first referral desk is being staffed (demonstration).',
      },
    ],
  },
  {
    text: 'Support the ratification and implementation of ILO Convention No. 189 on Domestic Workers.',
    addressee: 'LB',
    themes: ['ratification_campaigns'],
    countries: ['LB'],
    updates: [],
  },
];

/** Loads the dialogue's counterparts and recommendations (the events demo is loaded before). */
export async function loadRecommendationsDemo(tx: Tx): Promise<void> {
  const [dialogue] = await tx.select().from(events).where(eq(events.slug, 'dialogue-2015'));
  if (!dialogue) return;
  const ids = new Map<string, string>();
  for (const [country, place] of COUNTERPARTS) {
    const o = {
      name: `Missions of countries of origin in ${place} (demonstration)`,
      typeCode: 'embassy',
      countryCode: country,
      description: DEMO,
    };
    const [row] = await tx
      .insert(organisations)
      .values({ ...o, countries: [country], searchText: searchTextOf(o), published: true })
      .returning({ id: organisations.id });
    ids.set(country, row!.id);
  }
  await repo.replaceCounterparts(tx, dialogue.id, [...ids.values()]);
  for (const r of RECOMMENDATIONS) {
    const last = r.updates.at(-1);
    const row = await repo.insertRecommendation(tx, {
      eventId: dialogue.id,
      text: r.text,
      addresseeId: ids.get(r.addressee)!,
      themes: r.themes,
      countries: r.countries,
      status: last?.status ?? 'proposed',
      statusSince: last?.date ?? null,
      demonstration: true,
    });
    let from: RecommendationStatus = 'proposed';
    for (const u of r.updates) {
      await repo.insertUpdate(tx, {
        recommendationId: row.id,
        fromStatus: from,
        status: u.status,
        happenedOn: u.date,
        note: u.note,
        demonstration: true,
      });
      from = u.status;
    }
  }
}
