import type { Ctx } from '../../platform/http/context.ts';
import type { SitemapEntry } from '../../platform/sitemap/registry.ts';
import { latestPublic, publicRecords } from './repository.ts';
import { recordUrl } from './service.ts';

const xml = (s: unknown) =>
  String(s ?? '')
    .replace(
      /[&<>"']/g,
      (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
    )
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is matched
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
const iso = (d: Date | string) => new Date(d).toISOString();

/** The search page and every public record, for the sitemap (the registry caps the total). */
export async function sitemapEntries(ctx: Ctx): Promise<SitemapEntry[]> {
  const base = ctx.config.publicUrl;
  const rows = await publicRecords(ctx.database.db, 49_000);
  return [
    { path: '/search' },
    ...rows.map((r) => ({ path: recordUrl(base, r.kind, r.record_id), lastmod: r.updated_at })),
  ];
}

/** An Atom feed of the newest public publications. */
export async function publicationsFeed(ctx: Ctx): Promise<string> {
  const base = ctx.config.publicUrl;
  const rows = await latestPublic(ctx.database.db, 'publication', 50);
  const updated = rows[0] ? iso(rows[0].updated_at) : new Date(0).toISOString();
  const entries = rows
    .map((r) => {
      const url = recordUrl(base, 'publication', r.record_id);
      return `<entry><id>urn:uuid:${xml(r.record_id)}</id><title>${xml(r.title)}</title><link rel="alternate" type="text/html" href="${xml(url)}"/><updated>${iso(r.updated_at)}</updated><summary>${xml(r.summary)}</summary></entry>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><id>${xml(`${base}/feeds/publications.atom`)}</id><title>Tulay: new publications</title><link rel="self" href="${xml(`${base}/feeds/publications.atom`)}"/><link rel="alternate" type="text/html" href="${xml(`${base}/search?kind=publication`)}"/><updated>${updated}</updated><author><name>Tulay</name></author>\n${entries}\n</feed>\n`;
}
