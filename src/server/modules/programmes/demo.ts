import type { Tx } from '../../db/client.ts';
import * as repo from './repository.ts';

// Every programme and initiative the seed documents name (shared/seeds), with the countries,
// partners and secretariats they state and nothing more. The seeds name no staff or area
// coordinators, so no people are attached (none are invented); nor do they give yearly figures,
// so no reach indicator carries a typed figure. Texts are summaries of the seeds' own words.
// 000 = the mission's programmes (APMM); 001 = the ILO good-practice record of MFA's initiatives.

interface DemoProgramme {
  slug: string;
  name: string;
  summary: string;
  /** Keys of the demo organisations (src/server/demo/seed-data.ts). */
  runs: string[];
  partners?: string[];
  secretariatOf?: string[];
  countries?: string[];
  themes: string[];
  targetGroups: string[];
  periodStart?: string;
  periodEnd?: string;
  /** A computed indicator: figures come from Tulay's own records, none typed. */
  casesIndicator?: boolean;
}

/** The APME countries where the mission's area coordinators and partners are (seed 000). */
const APME = ['KR', 'JP', 'TW', 'NZ', 'AU'];

export const demoProgrammes: DemoProgramme[] = [
  {
    slug: 'advocacy-network-building-and-internships',
    name: 'Advocacy, network building and internships',
    summary:
      'Helps establish and strengthen migrant workers’ organisations: campaigns, conferences, leadership and capacity-building workshops with migrant organisations; work with faith groups, service institutions, grassroots sectoral organisations, human rights groups and universities; coordination with area coordinators and partners in South Korea, Japan, Taiwan, New Zealand and Australia; regional and global networking. Includes the internship programme developed with schools and institutions.',
    runs: ['apmm'],
    countries: APME,
    themes: ['networking', 'capacity_building', 'internships'],
    targetGroups: ['migrant_organisations', 'students'],
  },
  {
    slug: 'education-and-research',
    name: 'Education, research and publications',
    summary:
      'Raises migrant workers’ consciousness and capacities and encourages the growth of their own organisations; research is part of the education, awareness and advocacy work, and the programme releases publications.',
    runs: ['apmm'],
    themes: ['research'],
    targetGroups: ['migrant_workers'],
  },
  {
    slug: 'women-migrants',
    name: 'Women’s programme',
    summary:
      'With almost two thirds of migrants being women, the primary emphasis: organising work sensitised to women’s concerns together with migrant workers’ rights.',
    runs: ['apmm'],
    themes: ['women'],
    targetGroups: ['women'],
  },
  {
    slug: 'undocumented-migrants',
    name: 'Undocumented migrants: no one wants to be illegal',
    summary:
      'Advocates recognition of the rights, wellbeing and dignity of undocumented migrants and calls for a stop to their arrest, detention and deportation.',
    runs: ['apmm'],
    themes: ['undocumented'],
    targetGroups: ['undocumented'],
  },
  {
    slug: 'migrant-workers-and-trade-unions',
    name: 'Organising migrant workers into local trade unions',
    summary:
      'Promotes the organisation and inclusion of migrant workers into local trade unions in their host countries; dialogues between migrant workers’ associations and local trade unions. In New Zealand, Australia and South Korea, trade unions have started recruiting migrant workers.',
    runs: ['apmm'],
    countries: ['NZ', 'AU', 'KR'],
    themes: ['trade_unions'],
    targetGroups: ['migrant_workers', 'migrant_organisations'],
  },
  {
    slug: 'empowering-marriage-migrants',
    name: 'Empowering Marriage Migrants',
    summary:
      'Advocacy, research and workshops at national, regional and global levels on immigration status, access to services and employment, domestic violence, discrimination and children’s concerns. APMM partners with AMM♀RE and is its secretariat.',
    runs: ['apmm'],
    partners: ['amm'],
    secretariatOf: ['amm'],
    themes: ['marriage_migration', 'women'],
    targetGroups: ['marriage_migrants', 'women'],
  },
  {
    slug: 'development-and-forced-migration',
    name: 'Development and Forced Migration',
    summary:
      'Critical positions on migration and development from the human rights of migrants; root causes of forced migration; grassroots engagement in official spaces; study and monitoring of economic partnership and bilateral agreements in and outside ASEAN. APMM initiated the Migrants Caucus on the ASEAN and is its secretariat.',
    runs: ['apmm'],
    secretariatOf: ['mca'],
    themes: ['development_forced_migration', 'trade_agreements', 'intergovernmental'],
    targetGroups: ['migrant_workers'],
  },
  {
    slug: 'domestic-workers',
    name: 'Domestic workers',
    summary:
      'Campaigns for the recognition of domestic work as work with grassroots migrant organisations and regional platforms, and for the ratification of ILO Convention 189 in the APME countries.',
    runs: ['apmm'],
    countries: APME,
    themes: ['domestic_work', 'ratification'],
    targetGroups: ['domestic_workers'],
  },
  {
    slug: 'asian-migrant-yearbook-and-policy-briefs',
    name: 'Asian Migrant Yearbook and policy briefs',
    summary:
      'A bi-annual yearbook prepared by the Asian Migrant Centre and MFA from 1998: country reports with migration statistics, political and economic updates, trends and responses, and thematic reports (health, gender, trafficking). The final issue (2009) focused on migration and development; policy briefs replaced it in 2012.',
    runs: ['mfa', 'amc'],
    periodStart: '1998',
    themes: ['research'],
    targetGroups: ['migrant_organisations'],
  },
  {
    slug: 'dialogue-with-missions',
    name: 'Dialogue with Missions',
    summary:
      'Civil society, migrant workers and embassy and consular missions in destination countries look into gaps and opportunities and adopt recommendations on labour and human rights and on policies, programmes and services for migrant workers.',
    runs: ['mfa'],
    countries: ['JO', 'LB', 'OM', 'QA', 'AE'],
    themes: ['intergovernmental'],
    targetGroups: ['missions', 'migrant_workers'],
  },
  {
    slug: 'diplomacy-training-program-migrant-workers',
    name: 'Diplomacy Training Program for the promotion and protection of the rights of migrant workers and members of their families',
    summary:
      'Collaboration between MFA and the Diplomacy Training Program since 2004, building the capacity of MFA’s network members and their relations with trade unions, national human rights institutions, civil society and international institutions; MFA follows up with participants after the training.',
    runs: ['mfa'],
    partners: ['dtp'],
    periodStart: '2004',
    themes: ['capacity_building'],
    targetGroups: ['rights_defenders'],
  },
  {
    slug: 'inter-parliamentary-caucus-on-labor-migration',
    name: 'Inter-parliamentary Caucus on Labor Migration',
    summary:
      'Since 2007 MFA and network partners facilitate a parliamentarians programme on labour migration and migrants’ rights. The Asian Inter-Parliamentary Caucus on Labor Migration was formalised in 2011 in Phnom Penh; MFA was designated its secretariat.',
    runs: ['mfa'],
    secretariatOf: ['caucus'],
    periodStart: '2007',
    themes: ['parliamentary'],
    targetGroups: ['parliamentarians'],
  },
  {
    slug: 'lawyers-beyond-borders',
    name: 'Lawyers Beyond Borders',
    summary:
      'A transnational network established by MFA in 2011 for fair and adequate legal redress for migrants and coordination among legal practitioners in countries of origin and destination; its members take rights-violation cases in Asia (West Asia in particular), with impact litigation and policy advocacy.',
    runs: ['mfa'],
    periodStart: '2011',
    themes: ['legal_redress'],
    targetGroups: ['lawyers', 'migrant_workers'],
    casesIndicator: true,
  },
];

