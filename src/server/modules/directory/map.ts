import { createRequire } from 'node:module';
import { geoCentroid, geoEqualEarth, geoPath } from 'd3-geo';
import countryCodes from 'i18n-iso-countries';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { countryName } from '../geography/countries.ts';
import { esc } from '../search/html-layout.ts';

// The member map is drawn on the server as SVG from Natural Earth shapes (world-atlas) with d3-geo:
// no tile server, no request leaves Tulay, and it works with scripts off on a cheap phone.

const require = createRequire(import.meta.url);
const WIDTH = 960;
const HEIGHT = 500;

interface Shape {
  alpha2: string;
  path?: string;
  dot?: [number, number];
  /** Bounding box [x0, y0, x1, y1], computed when first needed. */
  box?: [number, number, number, number];
}

let shapes: Shape[] | undefined;

function load(): Shape[] {
  if (shapes) return shapes;
  const coarse = require('world-atlas/countries-110m.json') as Topology<{
    countries: GeometryCollection<{ name: string }>;
  }>;
  const fine = require('world-atlas/countries-50m.json') as Topology<{
    countries: GeometryCollection<{ name: string }>;
  }>;
  const world = feature(coarse, coarse.objects.countries);
  const projection = geoEqualEarth().fitExtent(
    [
      [4, 4],
      [WIDTH - 4, HEIGHT - 4],
    ],
    world,
  );
  const path = geoPath(projection).digits(1);
  const out: Shape[] = [];
  const seen = new Set<string>();
  for (const f of world.features) {
    const alpha2 = f.id ? countryCodes.numericToAlpha2(String(f.id)) : undefined;
    if (!alpha2 || seen.has(alpha2)) continue;
    seen.add(alpha2);
    out.push({ alpha2, path: path(f) ?? '' });
  }
  // Small places (Hong Kong, Singapore, Bahrain …) are missing at this scale: a dot marks them.
  for (const f of feature(fine, fine.objects.countries).features) {
    const alpha2 = f.id ? countryCodes.numericToAlpha2(String(f.id)) : undefined;
    if (!alpha2 || seen.has(alpha2)) continue;
    const point = projection(geoCentroid(f));
    if (!point) continue;
    seen.add(alpha2);
    out.push({ alpha2, dot: [Math.round(point[0] * 10) / 10, Math.round(point[1] * 10) / 10] });
  }
  shapes = out;
  return out;
}

// Sequential blues with 4.5:1 contrast between the darkest fill and white text is not needed: counts
// are in each country's <title> and in the accessible table beside the map.
const SCALE = ['#deebf7', '#9ecae1', '#4292c6', '#08519c'];
const EMPTY = '#e6e6e6';

function fillOf(n: number, max: number): string {
  if (!n) return EMPTY;
  const step = Math.min(
    SCALE.length - 1,
    Math.floor((Math.log(n) / Math.log(Math.max(max, 2))) * SCALE.length),
  );
  return SCALE[Math.max(0, step)]!;
}

