import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { organisations } from '../directory/schema.ts';
import { loadLibraryDemo } from '../library/demo.ts';
import { syncPracticeIndex } from './present.ts';
import * as repo from './repository.ts';

// The good-practice record of the ILO "Good practices database — Labour migration policies and
// programmes" in shared/seeds/001: Migrant Forum in Asia and its five initiatives, with its
// countries, thematic areas and MLFLM references exactly as the record gives them.

const DESCRIPTION =
  "<p>Migrant Forum in Asia (MFA) is a regional network of non-governmental organisations, associations, trade unions and advocates, working together to promote the protection and rights of migrant workers. MFA was conceived in 1990 in a meeting of migrant workers' advocates in Hong Kong and was formally established in 1994 in a forum held in Taiwan (China), entitled 'Living and Working Together with Migrants in Asia'. MFA is active in key inter-governmental regional consultative processes (ASEAN, Colombo Process, Abu Dhabi Dialogue and SAARC). At the global level, it engages with the UN Human Rights Mechanisms, Treaty Bodies and Special Mandates and the International Labour Conference to highlight migrants' rights concerns in the region. MFA has also been actively involved in the civil society activity surrounding the Global Forum on Migration and Development (GFMD), and has campaigned for the ratification of ILO Convention No. 189 on Domestic Workers, 2011. Some of its most important initiatives are highlighted below.</p>\n<ol>\n<li><strong>Asian Migrant Yearbook</strong>: The Asian Migrant Yearbook was a bi-annual publication prepared by the Asian Migrant Centre and MFA starting in 1998. It provided periodic reports on the situation of migrants in a number of Asian countries. Country reports included statistics on migration, including inflows and outflows as well as annual stocks, along with updates on the political and economic situation of each country, migration trends, and responses taken by various parties with regard to migrants' issues and needs. In addition, the Yearbook provided thematic reports on migration issues such as health, gender and trafficking. The final issue of the Yearbook was produced in 2009 as a special edition focusing on migration and development. This was replaced by policy briefs in 2012. These briefs are meant as capacity-building advocacy tools for MFA members and partners in understanding emerging issues concerning migrant workers in the region. They are also designed as lobby documents with governments. The briefs are available to download below.</li>\n<li><strong>Dialogue with Missions</strong>: MFA's strategic engagement with Missions was conceived as a direct result of the grassroots work of MFA members and partners on the ground, who collaborate on a regular basis with embassy and consular officials in the destination countries, and together provide humanitarian actions against the challenging situations faced by migrant workers and members of their families. Together, civil society, migrant workers and the missions engage in dialogues to look into gaps and opportunities, adopt recommendations that can positively impact labour rights and human rights and the effective implementation of policies, programmes and services for migrant workers in destination countries. Dialogues with Missions were and are being held in Jordan, Lebanon, Oman, Qatar and the UAE.</li>\n<li><strong>Diplomacy Training Program for the promotion and protection of the rights of migrant workers and members of their families</strong>: The Diplomacy Training Program (DTP) is an independent, Australian NGO committed to advancing human rights and empowering civil society in the Asia Pacific region through quality education and training and the building of skills and capacity among non-governmental organisations, individual human rights defenders and community advocates. The DTP was founded in 1989 by Nobel Peace Laureate José Ramos-Horta. Since January 1990, the Program has provided practical human rights training to over 2,200 human rights defenders and community advocates in the Asia-Pacific Region. Its practical, participatory courses develop the knowledge, networks and skills of human rights defenders in Australia, Asia and the Pacific to help them be more effective in making a difference for human rights. The collaboration between MFA and the DTP since 2004 has focused on building the capacity of members of MFA's network, nurturing collaborative relationships between MFA, its members and others including trade unions, national human rights institutions, wider civil society and international institutions. MFA follows up on the training, working with participants to support them in applying the training in their subsequent advocacy for the rights of migrant workers.</li>\n<li><strong>Inter-parliamentary Caucus on Labor Migration</strong>: The Asian Inter-Parliamentary Caucus on Labor Migration was formalised in 2011 in Phnom Penh, Cambodia, through a resolution of the assembled MPs that aimed to foster collaboration and encourage a proactive role for parliamentarians in advancing the rights and welfare of migrant workers across Asia. MFA was designated as the Secretariat that would act as the primary coordinating body for the Caucus. Since 2007, MFA and network partners have been facilitating a parliamentarians programme aimed at identifying the role for parliamentarians on the issues of labour migration and migrants' rights, enhancing participation of MPs in that role, and identifying key issue areas to take on.</li>\n<li><strong>Lawyers Beyond Borders</strong>: Lawyers Beyond Borders (LBB) is a transnational network established by MFA in 2011 in response to the crucial need for more fair and adequate legal redress mechanisms for migrants, and increased coordination among legal practitioners in countries of origin and destination. Members of the network focus on migrant workers' rights violation cases in Asia (West Asia in particular), and they make efforts to apply impact litigation and policy advocacy to their work.</li>\n</ol>";

/** Country(ies) of the record, as ISO 3166-1 alpha-2 (Hong Kong, China = HK; Korea, Republic of = KR). */
const COUNTRIES = [
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
/** "MLFLM: 3.; 8.; 9.(a),(b),(c); 11.; 8.; 9.(b); 10." with the repeats removed. */
const MLFLM = ['p3', 'p8', 'p9.a', 'p9.b', 'p9.c', 'p11', 'p10'];

/** Loads the seed good practice inside the demo-data transaction (MFA is already in the directory). */
export async function loadKnowledgeDemo(tx: Tx): Promise<void> {
  const [mfa] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.acronym, 'MFA'));
  if (!mfa) return;
  const yearbook = await loadLibraryDemo(tx);
  const row = await repo.insertPractice(tx, {
    title: 'Migrant Forum in Asia (MFA)',
    description: DESCRIPTION,
    status: 'published',
    organisationId: mfa.id,
    regions: ['ilo-asia-pacific'],
    countries: COUNTRIES,
    themes: ['evidence_based_policy', 'protection', 'ratification_campaigns'],
    mlflm: MLFLM,
    documentIds: yearbook ? [yearbook] : [],
    periodStart: '1994',
    sources: [
      {
        title:
          'ILO Good practices database - Labour migration policies and programmes (last updated 05.05.2015)',
      },
    ],
    publishedAt: new Date('2015-05-05T00:00:00Z'),
  });
  await repo.replaceResponsible(tx, row.id, [{ organisationId: mfa.id, typeCode: 'civil_society' }]);
  await repo.insertEvent(tx, {
    practiceId: row.id,
    action: 'publish',
    fromStatus: 'submitted',
    toStatus: 'published',
    comment: 'Imported from the ILO good-practices database.',
  });
  await syncPracticeIndex(tx, row);
}
