import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { readStatisticsFile } from '../src/server/modules/statistics/formats/read.ts';
import { undesaWorkbook } from '../src/server/modules/statistics/test-files.ts';

const f = '/tmp/statbench-exp/wb.xlsx';
if (!existsSync(f)) {
  const rows = [];
  for (let d = 0; d < 40; d++)
    for (let o = 0; o < 150; o++)
      rows.push([
        1,
        'D',
        null,
        608,
        'B',
        'O',
        4 + (o % 100) * 4,
        ...Array.from({ length: 21 }, (_, i) => 1000 + i + o),
      ]);
  writeFileSync(f, await undesaWorkbook(rows, { origin: true }));
}
const bytes = readFileSync(f);
const s = performance.now();
const r = await readStatisticsFile(bytes, 'undesa');
console.log('read', r.rows.length, Math.round(performance.now() - s), 'ms');
