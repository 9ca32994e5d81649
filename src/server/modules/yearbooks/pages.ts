import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Tx } from '../../db/client.ts';
import { contextOf } from '../../platform/http/context.ts';
import { problems } from '../../platform/http/problem.ts';
import { translate } from '../../platform/i18n/translate.ts';
import type { TypesetBlock as Block } from '../../platform/typeset/document.ts';
import { countryName } from '../geography/countries.ts';
import { esc, jsonLd, page } from '../search/html-layout.ts';
import { dataTable } from '../statistics/charts.ts';
import { chapterBlocks } from './content.ts';
import * as repo from './repository.ts';

const HTML = 'text/html; charset=utf-8';
const STYLE = `<style>.table-wrap{overflow-x:auto;margin:8px 0 16px}table{border-collapse:collapse;background:#fff;min-width:50%}caption{text-align:start;font-weight:600;padding:4px 0}th,td{border:1px solid #ccc;padding:4px 8px;text-align:start}td.num{text-align:end}figure{margin:12px 0}figcaption{font-weight:600}.demo{background:#fff4d6;border:1px solid #b58100;padding:8px 12px;border-radius:6px}ol.toc li{margin-bottom:6px}</style>`;
type T = (s: string) => string;

/** Blocks as HTML: the charts are our own SVG (labels escaped where drawn), the rest is escaped text. */
function blocksHtml(blocks: Block[], locale: string): string {
  return blocks
    .map((b): string => {
      switch (b.kind) {
        case 'heading':
          return `<h3>${esc(b.text)}</h3>`;
        case 'paragraph':
          return `<p>${esc(b.text)}</p>`;
        case 'figure':
          return `<figure>${b.svg}<figcaption>${esc(b.caption)}</figcaption>${b.source ? `<p class="meta">${esc(b.source)}</p>` : ''}</figure>`;
        default:
          return `${dataTable(b.caption, b.columns, b.rows, locale)}${b.source ? `<p class="meta">${esc(b.source)}</p>` : ''}`;
      }
    })
    .join('\n');
}

async function publishedEdition(db: Tx, slug: string) {
  const edition = await repo.findEditionBySlug(db, slug);
  if (edition?.status !== 'published') throw problems.notFound('edition');
  return edition;
}

const kindLabel = (t: T, kind: string) => (kind === 'brief' ? t('Policy brief') : t('Yearbook'));
const demoNote = (t: T) =>
  `<p class="demo">${esc(t('This edition is demonstration data: its text and figures are made up.'))}</p>`;

