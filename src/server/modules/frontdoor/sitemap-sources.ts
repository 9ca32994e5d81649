import { LOCALES } from '../../../shared/locales.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { SitemapRegistry, type SitemapSource } from '../../platform/sitemap/registry.ts';
import { sitemapUrls as agreementUrls } from '../agreements/service.ts';
import { sitemapUrls as campaignUrls } from '../campaigns/pages.ts';
import { sitemapUrls as caucusUrls } from '../caucus/resolutions.ts';
import { sitemapEntries as directoryEntries } from '../directory/public.ts';
import { sitemapUrls as eventUrls } from '../events/calendars.ts';
import { sitemapUrls as internshipUrls } from '../internships/pages.ts';
import { sitemapUrls as programmeUrls } from '../programmes/pages.ts';
import { sitemapUrls as recommendationUrls } from '../recommendations/pages.ts';
import { sitemapEntries as knowledgeEntries } from '../search/feeds.ts';
import { sitemapUrls as statisticsUrls } from '../statistics/pages.ts';
import { sitemapUrls as yearbookUrls } from '../yearbooks/pages.ts';
import { frontDoorPath, getHelpPath } from './links.ts';

/** A module's list of addresses (paths or absolute URLs) as sitemap entries. */
const urls =
  (list: (ctx: Ctx) => Promise<string[]>): SitemapSource =>
  async (ctx) =>
    (await list(ctx)).map((path) => ({ path }));

/**
 * Every public page for search engines, one source per module. A module with public pages exports
 * a function `(ctx) => Promise<SitemapEntry[]>` and is added here with one line.
 */
export const sitemapRegistry = new SitemapRegistry()
  .add('frontdoor', async () => [{ path: '/' }, ...LOCALES.map((l) => ({ path: frontDoorPath(l.code) }))])
  .add('get-help', async () => LOCALES.map((l) => ({ path: getHelpPath(l.code) })))
  .add('knowledge', knowledgeEntries)
  .add('directory', directoryEntries)
  .add(
    'programmes',
    urls((ctx) => programmeUrls(ctx.database.db, ctx.config.publicUrl)),
  )
  .add(
    'campaigns',
    urls((ctx) => campaignUrls(ctx.database.db)),
  )
  .add(
    'agreements',
    urls((ctx) => agreementUrls(ctx.database, ctx.config.publicUrl)),
  )
  .add(
    'events',
    urls((ctx) => eventUrls(ctx.database, ctx.config.publicUrl)),
  )
  .add(
    'caucus',
    urls((ctx) => caucusUrls(ctx.database, ctx.config.publicUrl)),
  )
  .add(
    'recommendations',
    urls((ctx) => recommendationUrls(ctx.database, ctx.config.publicUrl)),
  )
  .add(
    'statistics',
    urls((ctx) => statisticsUrls(ctx.database.db)),
  )
  .add(
    'yearbooks',
    urls((ctx) => yearbookUrls(ctx.database.db)),
  )
  .add(
    'internships',
    urls((ctx) => internshipUrls(ctx.database, ctx.config.publicUrl)),
  );
