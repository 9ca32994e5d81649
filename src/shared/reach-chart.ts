// A small bar chart of one reach indicator (figures per year), as an SVG string with no script and
// no external request. Used by the public programme page (inlined in the HTML) and the staff
// screen; both show the same figures in a table beside it, so the chart is never the only way in.

const escapeXml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** An SVG bar chart of `points` (sorted by year), titled for screen readers. */
export function reachChartSvg(points: { year: number; value: number }[], title: string): string {
  const width = 320;
  const height = 160;
  const top = 16;
  const bottom = 24;
  const n = Math.max(points.length, 1);
  const max = Math.max(1, ...points.map((p) => p.value));
  const slot = width / n;
  const bar = Math.max(4, Math.min(40, slot * 0.6));
  const bars = points
    .map((p, i) => {
      const h = Math.round(((height - top - bottom) * p.value) / max);
      const x = Math.round(i * slot + (slot - bar) / 2);
      const y = height - bottom - h;
      return `<rect x="${x}" y="${y}" width="${Math.round(bar)}" height="${h}" fill="#0b5cad"/><text x="${Math.round(x + bar / 2)}" y="${height - 8}" font-size="11" text-anchor="middle" fill="#333">${p.year}</text><text x="${Math.round(x + bar / 2)}" y="${y - 3}" font-size="11" text-anchor="middle" fill="#333">${p.value}</text>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeXml(title)}" style="max-width:100%;height:auto" direction="ltr"><title>${escapeXml(title)}</title><line x1="0" y1="${height - bottom}" x2="${width}" y2="${height - bottom}" stroke="#666"/>${bars}</svg>`;
}
