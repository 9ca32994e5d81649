import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { directionOf, LOCALES } from '../../../shared/locales.ts';
import { contextOf } from '../../platform/http/context.ts';
import { Problem } from '../../platform/http/problem.ts';
import { negotiateLocale, translate } from '../../platform/i18n/translate.ts';
import { esc } from '../search/html-layout.ts';
import { destinationOptions } from './get-help-destinations.ts';
import { type AskValues, renderAsk, renderIssued, renderStatus, shell } from './get-help-html.ts';
import { intakeCodes, intakeRequestBody } from './intake-routes.ts';
import * as intake from './intake-service.ts';
import { coveredCountries } from './repository-destinations.ts';
import { text } from './schemas.ts';

const HTML = 'text/html; charset=utf-8';
const msg = (s: string) => s;
const langParams = z.strictObject({ lang: z.string().max(20) });

/** The built script of the Get-help pages, from Vite's manifest (absent before a build: pages work without it). */
function builtScript(webRoot: string | undefined): string | undefined {
  const manifest = webRoot && join(webRoot, '.vite/manifest.json');
  if (!manifest || !existsSync(manifest)) return undefined;
  const entries = JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, { file: string }>;
  const file = entries['get-help/main.ts']?.file;
  return file ? `/${file}` : undefined;
}

/** The Get-help pages for the sitemap: one address per language (the status page is not for search engines). */
export function sitemapUrls(publicUrl: string): string[] {
  return LOCALES.map((l) => `${publicUrl}/${l.code}/get-help`);
}

/** A language of the interface named in the URL, matched without regard to case. */
function localeOf(value: string): string | undefined {
  return LOCALES.find((l) => l.code.toLowerCase() === value.toLowerCase())?.code;
}

/** The fields of a form post (URL-encoded, or JSON from a script) as strings; anything else is dropped. */
function fieldsOf(body: unknown): Record<string, string> {
  if (!body || typeof body !== 'object') return {};
  return Object.fromEntries(
    Object.entries(body as Record<string, unknown>).filter(
      (e): e is [string, string] => typeof e[1] === 'string',
    ),
  );
}

const blank = (value: string | undefined) => (value?.trim() ? value : undefined);

/**
 * The public Get-help pages at /<lang>/get-help and /<lang>/get-help/status, server-rendered; the
 * installable-app manifest per language; the service worker; and /get-help redirecting by
 * Accept-Language. The JSON API (intake-routes.ts) stays the contract the page's script uses.
 */
