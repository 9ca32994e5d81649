import { countries as continents } from 'countries-list';
import type { Labels } from '../vocabularies/schema.ts';
import { allCountries } from './countries.ts';

export type GroupingKind = 'ilo_region' | 'grouping' | 'network_region';

/** A named set of countries: an ILO region, an inter-governmental grouping or a network's own region. */
export interface Grouping {
  code: string;
  kind: GroupingKind;
  labels: Labels;
  countries: string[];
  builtIn: boolean;
  id?: string;
  version?: number;
}

// ILO regions follow the ILO's own classification: North Africa is in Africa; the Arab States are
// the Gulf and Mashreq; Central Asia, the Caucasus, Israel and Türkiye belong to Europe and Central Asia.
const ARAB_STATES = ['AE', 'BH', 'IQ', 'JO', 'KW', 'LB', 'OM', 'PS', 'QA', 'SA', 'SY', 'YE'];
const EUROPE_FROM_ASIA = ['AM', 'AZ', 'CY', 'GE', 'IL', 'KG', 'KZ', 'TJ', 'TM', 'TR', 'UZ'];

function iloRegionOf(alpha2: string): string | undefined {
  if (ARAB_STATES.includes(alpha2)) return 'ilo-arab-states';
  if (EUROPE_FROM_ASIA.includes(alpha2)) return 'ilo-europe-central-asia';
  const continent = (continents as Record<string, { continent: string } | undefined>)[alpha2]?.continent;
  switch (continent) {
    case 'AF':
      return 'ilo-africa';
    case 'NA':
    case 'SA':
      return 'ilo-americas';
    case 'EU':
      return 'ilo-europe-central-asia';
    case 'AS':
    case 'OC':
      return 'ilo-asia-pacific';
    default:
      return undefined; // Antarctica
  }
}

const ilo = (code: string, labels: Labels): Grouping => ({
  code,
  kind: 'ilo_region',
  labels,
  builtIn: true,
  countries: allCountries()
    .map((c) => c.alpha2)
    .filter((a) => iloRegionOf(a) === code),
});

const grouping = (code: string, labels: Labels, countries: string[]): Grouping => ({
  code,
  kind: 'grouping',
  labels,
  builtIn: true,
  countries: [...countries].sort(),
});

/** Public facts: the five ILO regions and the inter-governmental groupings the field works with. */
export const BUILT_IN_GROUPINGS: readonly Grouping[] = [
  ilo('ilo-africa', {
    en: 'Africa',
    fil: 'Aprika',
    id: 'Afrika',
    ar: 'أفريقيا',
    ne: 'अफ्रिका',
    bn: 'আফ্রিকা',
    'zh-Hant': '非洲',
  }),
  ilo('ilo-americas', {
    en: 'Americas',
    fil: 'Amerika',
    id: 'Amerika',
    ar: 'الأمريكتان',
    ne: 'अमेरिका महादेश',
    bn: 'আমেরিকা মহাদেশ',
    'zh-Hant': '美洲',
  }),
  ilo('ilo-arab-states', {
    en: 'Arab States',
    fil: 'Mga Estadong Arabo',
    id: 'Negara-negara Arab',
    ar: 'الدول العربية',
    ne: 'अरब राष्ट्रहरू',
    bn: 'আরব রাষ্ট্রসমূহ',
    'zh-Hant': '阿拉伯國家',
  }),
  ilo('ilo-asia-pacific', {
    en: 'Asia and the Pacific',
    fil: 'Asya at Pasipiko',
    id: 'Asia dan Pasifik',
    ar: 'آسيا والمحيط الهادئ',
    ne: 'एसिया र प्रशान्त',
    bn: 'এশিয়া ও প্রশান্ত মহাসাগরীয় অঞ্চল',
    'zh-Hant': '亞洲及太平洋',
  }),
  ilo('ilo-europe-central-asia', {
    en: 'Europe and Central Asia',
    fil: 'Europa at Gitnang Asya',
    id: 'Eropa dan Asia Tengah',
    ar: 'أوروبا وآسيا الوسطى',
    ne: 'युरोप र मध्य एसिया',
    bn: 'ইউরোপ ও মধ্য এশিয়া',
    'zh-Hant': '歐洲及中亞',
  }),
  // Timor-Leste became ASEAN's eleventh member in October 2025.
  grouping(
    'asean',
    { en: 'ASEAN', fil: 'ASEAN', id: 'ASEAN', ar: 'آسيان', ne: 'आसियान', bn: 'আসিয়ান', 'zh-Hant': '東盟' },
    ['BN', 'KH', 'ID', 'LA', 'MY', 'MM', 'PH', 'SG', 'TH', 'TL', 'VN'],
  ),
  grouping(
    'saarc',
    { en: 'SAARC', fil: 'SAARC', id: 'SAARC', ar: 'سارك', ne: 'सार्क', bn: 'সার্ক', 'zh-Hant': '南盟' },
    ['AF', 'BD', 'BT', 'IN', 'MV', 'NP', 'PK', 'LK'],
  ),
  grouping(
    'gcc',
    {
      en: 'Gulf Cooperation Council',
      fil: 'Gulf Cooperation Council',
      id: 'Dewan Kerja Sama Teluk',
      ar: 'مجلس التعاون الخليجي',
      ne: 'खाडी सहयोग परिषद्',
      bn: 'উপসাগরীয় সহযোগিতা পরিষদ',
      'zh-Hant': '海灣阿拉伯國家合作委員會',
    },
    ['AE', 'BH', 'KW', 'OM', 'QA', 'SA'],
  ),
  grouping(
    'colombo-process',
    {
      en: 'Colombo Process',
      fil: 'Colombo Process',
      id: 'Proses Kolombo',
      ar: 'عملية كولومبو',
      ne: 'कोलम्बो प्रक्रिया',
      bn: 'কলম্বো প্রক্রিয়া',
      'zh-Hant': '科倫坡進程',
    },
    ['AF', 'BD', 'KH', 'CN', 'IN', 'ID', 'NP', 'PK', 'PH', 'LK', 'TH', 'VN'],
  ),
  grouping(
    'abu-dhabi-dialogue',
    {
      en: 'Abu Dhabi Dialogue',
      fil: 'Abu Dhabi Dialogue',
      id: 'Dialog Abu Dhabi',
      ar: 'حوار أبوظبي',
      ne: 'अबु धाबी संवाद',
      bn: 'আবুধাবি সংলাপ',
      'zh-Hant': '阿布扎比對話',
    },
    [
      'AF',
      'BD',
      'CN',
      'IN',
      'ID',
      'NP',
      'PK',
      'PH',
      'LK',
      'TH',
      'VN',
      'AE',
      'BH',
      'KW',
      'OM',
      'QA',
      'SA',
      'MY',
    ],
  ),
];

export function builtInGrouping(code: string): Grouping | undefined {
  return BUILT_IN_GROUPINGS.find((g) => g.code === code);
}

/** The ILO region a country belongs to, if any. */
export function iloRegionOfCountry(alpha2: string): string | undefined {
  return iloRegionOf(alpha2);
}