/** Loads the demo programmes, published, inside the demo transaction; `ids` maps demo keys to organisations. */
export async function loadProgrammesDemo(tx: Tx, ids: ReadonlyMap<string, string>): Promise<void> {
  const org = (key: string) => {
    const id = ids.get(key);
    if (!id) throw new Error(`Demo programme names an unknown organisation: ${key}`);
    return id;
  };
  for (const d of demoProgrammes) {
    const row = await repo.insertProgramme(tx, {
      slug: d.slug,
      name: d.name,
      summary: d.summary,
      status: 'published',
      publishedAt: new Date(),
      periodStart: d.periodStart ?? null,
      periodEnd: d.periodEnd ?? null,
      countries: d.countries ?? [],
      themes: d.themes,
      targetGroups: d.targetGroups,
    });
    await repo.replaceOrganisations(tx, row.id, 'runs', d.runs.map(org));
    await repo.replaceOrganisations(tx, row.id, 'partner', (d.partners ?? []).map(org));
    await repo.replaceOrganisations(tx, row.id, 'secretariat', (d.secretariatOf ?? []).map(org));
    if (d.casesIndicator)
      await repo.replaceIndicators(tx, row.id, [
        {
          label: 'Cases handled',
          labels: { fil: 'Mga kasong hinawakan', id: 'Kasus yang ditangani', ar: 'القضايا المعالجة' },
          source: 'cases_handled',
          values: [],
        },
      ]);
  }
}