/** The world map as SVG, each country filled by how many organisations match and titled with its name and count. */
export function mapSvg(counts: { country: string; n: number }[], locale: string, title: string): string {
  const byCountry = new Map(counts.map((c) => [c.country, c.n]));
  const max = Math.max(0, ...counts.map((c) => c.n));
  const parts: string[] = [];
  for (const s of load()) {
    const n = byCountry.get(s.alpha2) ?? 0;
    const label = `<title>${esc(countryName(s.alpha2, locale))}: ${n}</title>`;
    if (s.path)
      parts.push(`<path d="${s.path}" fill="${fillOf(n, max)}" data-country="${s.alpha2}">${label}</path>`);
    else if (s.dot && n)
      parts.push(
        `<circle cx="${s.dot[0]}" cy="${s.dot[1]}" r="4" fill="${fillOf(n, max)}" stroke="#08306b" stroke-width="1" data-country="${s.alpha2}">${label}</circle>`,
      );
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${esc(title)}"><title>${esc(title)}</title><rect width="${WIDTH}" height="${HEIGHT}" fill="#f4f8fb"/><g stroke="#ffffff" stroke-width="0.5">${parts.join('')}</g></svg>`;
}

/** The bounding box of a shape: a dot's point, or every point of its outline. */
function boxOf(s: Shape): [number, number, number, number] {
  if (s.box) return s.box;
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const extend = (x: number, y: number) => {
    box[0] = Math.min(box[0], x);
    box[1] = Math.min(box[1], y);
    box[2] = Math.max(box[2], x);
    box[3] = Math.max(box[3], y);
  };
  if (s.dot) extend(...s.dot);
  // d3 writes paths as "Mx,yLx,y…Z": every pair of numbers is a point of the outline.
  for (const m of s.path?.matchAll(/(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)/g) ?? [])
    extend(Number(m[1]), Number(m[2]));
  s.box = box;
  return box;
}

/**
 * The same offline world map with a fill per country chosen by the caller (a campaign's stages …):
 * countries not in `fills` stay grey; small places are drawn as dots only when they have a fill.
 * `zoom` frames the filled countries and leaves out the shapes outside the frame, which keeps a
 * regional map several times lighter than the whole world.
 */
export function worldMapSvg(
  fills: Map<string, { fill: string; title: string; data?: Record<string, string> }>,
  locale: string,
  title: string,
  options: { zoom?: boolean } = {},
): string {
  const shapes = load();
  const frame = options.zoom ? frameOf(shapes.filter((s) => fills.has(s.alpha2)).map(boxOf)) : undefined;
  const parts: string[] = [];
  for (const s of shapes) {
    if (frame) {
      const [x0, y0, x1, y1] = boxOf(s);
      if (x1 < frame.x || x0 > frame.x + frame.width || y1 < frame.y || y0 > frame.y + frame.height) continue;
    }
    const f = fills.get(s.alpha2);
    const label = `<title>${esc(f?.title ?? countryName(s.alpha2, locale))}</title>`;
    const data = Object.entries(f?.data ?? {})
      .map(([k, v]) => ` data-${k}="${esc(v)}"`)
      .join('');
    if (s.path)
      parts.push(
        `<path d="${s.path}" fill="${f?.fill ?? EMPTY}" data-country="${s.alpha2}"${data}>${label}</path>`,
      );
    else if (s.dot && f)
      parts.push(
        `<circle cx="${s.dot[0]}" cy="${s.dot[1]}" r="5" fill="${f.fill}" stroke="#333333" stroke-width="1" data-country="${s.alpha2}"${data}>${label}</circle>`,
      );
  }
  const viewBox = frame ? `${frame.x} ${frame.y} ${frame.width} ${frame.height}` : `0 0 ${WIDTH} ${HEIGHT}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${viewBox}" role="img" aria-label="${esc(title)}"><title>${esc(title)}</title><rect width="${WIDTH}" height="${HEIGHT}" fill="#f4f8fb"/><g stroke="#ffffff" stroke-width="0.5">${parts.join('')}</g></svg>`;
}

/** The region around some boxes: a margin around them, never tiny, never beyond the world. */
function frameOf(boxes: [number, number, number, number][]) {
  if (boxes.length === 0) return undefined;
  const x0 = Math.min(...boxes.map((b) => b[0]));
  const y0 = Math.min(...boxes.map((b) => b[1]));
  const x1 = Math.max(...boxes.map((b) => b[2]));
  const y1 = Math.max(...boxes.map((b) => b[3]));
  const r = (n: number) => Math.round(n * 10) / 10;
  const width = Math.min(WIDTH, Math.max(x1 - x0, 120) * 1.2);
  const height = Math.min(HEIGHT, Math.max(y1 - y0, 80) * 1.2);
  return {
    x: r(Math.max(0, Math.min(WIDTH - width, (x0 + x1 - width) / 2))),
    y: r(Math.max(0, Math.min(HEIGHT - height, (y0 + y1 - height) / 2))),
    width: r(width),
    height: r(height),
  };
}
