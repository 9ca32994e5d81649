import type { Ctx } from '../http/context.ts';

/** One public page for search engines: a path on this site (or an absolute URL) and when it changed. */
export interface SitemapEntry {
  path: string;
  lastmod?: Date | string;
}

/** A module's public pages, listed on demand (a database query, a list of languages …). */
export type SitemapSource = (ctx: Ctx) => Promise<SitemapEntry[]>;

// The protocol allows 50,000 URLs per file; past that, the last sources are cut, not the file broken.
const MAX_URLS = 50_000;

const xml = (s: unknown) =>
  String(s ?? '')
    .replace(
      /[&<>"']/g,
      (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
    )
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is matched
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

/**
 * The sitemap's sources by name. Every module with public pages adds one (see
 * modules/frontdoor/sitemap-sources.ts, the one place they are wired); a name added twice replaces
 * the first, so re-registering in tests is harmless.
 */
export class SitemapRegistry {
  private readonly sources = new Map<string, SitemapSource>();

  add(name: string, source: SitemapSource): this {
    this.sources.set(name, source);
    return this;
  }

  names(): string[] {
    return [...this.sources.keys()];
  }

  async render(ctx: Ctx): Promise<string> {
    const base = ctx.config.publicUrl;
    const lines: string[] = [];
    const seen = new Set<string>();
    for (const source of this.sources.values()) {
      for (const entry of await source(ctx)) {
        const loc = /^https?:\/\//.test(entry.path) ? entry.path : `${base}${entry.path}`;
        if (seen.has(loc) || seen.size >= MAX_URLS) continue;
        seen.add(loc);
        const lastmod = entry.lastmod ? `<lastmod>${new Date(entry.lastmod).toISOString()}</lastmod>` : '';
        lines.push(`<url><loc>${xml(loc)}</loc>${lastmod}</url>`);
      }
    }
    return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${lines.join('\n')}\n</urlset>\n`;
  }
}
