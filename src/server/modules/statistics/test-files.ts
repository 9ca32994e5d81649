// Small files made in exactly the published layouts the importers read. The figures in them are
// test values, not statistics.
import ExcelJS from 'exceljs';

/**
 * ILOSTAT bulk download, one indicator per file (ilostat.ilo.org → Bulk download →
 * `EMP_TEMP_SEX_AGE_NB_A.csv.gz`): quoted header, ISO3 areas, SEX_* codes, classif1 codes.
 */
export const ILOSTAT_HEADER =
  '"ref_area","source","indicator","sex","classif1","time","obs_value","obs_status","note_classif","note_indicator","note_source"';

export function ilostatCsv(rows: string[][]): string {
  return `${[ILOSTAT_HEADER, ...rows.map((r) => r.map((c) => `"${c}"`).join(','))].join('\n')}\n`;
}

export const ILOSTAT_ROWS = [
  ['PHL', 'BA:1', 'EMP_TEMP_SEX_AGE_NB', 'SEX_T', 'AGE_YTHADULT_YGE15', '2020', '100', '', '', '', ''],
  [
    'PHL',
    'BA:1',
    'EMP_TEMP_SEX_AGE_NB',
    'SEX_F',
    'AGE_YTHADULT_YGE15',
    '2020',
    '40',
    'E',
    '',
    '',
    'Repository: ILO-STATISTICS',
  ],
  ['PHL', 'BA:1', 'EMP_TEMP_SEX_AGE_NB', 'SEX_M', 'AGE_YTHADULT_YGE15', '2020', '60', '', '', '', ''],
  ['IDN', 'BA:2', 'EMP_TEMP_SEX_AGE_NB', 'SEX_T', 'AGE_YTHADULT_YGE15', '2021', '200.5', 'B', '', '', ''],
  ['X86', 'XA:1', 'EMP_TEMP_SEX_AGE_NB', 'SEX_T', 'AGE_YTHADULT_YGE15', '2020', '9000', '', '', '', ''],
];

/** The `.label` variant of the same bulk file: names instead of codes. */
export const ILOSTAT_LABELLED =
  '"ref_area.label","source.label","indicator.label","sex.label","classif1.label","time","obs_value","obs_status.label","note_classif.label","note_indicator.label","note_source.label"\n' +
  '"Philippines","LFS - Labour Force Survey","Employment by sex and age (thousands)","Sex: Female","Age (Youth, adults): 15+","2019","38","","","",""\n';

type Cell = string | number | null;

/**
 * UN DESA, International Migrant Stock 2020, `undesa_pd_2020_ims_stock_by_sex_and_destination.xlsx`:
 * sheets Contents, Table 1 …; in Table 1 a title block, a header row (Index, Region, development
 * group, country or area, Notes, Location code, Type of data, then one heading per sex over its
 * years) and a row of years 1990–2020 repeated for both sexes, males, females.
 * With `origin`, the layout of `undesa_pd_2020_ims_stock_by_sex_destination_and_origin.xlsx`.
 */
export async function undesaWorkbook(
  rows: Cell[][],
  options: { origin?: boolean; sheet?: string; titleRows?: number; extraSheets?: boolean } = {},
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  if (options.extraSheets !== false)
    book.addWorksheet('Contents').addRow(['International Migrant Stock 2020']);
  const sheet = book.addWorksheet(options.sheet ?? 'Table 1');
  const years = [1990, 1995, 2000, 2005, 2010, 2015, 2020];
  const title = [
    ['International Migrant Stock 2020'],
    [
      'Table 1. International migrant stock at mid-year by sex and by region, country or area of destination, 1990-2020',
    ],
    ['United Nations, Department of Economic and Social Affairs, Population Division (2020).'],
  ];
  for (let i = 0; i < (options.titleRows ?? 9); i++) sheet.addRow(title[i] ?? []);
  const lead = options.origin
    ? [
        'Index',
        'Region, development group, country or area of destination',
        'Notes of destination',
        'Location code of destination',
        'Type of data of destination',
        'Region, development group, country or area of origin',
        'Location code of origin',
      ]
    : ['Index', 'Region, development group, country or area', 'Notes', 'Location code', 'Type of data'];
  const headings = ['both sexes', 'males', 'females'].flatMap((sex) =>
    years.map((_, i) => (i === 0 ? `International migrant stock at mid-year (${sex})` : null)),
  );
  sheet.addRow([...lead, ...headings]);
  sheet.addRow([...lead.map(() => null), ...years, ...years, ...years]);
  for (const r of rows) sheet.addRow(r);
  if (options.extraSheets !== false) book.addWorksheet('Table 2').addRow(['Table 2']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A country row of the destination file: 21 figures (7 years × both sexes, males, females). */
export const desaRow = (index: number, name: string, code: number, type: string, values: Cell[]): Cell[] => [
  index,
  name,
  null,
  code,
  type,
  ...values,
];

export const seven = (start: number): number[] => [0, 1, 2, 3, 4, 5, 6].map((i) => start + i * 10);
