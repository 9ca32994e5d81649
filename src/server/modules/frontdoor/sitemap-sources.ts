import { LOCALES } from '../../../shared/locales.ts';
import { SitemapRegistry } from '../../platform/sitemap/registry.ts';
import { sitemapEntries as directoryEntries } from '../directory/public.ts';
import { sitemapEntries as knowledgeEntries } from '../search/feeds.ts';
import { frontDoorPath, getHelpPath } from './links.ts';

/**
 * Every public page for search engines, one source per module. A module with public pages exports
 * a function `(ctx) => Promise<SitemapEntry[]>` and is added here with one line.
 */
export const sitemapRegistry = new SitemapRegistry()
  .add('frontdoor', async () => [{ path: '/' }, ...LOCALES.map((l) => ({ path: frontDoorPath(l.code) }))])
  .add('get-help', async () => LOCALES.map((l) => ({ path: getHelpPath(l.code) })))
  .add('knowledge', knowledgeEntries)
  .add('directory', directoryEntries);