export const getHelpPages: FastifyPluginAsyncZod<{ webRoot?: string }> = async (app, options) => {
  const script = builtScript(options.webRoot);
  // A form posted without a script arrives URL-encoded; only these pages read that encoding.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 64 * 1024 },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );

  const publicUrl = () => app.config.publicUrl;
  const notFound = async (request: FastifyRequest, reply: FastifyReply) => {
    const lang = request.locale ?? 'en';
    const title = translate(lang, msg('Not found.'));
    return reply
      .code(404)
      .type(HTML)
      .header('cache-control', 'no-cache')
      .send(
        shell({
          lang,
          path: '/get-help',
          title,
          body: `<h1>${esc(title)}</h1><p><a href="/${lang}/get-help">${esc(translate(lang, msg('Ask for help')))}</a></p>`,
          script,
          publicUrl: publicUrl(),
        }),
      );
  };

  const askPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    lang: string,
    state: { values?: AskValues; error?: string; status?: number } = {},
  ) => {
    const ctx = contextOf(request);
    const { challenge, bits } = intake.challengeFor(ctx);
    const body = renderAsk({
      lang,
      challenge,
      bits,
      destinations: destinationOptions(lang, await coveredCountries(ctx.database.db)),
      values: state.values,
      error: state.error,
    });
    return reply
      .code(state.status ?? 200)
      .type(HTML)
      .header('cache-control', state.status ? 'no-store' : 'no-cache')
      .send(
        shell({
          lang,
          path: '/get-help',
          title: translate(lang, msg('Ask for help')),
          body,
          script,
          publicUrl: publicUrl(),
        }),
      );
  };

  const statusPage = (
    reply: FastifyReply,
    lang: string,
    state: Parameters<typeof renderStatus>[1],
    status = 200,
  ) =>
    reply
      .code(status)
      .type(HTML)
      .header('cache-control', 'no-store')
      .send(
        shell({
          lang,
          path: '/get-help/status',
          title: translate(lang, msg('Your request')),
          body: renderStatus(lang, state),
          script,
          publicUrl: publicUrl(),
        }),
      );

  // The address without a language: the browser's language (a printed flyer names one instead).
  for (const path of ['/get-help', '/get-help/status']) {
    app.get(path, { config: { access: 'public' }, schema: { hide: true } }, (request, reply) =>
      reply
        .code(302)
        .header('vary', 'accept-language')
        .header('cache-control', 'no-cache')
        .redirect(`/${negotiateLocale(request.headers['accept-language'])}${path}`, 302),
    );
  }

  app.get(
    '/:lang/get-help',
    { config: { access: 'public' }, schema: { hide: true, params: langParams } },
    async (request, reply) => {
      const lang = localeOf(request.params.lang);
      if (!lang) return notFound(request, reply);
      return askPage(request, reply, lang);
    },
  );

  // The form posted without a script: accepted when the proof of work allows it (switched off),
  // otherwise shown again with everything typed kept and the reason said plainly.
  app.post(
    '/:lang/get-help',
    {
      config: { access: 'public', rateLimit: { max: 5, timeWindow: '1 minute' } },
      schema: { hide: true, params: langParams },
    },
    async (request, reply) => {
      const lang = localeOf(request.params.lang);
      if (!lang) return notFound(request, reply);
      const f = fieldsOf(request.body);
      const values: AskValues = {
        message: f.message,
        name: f.name,
        contact: f.contact,
        destinationCountry: f.destinationCountry,
        sector: f.sector,
      };
      const ctx = contextOf(request);
      if (!blank(f.nonce) && ctx.config.INTAKE_POW_BITS > 0) {
        const error = translate(
          lang,
          msg(
            'Sending this form needs JavaScript: your phone does a short calculation that protects the form from abuse. Turn JavaScript on, or open this page in another browser.',
          ),
        );
        return askPage(request, reply, lang, { values, error, status: 400 });
      }
      const parsed = intakeRequestBody.safeParse({
        challenge: f.challenge ?? '',
        nonce: f.nonce ?? '',
        website: blank(f.website),
        language: lang,
        message: f.message ?? '',
        name: blank(f.name),
        contact: blank(f.contact),
        destinationCountry: blank(f.destinationCountry),
        sector: blank(f.sector),
      });
      if (!parsed.success) {
        const error = translate(lang, msg('Some fields are not valid.'));
        return askPage(request, reply, lang, { values, error, status: 400 });
      }
      try {
        const issued = await intake.submitIntake(ctx, parsed.data);
        return reply
          .code(201)
          .type(HTML)
          .header('cache-control', 'no-store')
          .send(
            shell({
              lang,
              path: '/get-help',
              title: translate(lang, msg('We received your request')),
              body: renderIssued(lang, issued),
              script,
              publicUrl: publicUrl(),
            }),
          );
      } catch (error) {
        if (!(error instanceof Problem)) throw error;
        return askPage(request, reply, lang, {
          values,
          error: translate(lang, error.title),
          status: error.status,
        });
      }
    },
  );

  app.get(
    '/:lang/get-help/status',
    { config: { access: 'public' }, schema: { hide: true, params: langParams } },
    async (request, reply) => {
      const lang = localeOf(request.params.lang);
      if (!lang) return notFound(request, reply);
      return statusPage(reply, lang, {});
    },
  );

  // Opening a request with its codes, and adding information to it: plain form posts, no script.
  app.post(
    '/:lang/get-help/status',
    {
      config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { hide: true, params: langParams },
    },
    async (request, reply) => {
      const lang = localeOf(request.params.lang);
      if (!lang) return notFound(request, reply);
      const f = fieldsOf(request.body);
      const codes = intakeCodes.safeParse({ reference: f.reference ?? '', secret: f.secret ?? '' });
      if (!codes.success) {
        const error = translate(lang, msg('This reference code and secret do not match a request.'));
        return statusPage(reply, lang, { error }, 400);
      }
      const ctx = contextOf(request);
      const { reference, secret } = codes.data;
      let error: string | undefined;
      let status = 200;
      try {
        if (f.message !== undefined) {
          const message = text(5000).safeParse(f.message);
          if (message.success) await intake.addOwnMessage(ctx, reference, secret, message.data);
          else {
            error = translate(lang, msg('Some fields are not valid.'));
            status = 400;
          }
        }
        const own = await intake.readOwnRequest(ctx, reference, secret);
        return statusPage(reply, lang, { request: own, codes: { reference, secret }, error }, status);
      } catch (e) {
        if (!(e instanceof Problem)) throw e;
        return statusPage(reply, lang, { error: translate(lang, e.title) }, e.status);
      }
    },
  );

  // One installable app per language, scoped to that language's Get-help pages.
  app.get(
    '/:lang/get-help/manifest.webmanifest',
    { config: { access: 'public' }, schema: { hide: true, params: langParams } },
    async (request, reply) => {
      const lang = localeOf(request.params.lang);
      if (!lang) return notFound(request, reply);
      const name = `Tulay · ${translate(lang, msg('Ask for help'))}`;
      return reply
        .type('application/manifest+json; charset=utf-8')
        .header('cache-control', 'no-cache')
        .send(
          JSON.stringify({
            name,
            short_name: 'Tulay',
            lang,
            dir: directionOf(lang),
            start_url: `/${lang}/get-help`,
            scope: `/${lang}/get-help`,
            display: 'standalone',
            background_color: '#f4f6f8',
            theme_color: '#123c63',
            icons: [{ src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
          }),
        );
    },
  );

  // The service worker lives at the root so that each language's registration may scope it to
  // /<lang>/get-help; it is not hashed (its URL must stay the same), so it is revalidated.
  app.get(
    '/get-help-sw.js',
    { config: { access: 'public' }, schema: { hide: true } },
    async (request, reply) => {
      const file = options.webRoot && join(options.webRoot, 'get-help-sw.js');
      if (!file || !existsSync(file)) return notFound(request, reply);
      return reply
        .type('text/javascript; charset=utf-8')
        .header('cache-control', 'no-cache')
        .send(readFileSync(file));
    },
  );
};
