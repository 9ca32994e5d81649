import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PUBLIC } from '../../platform/access/actor.ts';
import { type Ctx, contextOf } from '../../platform/http/context.ts';
import { Problem } from '../../platform/http/problem.ts';
import { translate } from '../../platform/i18n/translate.ts';
import { esc, jsonLd, page } from '../search/html-layout.ts';
import { getResolution, listResolutions, type PresentedResolution } from './resolutions.ts';

const HTML = 'text/html; charset=utf-8';
const msg = (s: string) => s;
const DEMO_NOTE = msg('Demonstration data: this record says more than the seed documents do.');
const KIND_LABELS: Record<string, string> = {
  resolution: msg('Resolution'),
  declaration: msg('Declaration'),
};

/** The pages show what the public sees, even to a signed-in reader: published resolutions only. */
const asPublic = (ctx: Ctx): Ctx => ({ ...ctx, actor: PUBLIC });

function adoptedBy(locale: string, r: PresentedResolution) {
  const t = (s: string) => translate(locale, s);
  const meeting = r.meeting ? ` — <a href="/events/${esc(r.meeting.slug)}">${esc(r.meeting.title)}</a>` : '';
  return `${esc(t('Adopted by'))}: ${esc(r.caucusName ?? '')}${meeting}`;
}

/** schema.org has no type for a resolution; a CreativeWork by the caucus (an Organization) fits. */
function resolutionJsonLd(r: PresentedResolution, url: string) {
  return {
    '@context': 'https://schema.org',
    '@type': 'CreativeWork',
    '@id': url,
    url,
    name: r.localTitle,
    genre: r.kind,
    dateCreated: r.adoptedOn,
    ...(r.identifier ? { identifier: r.identifier } : {}),
    ...(r.localText ? { text: r.localText } : {}),
    author: { '@type': 'Organization', name: r.caucusName },
    ...(r.signatories.length
      ? { contributor: r.signatories.map((s) => ({ '@type': 'Person', name: s.name })) }
      : {}),
  };
}

function item(locale: string, r: PresentedResolution) {
  const t = (s: string) => translate(locale, s);
  return `<li class="hit"><h2><a href="/caucus/resolutions/${esc(r.id)}">${esc(r.localTitle)}</a></h2>
<p class="meta">${esc([t(KIND_LABELS[r.kind] ?? r.kind), r.adoptedOn, r.identifier].filter(Boolean).join(' · '))}</p>
<p class="meta">${adoptedBy(locale, r)}</p>
${r.demonstration ? `<p class="meta"><strong>${esc(t(DEMO_NOTE))}</strong></p>` : ''}</li>`;
}

function detail(locale: string, r: PresentedResolution) {
  const t = (s: string) => translate(locale, s);
  const names = r.signatories
    .map((s) => `<li>${esc(s.name)}${s.postLabel ? ` — ${esc(s.postLabel)}` : ''}</li>`)
    .join('');
  const hidden = r.signatoryCount - r.signatories.length;
  return `<p><a href="/caucus/resolutions">${esc(t('Caucus resolutions and declarations'))}</a></p>
<h1>${esc(r.localTitle)}</h1>
${r.demonstration ? `<p><strong>${esc(t(DEMO_NOTE))}</strong></p>` : ''}
<p class="meta">${esc([t(KIND_LABELS[r.kind] ?? r.kind), r.identifier].filter(Boolean).join(' · '))} · <time datetime="${esc(r.adoptedOn)}">${esc(r.adoptedOn)}</time></p>
<p>${adoptedBy(locale, r)}</p>
${r.localText ? `<div style="white-space:pre-line">${esc(r.localText)}</div>` : ''}
<h2>${esc(t('Signatories'))}</h2>
${names ? `<ul>${names}</ul>` : ''}
${hidden > 0 ? `<p>${esc(translate(locale, msg('{{n}} signatories not listed by name.'), { n: hidden }))}</p>` : ''}
${!names && hidden === 0 ? `<p>${esc(t('None recorded.'))}</p>` : ''}`;
}

/** Published caucus resolutions: server-rendered HTML, no scripts, JSON-LD on each one. */
export const caucusPages: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/caucus/resolutions',
    { config: { access: 'public' }, schema: { hide: true } },
    async (request, reply) => {
      const ctx = asPublic(contextOf(request));
      const t = (s: string) => translate(ctx.locale, s);
      const rows = await listResolutions(ctx, {});
      const body = `<h1>${esc(t('Caucus resolutions and declarations'))}</h1>
<p>${esc(t('What the inter-parliamentary caucus adopted, with the members of parliament who signed.'))}</p>
<ul style="list-style:none;padding:0" aria-label="${esc(t('Resolutions'))}">${rows.map((r) => item(ctx.locale, r)).join('') || `<li>${esc(t('None recorded.'))}</li>`}</ul>`;
      return reply
        .type(HTML)
        .header('cache-control', 'no-cache')
        .send(
          page({
            locale: ctx.locale,
            title: t('Caucus resolutions and declarations'),
            body,
            canonical: `${ctx.config.publicUrl}/caucus/resolutions`,
          }),
        );
    },
  );

  app.get(
    '/caucus/resolutions/:id',
    {
      config: { access: 'public' },
      schema: { hide: true, params: z.strictObject({ id: z.string().max(100) }) },
    },
    async (request, reply) => {
      const ctx = asPublic(contextOf(request));
      const t = (s: string) => translate(ctx.locale, s);
      let r: PresentedResolution | undefined;
      try {
        if (z.uuid().safeParse(request.params.id).success) r = await getResolution(ctx, request.params.id);
      } catch (error) {
        if (!(error instanceof Problem) || error.status !== 404) throw error;
      }
      if (!r) {
        const title = t(msg('Not found.'));
        const body = `<h1>${esc(title)}</h1><p><a href="/caucus/resolutions">${esc(t('Caucus resolutions and declarations'))}</a></p>`;
        return reply
          .code(404)
          .type(HTML)
          .send(page({ locale: ctx.locale, title, body }));
      }
      const url = `${ctx.config.publicUrl}/caucus/resolutions/${r.id}`;
      return reply
        .type(HTML)
        .header('cache-control', 'no-cache')
        .send(
          page({
            locale: ctx.locale,
            title: r.localTitle,
            body: detail(ctx.locale, r),
            head: jsonLd(resolutionJsonLd(r, url)),
            canonical: url,
          }),
        );
    },
  );
};
