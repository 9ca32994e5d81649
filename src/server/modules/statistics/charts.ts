// Charts drawn on the server as SVG, with no third-party service: each is shown beside a table of
// the same figures (the table is what screen readers and exports use; the chart is a picture of it).
import { esc } from '../search/html-layout.ts';

export interface Series {
  name: string;
  points: { x: string; y: number }[];
}

// Colour and dash pattern both tell the series apart, so the chart reads without colour vision.
const STYLES = [
  { colour: '#123c63', dash: '' },
  { colour: '#b3261e', dash: '6 4' },
  { colour: '#1b6e3a', dash: '2 3' },
  { colour: '#7a4d00', dash: '10 3 2 3' },
];

const W = 640;
const H = 300;
const PAD = { top: 16, right: 16, bottom: 40, left: 72 };

export const formatNumber = (locale: string, n: number) =>
  new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(n);

/** A round step for about five grid lines up to `max`. */
function niceMax(max: number): { top: number; step: number } {
  if (max <= 0) return { top: 1, step: 1 };
  const rough = max / 5;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough)!;
  return { top: Math.ceil(max / step) * step, step };
}

/** A line chart of series over periods (x values sorted as text: years and months sort right). */
export function lineChart(title: string, series: Series[], locale: string): string {
  const xs = [...new Set(series.flatMap((s) => s.points.map((p) => p.x)))].sort();
  if (xs.length === 0) return '';
  const { top, step } = niceMax(Math.max(...series.flatMap((s) => s.points.map((p) => p.y))));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (v: string) =>
    PAD.left + (xs.length === 1 ? plotW / 2 : (xs.indexOf(v) / (xs.length - 1)) * plotW);
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH;
  const grid: string[] = [];
  for (let v = 0; v <= top + step / 2; v += step) {
    grid.push(
      `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/><text x="${PAD.left - 6}" y="${y(v) + 4}" text-anchor="end" font-size="12" fill="#333">${esc(formatNumber(locale, v))}</text>`,
    );
  }
  const every = Math.ceil(xs.length / 8);
  const ticks = xs
    .filter((_, i) => i % every === 0 || i === xs.length - 1)
    .map(
      (v) =>
        `<text x="${x(v)}" y="${H - PAD.bottom + 18}" text-anchor="middle" font-size="12" fill="#333">${esc(v)}</text>`,
    );
  const lines = series.map((s, i) => {
    const style = STYLES[i % STYLES.length]!;
    const pts = [...s.points].sort((a, b) => a.x.localeCompare(b.x));
    const path = pts.map((p, j) => `${j ? 'L' : 'M'}${x(p.x).toFixed(1)},${y(p.y).toFixed(1)}`).join('');
    const dots = pts
      .map(
        (p) => `<circle cx="${x(p.x).toFixed(1)}" cy="${y(p.y).toFixed(1)}" r="3" fill="${style.colour}"/>`,
      )
      .join('');
    return `<path d="${path}" fill="none" stroke="${style.colour}" stroke-width="2.5"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''}/>${dots}`;
  });
  const legend = series
    .map((s, i) => {
      const style = STYLES[i % STYLES.length]!;
      const lx = PAD.left + i * 150;
      return `<line x1="${lx}" x2="${lx + 28}" y1="${H - 8}" y2="${H - 8}" stroke="${style.colour}" stroke-width="2.5"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''}/><text x="${lx + 34}" y="${H - 4}" font-size="12" fill="#1a1a1a">${esc(s.name)}</text>`;
    })
    .join('');
  return svg(title, [...grid, ...ticks, ...lines, legend].join(''), H);
}

/** A horizontal bar chart, largest first. */
export function barChart(title: string, items: { label: string; value: number }[], locale: string): string {
  if (items.length === 0) return '';
  const row = 26;
  const height = items.length * row + 8;
  const labelW = 170;
  const max = Math.max(...items.map((i) => i.value), 1);
  const bars = items.map((item, i) => {
    const w = ((W - labelW - 90) * item.value) / max;
    const yy = i * row + 4;
    return `<text x="${labelW - 6}" y="${yy + 16}" text-anchor="end" font-size="12" fill="#1a1a1a">${esc(item.label)}</text><rect x="${labelW}" y="${yy}" width="${w.toFixed(1)}" height="${row - 8}" fill="#123c63"/><text x="${labelW + w + 6}" y="${yy + 16}" font-size="12" fill="#333">${esc(formatNumber(locale, item.value))}</text>`;
  });
  return svg(title, bars.join(''), height);
}

function svg(title: string, content: string, height: number): string {
  const id = `c${Math.random().toString(36).slice(2, 9)}`;
  // The chart's own direction stays left to right (time runs that way in every script); its labels
  // follow the page's language.
  return `<svg class="chart" role="img" aria-labelledby="${id}" viewBox="0 0 ${W} ${height}" width="${W}" height="${height}" direction="ltr" style="max-width:100%;height:auto;background:#fff"><title id="${id}">${esc(title)}</title>${content}</svg>`;
}

/** An accessible table: a caption, column headers, and right-aligned numbers. */
export function dataTable(
  caption: string,
  head: string[],
  rows: (string | number)[][],
  locale: string,
): string {
  const cell = (v: string | number) =>
    typeof v === 'number' ? `<td class="num">${esc(formatNumber(locale, v))}</td>` : `<td>${esc(v)}</td>`;
  // A table wider than the phone scrolls inside its own region, which the keyboard can reach.
  return `<div class="table-wrap" tabindex="0" role="region" aria-label="${esc(caption)}"><table><caption>${esc(caption)}</caption><thead><tr>${head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map(cell).join('')}</tr>`).join('')}</tbody></table></div>`;
}
