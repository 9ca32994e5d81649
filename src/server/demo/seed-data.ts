// Demo data drawn only from the two seed documents (shared/seeds): the organisations, networks and
// programmes they name. No people are invented. Headquarters countries not stated there are left empty.

export interface DemoOrganisation {
  key: string;
  name: string;
  acronym?: string;
  typeCode: string;
  countryCode?: string;
  /** Countries where it is active, as the seed documents name them. */
  countries?: string[];
  foundedYear?: number;
  description: string;
}

export const demoOrganisations: DemoOrganisation[] = [
  {
    key: 'apmm',
    name: 'Asia Pacific Mission for Migrants',
    acronym: 'APMM',
    typeCode: 'ngo',
    countryCode: 'HK',
    countries: ['HK', 'KR', 'JP', 'TW', 'NZ', 'AU'],
    foundedYear: 1984,
    description:
      'A registered non-profit limited company with charitable status in Hong Kong. Helps establish and strengthen migrant workers’ organisations through advocacy, network building, research and an internship programme.',
  },
  {
    key: 'amm',
    name: "Alliance of Marriage Migrants' Organizations for Rights and Empowerment",
    acronym: 'AMM♀RE',
    typeCode: 'platform',
    description: 'The first platform for marriage migrants, advocates and service providers.',
  },
  {
    key: 'mca',
    name: 'Migrants Caucus on the ASEAN',
    typeCode: 'caucus',
    countries: ['BN', 'KH', 'ID', 'LA', 'MY', 'MM', 'PH', 'SG', 'TH', 'VN'],
    description:
      'A network of organisations and institutions from ASEAN countries who advocate for the rights and well-being of migrants.',
  },
  {
    key: 'mfa',
    name: 'Migrant Forum in Asia',
    acronym: 'MFA',
    typeCode: 'network',
    // The ILO good-practice record's list of countries.
    countries: [
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
    ],
    foundedYear: 1994,
    description:
      'A regional network of non-governmental organisations, associations, trade unions and advocates promoting the protection and rights of migrant workers. Conceived in 1990 in Hong Kong, formally established in 1994 in Taiwan (China).',
  },
  {
    key: 'amc',
    name: 'Asian Migrant Centre',
    acronym: 'AMC',
    typeCode: 'ngo',
    description: 'Prepared the bi-annual Asian Migrant Yearbook with MFA from 1998 to 2009.',
  },
  {
    key: 'dtp',
    name: 'Diplomacy Training Program',
    acronym: 'DTP',
    typeCode: 'ngo',
    countryCode: 'AU',
    foundedYear: 1989,
    description:
      'An independent Australian NGO advancing human rights through education and training of human rights defenders and community advocates in the Asia-Pacific region.',
  },
  {
    key: 'caucus',
    name: 'Asian Inter-Parliamentary Caucus on Labor Migration',
    typeCode: 'caucus',
    foundedYear: 2011,
    description:
      'Formalised in 2011 in Phnom Penh, Cambodia, by a resolution of the assembled MPs to advance the rights and welfare of migrant workers across Asia.',
  },
  {
    key: 'lbb',
    name: 'Lawyers Beyond Borders',
    acronym: 'LBB',
    typeCode: 'network',
    foundedYear: 2011,
    // The seed says MFA *established* LBB in 2011; it names no secretariat or membership, so the
    // founding is recorded here in words rather than as a membership role it never stated.
    description:
      'A transnational network established by Migrant Forum in Asia (MFA) in 2011, linking legal practitioners in countries of origin and destination, focused on migrant workers’ rights violation cases in Asia (West Asia in particular), impact litigation and policy advocacy.',
  },
];

/** The mission's own region, where its area coordinators and partners work (first seed document). */
export const demoRegions = [
  {
    code: 'apme',
    labels: {
      en: 'Asia Pacific (APME region)',
      fil: 'Asya Pasipiko (rehiyong APME)',
      id: 'Asia Pasifik (wilayah APME)',
      ar: 'آسيا والمحيط الهادئ (منطقة APME)',
      ne: 'एसिया प्रशान्त (APME क्षेत्र)',
      bn: 'এশিয়া প্যাসিফিক (APME অঞ্চল)',
      'zh-Hant': '亞太區（APME 地區）',
    },
    countries: ['AU', 'JP', 'KR', 'NZ', 'TW'],
  },
];

/** [member, parent, role, start]: who belongs to or is the secretariat of which network. */
export const demoMemberships: [string, string, string, string | null][] = [
  ['apmm', 'amm', 'secretariat', null],
  ['apmm', 'mca', 'secretariat', null],
  ['mfa', 'caucus', 'secretariat', '2011'],
  ['dtp', 'mfa', 'partner', '2004'],
  ['amc', 'mfa', 'partner', '1998'],
];

// The programmes of the seeds are loaded by src/server/modules/programmes/demo.ts.
