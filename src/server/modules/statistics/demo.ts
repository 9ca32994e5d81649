import type { Tx } from '../../db/client.ts';
import type { ParsedObservation } from './formats/parsed.ts';
import { MIGRANT_STOCK } from './formats/undesa.ts';
import { writeImport } from './importer.ts';
import * as repo from './repository.ts';

// The seed documents describe the Asian Migrant Yearbook's country reports (inflows, outflows and
// stocks) but give no figures. So the demo's figures are made up, in round numbers, and the data
// set says so on every page that shows them: it exists to show a country profile, not to inform.
const YEARS = ['1990', '1995', '2000', '2005', '2010', '2015', '2020'];

function figure(
  area: string,
  counterpart: string,
  period: string,
  sex: 'T' | 'F' | 'M',
  value: number,
  line: number,
): ParsedObservation {
  return {
    line,
    indicator: MIGRANT_STOCK.code,
    indicatorLabel: MIGRANT_STOCK.label,
    unit: MIGRANT_STOCK.unit,
    flow: 'stock',
    area,
    counterpart,
    period,
    sex,
    classification: '',
    value,
    status: '',
    note: 'Demonstration figure',
  };
}

function demoFigures(): ParsedObservation[] {
  const rows: ParsedObservation[] = [];
  YEARS.forEach((year, i) => {
    const female = 100_000 + i * 20_000;
    const male = 90_000 + i * 10_000;
    rows.push(figure('PH', '', year, 'F', female, rows.length + 1));
    rows.push(figure('PH', '', year, 'M', male, rows.length + 1));
    rows.push(figure('PH', '', year, 'T', female + male, rows.length + 1));
  });
  // Filipinos abroad, by destination, in the last year only.
  const destinations: [string, number][] = [
    ['SA', 900_000],
    ['AE', 700_000],
    ['HK', 200_000],
    ['KW', 200_000],
    ['QA', 200_000],
    ['SG', 100_000],
    ['MY', 100_000],
    ['TW', 100_000],
  ];
  for (const [destination, value] of destinations)
    rows.push(figure(destination, 'PH', '2020', 'T', value, rows.length + 1));
  return rows;
}

/** A small published data set of made-up figures, so the Philippines' country profile has something to show. */
export async function loadStatisticsDemo(tx: Tx) {
  const dataset = await repo.insertDataset(tx, {
    code: 'demonstration-figures',
    titles: {
      en: 'Demonstration figures (not statistics)',
      fil: 'Mga pang-demonstrasyong numero (hindi estadistika)',
      id: 'Angka demonstrasi (bukan statistik)',
      ar: 'أرقام للعرض التوضيحي (ليست إحصاءات)',
    },
    source: 'Tulay demonstration data: made-up round figures that show how a country profile looks',
    citation:
      'Demonstration data. Import UN DESA’s International Migrant Stock or ILOSTAT files for real figures.',
    published: true,
    demonstration: true,
  });
  if (!dataset) return;
  const rows = demoFigures();
  await writeImport(tx, dataset.id, { rows, refused: [], refusedCount: 0, skipped: {} });
}
