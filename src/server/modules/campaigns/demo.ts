import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { organisations } from '../directory/schema.ts';
import { programmes } from '../programmes/schema.ts';
import * as repo from './repository.ts';
import { DEFAULT_STAGES } from './stages.ts';

// The C189 ratification campaign the seeds name: APMM "currently campaigning closely in APME
// countries for the ratification of Domestic Workers Convention of the ILO (C189)" (shared/seeds/000),
// and MFA "has campaigned for the ratification of ILO Convention No. 189" (shared/seeds/001), across
// the countries those records list. Only what is certain is recorded as fact, with its source; every
// other standing is marked as demonstration data and shown so on the public page.

export const NORMLEX_C189 =
  'https://normlex.ilo.org/dyn/nrmlx_en/f?p=NORMLEXPUB:11300:0::NO::P11300_INSTRUMENT_ID:2551460';

/** APME countries named by the APMM seed: South Korea, Japan, Taiwan, New Zealand, Australia. */
const APME = ['KR', 'JP', 'TW', 'NZ', 'AU'];
/** The countries of MFA's good-practice record (shared/seeds/001). */
const MFA_COUNTRIES = [
  'BD',
  'KH',
  'CN',
  'HK',
  'IN',
  'ID',
  'IL',
  'JP',
  'KR',
  'MY',
  'MN',
  'MM',
  'NP',
  'PH',
  'SG',
  'LK',
  'TH',
];

/** Loads the demo campaign inside the demo-data transaction (APMM is already in the directory). */
export async function loadCampaignsDemo(tx: Tx): Promise<void> {
  const [apmm] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.acronym, 'APMM'));
  if (!apmm) return;
  const [programme] = await tx
    .select({ id: programmes.id })
    .from(programmes)
    .where(eq(programmes.slug, 'domestic-workers'));
  const stages = DEFAULT_STAGES.ratification;
  const campaign = await repo.insertCampaign(tx, {
    slug: 'c189-ratification',
    name: 'Ratify the Domestic Workers Convention (ILO C189)',
    names: {
      fil: 'Pagtibayin ang Kumbensiyon sa mga Manggagawang Pantahanan (ILO C189)',
      id: 'Ratifikasi Konvensi Pekerja Rumah Tangga (ILO C189)',
      ar: 'صادقوا على اتفاقية العمال المنزليين (منظمة العمل الدولية رقم 189)',
    },
    goal: 'Ratification of the Domestic Workers Convention, 2011 (No. 189) of the International Labour Organization, and the recognition of domestic work as work.',
    goals: {
      fil: 'Ang pagpapatibay ng Kumbensiyon sa mga Manggagawang Pantahanan, 2011 (Blg. 189) ng International Labour Organization, at ang pagkilala sa gawaing pantahanan bilang trabaho.',
      id: 'Ratifikasi Konvensi Pekerja Rumah Tangga, 2011 (No. 189) Organisasi Perburuhan Internasional, dan pengakuan kerja rumah tangga sebagai pekerjaan.',
      ar: 'المصادقة على اتفاقية العمال المنزليين لعام 2011 (رقم 189) لمنظمة العمل الدولية، والاعتراف بالعمل المنزلي بوصفه عملاً.',
    },
    typeCode: 'ratification',
    status: 'published',
    organisationId: apmm.id,
    programmeId: programme?.id ?? null,
    // The International Labour Conference adopted C189 on 16 June 2011.
    periodStart: '2011-06-16',
    stages,
  });
  const countries = [...new Set([...MFA_COUNTRIES, ...APME])];
  // Standings not checked against NORMLEX are demonstration until someone records a sourced change.
  await repo.insertCountries(tx, campaign.id, countries, stages[0]!.code, true);
  const tracker = async (code: string) => (await repo.findCountry(tx, campaign.id, code))!;

  // Fact: the Philippines ratified C189 on 5 September 2012; being the second ratification, the
  // Convention entered into force, for it too, twelve months later (5 September 2013).
  const ph = await tracker('PH');
  await repo.insertChange(tx, {
    campaignCountryId: ph.id,
    fromStage: 'not_ratified',
    stage: 'ratified',
    changedOn: '2012-09-05',
    sourceUrl: NORMLEX_C189,
    note: 'Ratification registered by the ILO (NORMLEX, ratifications of C189).',
  });
  await repo.insertChange(tx, {
    campaignCountryId: ph.id,
    fromStage: 'ratified',
    stage: 'in_force',
    changedOn: '2013-09-05',
    sourceUrl: NORMLEX_C189,
    note: 'In force twelve months after ratification (NORMLEX, ratifications of C189).',
  });
  await repo.updateCountryIfVersion(tx, ph.id, ph.version, {
    stage: 'in_force',
    stageSince: '2013-09-05',
    demonstration: false,
  });

  // Demonstration: the APMM seed says it campaigns in APME countries, but gives no date.
  for (const code of APME) {
    const row = await tracker(code);
    await repo.insertChange(tx, {
      campaignCountryId: row.id,
      fromStage: 'not_ratified',
      stage: 'campaign_active',
      changedOn: '2011-06-16',
      note: 'APMM campaigns in APME countries for the ratification of C189 (seed document); the date is demonstration data.',
      demonstration: true,
    });
    await repo.updateCountryIfVersion(tx, row.id, row.version, {
      stage: 'campaign_active',
      stageSince: '2011-06-16',
      demonstration: true,
    });
  }
}