// These pages have no session: they show published editions only, the same to everyone.
export const yearbookPages: FastifyPluginAsyncZod = async (app) => {
  app.get('/yearbooks', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const ctx = contextOf(request);
    const t: T = (s) => translate(ctx.locale, s);
    const editions = await repo.listEditions(ctx.database.db, { publishedOnly: true });
    const list = editions
      .map(
        (e) =>
          `<li class="hit"><h2><a href="/yearbooks/${esc(e.slug)}">${esc(e.title)}</a></h2><p class="meta">${esc(kindLabel(t, e.kind))} · ${esc(e.year)}</p></li>`,
      )
      .join('');
    const body = `<h1>${esc(t('Yearbooks and policy briefs'))}</h1>${
      list
        ? `<ul style="list-style:none;padding:0">${list}</ul>`
        : `<p>${esc(t('Nothing is published yet.'))}</p>`
    }`;
    return reply
      .type(HTML)
      .header('cache-control', 'no-cache')
      .send(
        page({
          locale: ctx.locale,
          title: t('Yearbooks and policy briefs'),
          body,
          head: STYLE,
          canonical: `${ctx.config.publicUrl}/yearbooks`,
        }),
      );
  });

  app.get(
    '/yearbooks/:slug',
    {
      config: { access: 'public' },
      schema: { hide: true, params: z.strictObject({ slug: z.string().max(120) }) },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const t: T = (s) => translate(ctx.locale, s);
      const db = ctx.database.db;
      const edition = await publishedEdition(db, request.params.slug);
      const chapters = await repo.chaptersOf(db, edition.id);
      const url = `${ctx.config.publicUrl}/yearbooks/${edition.slug}`;
      const toc = chapters
        .map(
          (c, i) =>
            `<li><a href="/yearbooks/${esc(edition.slug)}/chapters/${i + 1}">${esc(c.title)}</a>${c.countryCode ? ` <span class="meta">(${esc(countryName(c.countryCode, ctx.locale))})</span>` : ''}</li>`,
        )
        .join('');
      const body = `<h1 lang="${esc(edition.language)}">${esc(edition.title)}</h1>
${edition.subtitle ? `<p lang="${esc(edition.language)}">${esc(edition.subtitle)}</p>` : ''}
<p class="meta">${esc(kindLabel(t, edition.kind))} · ${esc(edition.year)}</p>
${edition.demonstration ? demoNote(t) : ''}
<p><a class="button" href="/api/v1/yearbooks/${esc(edition.id)}.pdf">${esc(t('Download the PDF'))}</a></p>
<h2>${esc(t('Chapters'))}</h2><ol class="toc">${toc}</ol>`;
      const ld = {
        '@context': 'https://schema.org',
        '@type': edition.kind === 'brief' ? 'Report' : 'Book',
        name: edition.title,
        inLanguage: edition.language,
        datePublished: edition.publishedAt?.toISOString().slice(0, 10),
        url,
        encoding: {
          '@type': 'MediaObject',
          encodingFormat: 'application/pdf',
          contentUrl: `${ctx.config.publicUrl}/api/v1/yearbooks/${edition.id}.pdf`,
        },
        hasPart: chapters.map((c, i) => ({
          '@type': 'Chapter',
          name: c.title,
          position: i + 1,
          url: `${url}/chapters/${i + 1}`,
        })),
      };
      return reply
        .type(HTML)
        .header('cache-control', 'no-cache')
        .send(
          page({
            locale: ctx.locale,
            title: edition.title,
            body,
            head: `${STYLE}${jsonLd(ld)}`,
            canonical: url,
          }),
        );
    },
  );

  app.get(
    '/yearbooks/:slug/chapters/:n',
    {
      config: { access: 'public' },
      schema: {
        hide: true,
        params: z.strictObject({ slug: z.string().max(120), n: z.coerce.number().int().min(1).max(1000) }),
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const t: T = (s) => translate(ctx.locale, s);
      const db = ctx.database.db;
      const edition = await publishedEdition(db, request.params.slug);
      const chapters = await repo.chaptersOf(db, edition.id);
      const chapter = chapters[request.params.n - 1];
      if (!chapter) throw problems.notFound('chapter');
      const url = `${ctx.config.publicUrl}/yearbooks/${edition.slug}`;
      const blocks = await chapterBlocks(db, chapter, edition.language);
      const body = `<p><a href="/yearbooks/${esc(edition.slug)}">${esc(edition.title)}</a></p>
<article lang="${esc(edition.language)}"><h1>${esc(chapter.title)}</h1>
${chapter.countryCode ? `<p class="meta">${esc(countryName(chapter.countryCode, edition.language))}</p>` : ''}
${edition.demonstration ? demoNote(t) : ''}
${blocksHtml(blocks, edition.language)}</article>`;
      const ld = {
        '@context': 'https://schema.org',
        '@type': 'Chapter',
        name: chapter.title,
        position: request.params.n,
        inLanguage: edition.language,
        url: `${url}/chapters/${request.params.n}`,
        isPartOf: { '@type': edition.kind === 'brief' ? 'Report' : 'Book', name: edition.title, url },
      };
      return reply
        .type(HTML)
        .header('cache-control', 'no-cache')
        .send(
          page({
            locale: ctx.locale,
            title: `${chapter.title} · ${edition.title}`,
            body,
            head: `${STYLE}${jsonLd(ld)}`,
            canonical: `${url}/chapters/${request.params.n}`,
          }),
        );
    },
  );
};

/** The public yearbook pages, for the site map: the index, every published edition and its chapters. */
export async function sitemapUrls(db: Tx): Promise<string[]> {
  const urls = ['/yearbooks'];
  for (const e of await repo.listEditions(db, { publishedOnly: true })) {
    urls.push(`/yearbooks/${e.slug}`);
    const n = (await repo.chaptersOf(db, e.id)).length;
    for (let i = 1; i <= n; i += 1) urls.push(`/yearbooks/${e.slug}/chapters/${i}`);
  }
  return urls;
}
