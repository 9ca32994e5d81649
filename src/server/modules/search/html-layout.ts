import { directionOf } from '../../../shared/locales.ts';
import { SCRIPT_FONTS_CSS } from '../../platform/i18n/script-fonts.ts';
import { translate } from '../../platform/i18n/translate.ts';

/** Escapes text for HTML element content and attribute values. */
export function esc(text: unknown): string {
  return String(text ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/** JSON-LD for a <script type="application/ld+json"> data block: `<` escaped so the block cannot be closed early. */
export function jsonLd(data: unknown): string {
  return `<script type="application/ld+json">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`;
}

// Small, system fonts, no JavaScript: these pages must be fast on a cheap phone and readable with
// scripts off. Colours keep 4.5:1 contrast; logical properties keep RTL right.
const CSS = `
*{box-sizing:border-box}body{margin:0;font-size:16px;line-height:var(--tulay-line-height,1.5);font-family:var(--tulay-font);color:#1a1a1a;background:#fafafa}
a{color:#0b5cad}a:focus-visible,button:focus-visible,input:focus-visible{outline:3px solid #0b5cad;outline-offset:2px}
.skip{position:absolute;inset-inline-start:-999px}.skip:focus{inset-inline-start:8px;top:8px;background:#fff;padding:8px;z-index:1}
header.site{background:#123c63;color:#fff;padding:12px 16px}header.site a{color:#fff;text-decoration:none;font-weight:700}
header.site nav{display:flex;gap:16px;flex-wrap:wrap;align-items:center}
main{max-width:1100px;margin:0 auto;padding:16px}
h1{font-size:1.6rem;line-height:var(--tulay-tight-line-height);margin:.5rem 0 1rem}h2{font-size:1.2rem;margin:1.5rem 0 .5rem}h3{font-size:1rem;margin:1rem 0 .25rem}
form.search{display:flex;gap:8px;flex-wrap:wrap;margin-bottom:16px}form.search input[type=search]{flex:1 1 240px;min-width:0;padding:10px;font-size:1rem;border:1px solid #666;border-radius:6px}
button,.button{padding:10px 16px;font-size:1rem;border:0;border-radius:6px;background:#0b5cad;color:#fff;cursor:pointer;text-decoration:none;display:inline-block}
.layout{display:grid;gap:24px}@media(min-width:800px){.layout{grid-template-columns:260px 1fr}}
.facets h2{font-size:1rem;margin:1rem 0 .25rem}.facets ul{list-style:none;margin:0;padding:0}.facets li{margin:2px 0}
.facets a[aria-current=true]{font-weight:700}.count{color:#555;font-size:.875rem}
.hit{background:#fff;border:1px solid #ddd;border-radius:8px;padding:12px 16px;margin-bottom:12px}.hit h2{margin:0 0 4px;font-size:1.1rem}
.meta{color:#444;font-size:.9rem}mark{background:#ffe58a;color:inherit}
.chips{display:flex;flex-wrap:wrap;gap:6px;padding:0;list-style:none}.chips li{background:#e8eef5;border-radius:12px;padding:2px 10px;font-size:.9rem}
dl.facts{display:grid;grid-template-columns:minmax(120px,max-content) 1fr;gap:4px 16px}dl.facts dt{font-weight:600}dl.facts dd{margin:0}
.files li{margin-bottom:16px}.preview{max-width:100%;height:auto;border:1px solid #ccc;background:#fff}
.rich{background:#fff;border:1px solid #ddd;border-radius:8px;padding:4px 16px}
footer{max-width:1100px;margin:24px auto;padding:0 16px;color:#555;font-size:.875rem}
`;

export interface PageOptions {
  locale: string;
  title: string;
  body: string;
  head?: string;
  canonical?: string;
}

/** A whole public page: language and direction, landmarks, a skip link, no scripts. */
export function page({ locale, title, body, head = '', canonical }: PageOptions): string {
  const t = (s: string) => translate(locale, s);
  return `<!doctype html>
<html lang="${esc(locale)}" dir="${directionOf(locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} · Tulay</title>
${canonical ? `<link rel="canonical" href="${esc(canonical)}">` : ''}
<link rel="alternate" type="application/atom+xml" title="${esc(t('New publications'))}" href="/feeds/publications.atom">
<style>${SCRIPT_FONTS_CSS}${CSS}</style>
${head}
</head>
<body>
<a class="skip" href="#main">${esc(t('Skip to content'))}</a>
<header class="site"><nav aria-label="${esc(t('Site'))}"><a href="/search">Tulay · ${esc(t('Good practices and publications'))}</a><a href="/sign-in">${esc(t('Sign in'))}</a></nav></header>
<main id="main">
${body}
</main>
<footer><a href="/feeds/publications.atom">${esc(t('New publications (Atom feed)'))}</a> · <a href="/sitemap.xml">${esc(t('Site map'))}</a></footer>
</body>
</html>`;
}
