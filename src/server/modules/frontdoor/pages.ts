import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LOCALES } from '../../../shared/locales.ts';
import { contextOf } from '../../platform/http/context.ts';
import { translate } from '../../platform/i18n/translate.ts';
import { esc, page } from '../search/html-layout.ts';
import { FRONT_DOOR_LINKS, frontDoorPath, getHelpPath } from './links.ts';
import { sitemapRegistry } from './sitemap-sources.ts';

const HTML = 'text/html; charset=utf-8';

// A few rules on top of the shared public layout: Get-help stands out first, sized for a thumb.
const STYLE = `<style>
.door{display:grid;gap:16px}.door section{background:#fff;border:1px solid #ddd;border-radius:8px;padding:16px}
.door .help{border:2px solid #0b5cad;background:#f2f7fd}.door .help .button{font-size:1.1rem;padding:12px 20px}
.door h2{margin-top:0}.langs{display:flex;flex-wrap:wrap;gap:4px 12px;padding:0;list-style:none}
.langs a[aria-current=page]{font-weight:700}
</style>`;

function render(request: FastifyRequest, locale: string, canonicalPath: string) {
  const ctx = contextOf(request);
  const t = (s: string) => translate(locale, s);
  const others = FRONT_DOOR_LINKS.map(
    (l) =>
      `<section><h2><a href="${esc(l.href)}">${esc(t(l.title))}</a></h2><p>${esc(t(l.description))}</p></section>`,
  ).join('\n');
  const languages = LOCALES.map(
    (l) =>
      `<li><a href="${frontDoorPath(l.code)}" hreflang="${l.code}" lang="${l.code}" dir="${l.dir}"${l.code === locale ? ' aria-current="page"' : ''}>${esc(l.name)}</a></li>`,
  ).join('');
  // Public pages never read the session (it is resolved for /api/ only): the sign-in page sends
  // staff who are already signed in straight on to the staff app's home, /home.
  const staff = `<a href="/sign-in">${esc(t('Staff of member organisations: sign in'))}</a>`;
  const body = `<h1>${esc(t('Tulay: help and knowledge for migrant workers'))}</h1>
<div class="door">
<section class="help" aria-labelledby="help-title"><h2 id="help-title">${esc(t('Need help with your work abroad?'))}</h2>
<p>${esc(t('Ask for help in your language. It is free and confidential: a rights organisation will answer you.'))}</p>
<p><a class="button" href="${getHelpPath(locale)}">${esc(t('Ask for help'))}</a></p></section>
<section aria-labelledby="search-title"><h2 id="search-title">${esc(t('Search good practices and publications'))}</h2>
<form class="search" role="search" method="get" action="/search"><label for="q" class="skip">${esc(t('Search'))}</label><input type="search" id="q" name="q"><button type="submit">${esc(t('Search'))}</button></form></section>
${others}
<section aria-labelledby="staff-title"><h2 id="staff-title">${esc(t('For staff'))}</h2><p>${staff}</p></section>
</div>
<nav aria-label="${esc(t('Languages'))}"><h2>${esc(t('Languages'))}</h2><ul class="langs">${languages}</ul></nav>`;
  const alternates = LOCALES.map(
    (l) =>
      `<link rel="alternate" hreflang="${l.code}" href="${esc(`${ctx.config.publicUrl}${frontDoorPath(l.code)}`)}">`,
  ).join('\n');
  return page({
    locale,
    title: t('Help and knowledge for migrant workers'),
    body,
    head: `${STYLE}\n${alternates}`,
    canonical: `${ctx.config.publicUrl}${canonicalPath}`,
  });
}

const send = (reply: FastifyReply, html: string) =>
  // Revalidated on each visit: at `/` the language follows the browser.
  reply.type(HTML).header('cache-control', 'no-cache').header('vary', 'Accept-Language').send(html);

/**
 * The public front door: Get-help first, then search, the public directory and the areas still to
 * come; staff sign in from here. `/` follows the browser's (or account's) language, `/<lang>/` is a
 * fixed address per language. Also robots.txt and the sitemap every public module feeds.
 */
export const frontDoorPages: FastifyPluginAsyncZod = async (app) => {
  const options = { config: { access: 'public' as const }, schema: { hide: true } };
  app.get('/', options, async (request, reply) => send(reply, render(request, request.locale, '/')));
  for (const { code } of LOCALES) {
    app.get(frontDoorPath(code), options, async (request, reply) =>
      send(reply, render(request, code, frontDoorPath(code))),
    );
    app.get(`/${code}`, options, async (_request, reply) => reply.redirect(frontDoorPath(code), 301));
  }

  app.get('/robots.txt', options, async (request, reply) => {
    const base = contextOf(request).config.publicUrl;
    // Staff pages need a session anyway; keeping crawlers off them and the API saves both sides work.
    const text = [
      'User-agent: *',
      'Disallow: /api/',
      'Disallow: /setup',
      'Disallow: /invitation',
      'Disallow: /reset-password',
      'Disallow: /forgot-password',
      'Allow: /',
      '',
      `Sitemap: ${base}/sitemap.xml`,
      '',
    ].join('\n');
    return reply.type('text/plain; charset=utf-8').header('cache-control', 'public, max-age=3600').send(text);
  });

  app.get('/sitemap.xml', options, async (request, reply) =>
    reply
      .type('application/xml; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(await sitemapRegistry.render(contextOf(request))),
  );
};
