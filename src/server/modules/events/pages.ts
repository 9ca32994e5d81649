import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { email as emailSchema, line, text, token as tokenSchema } from '../../../shared/schemas.ts';
import { type Ctx, contextOf } from '../../platform/http/context.ts';
import { Problem } from '../../platform/http/problem.ts';
import { translate } from '../../platform/i18n/translate.ts';
import { esc, jsonLd, page } from '../search/html-layout.ts';
import { termsOf } from '../vocabularies/service.ts';
import * as calendars from './calendars.ts';
import {
  eventItem,
  eventJsonLd,
  type FormState,
  filterForm,
  place,
  registrationForm,
  timesBlock,
  zoneForm,
} from './html.ts';
import * as participants from './participants.ts';
import * as repo from './repository.ts';
import * as service from './service.ts';

// Titles of the problems these pages show (extracted for translation).
const msg = (s: string) => s;
const HTML = 'text/html; charset=utf-8';
const ICS = 'text/calendar; charset=utf-8';
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(
    (d) =>
      !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    'A real date',
  );
const pageQuery = z.strictObject({
  kind: z.string().max(64).optional(),
  country: z.string().max(2).optional(),
  programme: z.string().max(64).optional(),
  from: z.union([day, z.literal('')]).optional(),
  to: z.union([day, z.literal('')]).optional(),
  cursor: z.string().max(500).optional(),
});
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const slugParams = z.strictObject({ slug: z.string().min(1).max(200) });
const registrationBody = z.object({
  name: z.string().max(2000).optional(),
  email: z.string().max(2000).optional(),
  organisation: z.string().max(2000).optional(),
  accessibility: z.string().max(5000).optional(),
  language: z.string().max(2000).optional(),
  consent: z.string().max(10).optional(),
});
/** What the form's fields must be; failures are shown next to the field, not as a JSON problem. */
const registrationFields = z.object({
  name: line(200),
  email: emailSchema,
  organisation: line(300).optional().or(z.literal('')),
  accessibility: text(2000, { trim: true, plain: true }).optional(),
  language: text(500, { trim: true, plain: true }).optional(),
  consent: z.literal('yes'),
});

function sendPage(
  reply: import('fastify').FastifyReply,
  ctx: Ctx,
  title: string,
  body: string,
  options: { status?: number; head?: string; canonical?: string } = {},
) {
  return reply
    .code(options.status ?? 200)
    .type(HTML)
    .header('cache-control', 'no-cache')
    .send(
      page({
        locale: ctx.locale,
        title,
        body,
        head: options.head,
        canonical: options.canonical,
      }),
    );
}

/** A page for the public's mistakes (a forged link, an unknown event): never a JSON problem in a browser. */
function problemPage(reply: import('fastify').FastifyReply, ctx: Ctx, error: unknown) {
  if (!(error instanceof Problem)) throw error;
  const t = (s: string) => translate(ctx.locale, s);
  return sendPage(
    reply,
    ctx,
    t(error.title),
    `<h1>${esc(t(error.title))}</h1><p><a href="/events">${esc(t('Events'))}</a></p>`,
    {
      status: error.status,
    },
  );
}

/**
 * Public events as server-rendered HTML (no JavaScript, no third-party request): the list with its
 * filters, each public event's page with JSON-LD and the registration form, the RSVP page of the
 * emailed link, and the iCalendar feeds.
 */
export const eventPages: FastifyPluginAsyncZod = async (app) => {
  // Forms post urlencoded bodies; this parser serves only the routes of this plugin.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 32 * 1024 },
    (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    },
  );

  app.get(
    '/events',
    { config: { access: 'public' }, schema: { hide: true, querystring: pageQuery } },
    async (request, reply) => {
      const ctx = contextOf(request);
      const t = (s: string) => translate(ctx.locale, s);
      const q = request.query;
      const kinds = await termsOf(ctx.database.db, 'event_kind', ctx.locale);
      const programmes = await repo.listProgrammes(ctx.database.db);
      // Unknown filter values simply match nothing; they never reach SQL as anything but parameters.
      const result = await service.listEvents(
        ctx,
        {
          kind: q.kind || undefined,
          country: q.country || undefined,
          programmeId: q.programme && UUID.test(q.programme) ? q.programme : undefined,
          from: q.from ? new Date(`${q.from}T00:00:00Z`) : undefined,
          to: q.to ? new Date(`${q.to}T23:59:59Z`) : undefined,
          limit: 50,
          cursor: q.cursor,
        },
        { publicOnly: true },
      );
      const kept = new URLSearchParams(
        Object.entries(q).filter(([k, v]) => v && k !== 'cursor') as [string, string][],
      );
      const next = result.nextCursor
        ? `<p><a class="button" href="?${esc(new URLSearchParams({ ...Object.fromEntries(kept), cursor: result.nextCursor }).toString())}">${esc(t('Next page'))}</a></p>`
        : '';
      const body = `<h1>${esc(t('Events'))}</h1>
${filterForm({ ...q, programme: q.programme }, ctx.locale, kinds, programmes)}
<p><a href="/events.ics">${esc(t('Subscribe to the calendar (iCalendar)'))}</a></p>
<ul style="list-style:none;padding:0">${result.data.map((e) => eventItem(e, ctx.locale)).join('') || `<li>${esc(t('No events match.'))}</li>`}</ul>${next}`;
      return sendPage(reply, ctx, t('Events'), body, { canonical: `${ctx.config.publicUrl}/events` });
    },
  );

  app.get('/events.ics', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) =>
    reply
      .type(ICS)
      .header('cache-control', 'public, max-age=300')
      .send(await calendars.publicFeed(contextOf(request))),
  );

  app.get(
    '/events/:slug',
    {
      config: { access: 'public' },
      schema: {
        hide: true,
        params: slugParams,
        querystring: z.strictObject({ tz: z.string().max(64).optional() }),
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const { slug } = request.params;
      const ics = slug.endsWith('.ics');
      const row = await repo.findEventBySlug(ctx.database.db, ics ? slug.slice(0, -4) : slug);
      if (row?.visibility !== 'public')
        return problemPage(reply, ctx, new Problem(404, 'not_found', msg('Not found.')));
      if (ics)
        return reply
          .type(ICS)
          .header('content-disposition', `attachment; filename="${row.slug}.ics"`)
          .send(await calendars.eventIcs(ctx, row));
      const e = await service.presentEvent(ctx, row);
      return sendPage(reply, ctx, e.title, eventBody(ctx, e, request.query.tz), {
        head: jsonLd(eventJsonLd(e, `${ctx.config.publicUrl}/events/${e.slug}`)),
        canonical: `${ctx.config.publicUrl}/events/${e.slug}`,
      });
    },
  );

  app.post(
    '/events/:slug/register',
    {
      config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { hide: true, params: slugParams, body: registrationBody },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const t = (s: string) => translate(ctx.locale, s);
      const row = await repo.findEventBySlug(ctx.database.db, request.params.slug);
      if (row?.visibility !== 'public')
        return problemPage(reply, ctx, new Problem(404, 'not_found', msg('Not found.')));
      const e = await service.presentEvent(ctx, row);
      const values = Object.fromEntries(Object.entries(request.body).map(([k, v]) => [k, String(v ?? '')]));
      const parsed = registrationFields.safeParse(request.body);
      const again = (status: number, errors: Record<string, string>) =>
        sendPage(reply, ctx, e.title, eventBody(ctx, e, undefined, { values, errors }), { status });
      if (!parsed.success) {
        const messages: Record<string, string> = {
          name: t('Enter your name (one line, up to 200 characters).'),
          email: t('Enter a valid email address.'),
          organisation: t('Enter the organisation on one line, up to 300 characters.'),
          accessibility: t('Up to 2,000 characters, without control characters.'),
          language: t('Up to 500 characters, without control characters.'),
          consent: t('Please agree to the storing of your details, or we cannot register you.'),
        };
        const errors = Object.fromEntries(
          parsed.error.issues.map((i) => [String(i.path[0]), messages[String(i.path[0])] ?? t('Not valid.')]),
        );
        return again(400, errors);
      }
      try {
        const done = await participants.register(ctx, row.slug, {
          name: parsed.data.name,
          email: parsed.data.email,
          organisationName: parsed.data.organisation || undefined,
          accessibilityNeeds: parsed.data.accessibility || undefined,
          languageNeeds: parsed.data.language || undefined,
          locale: ctx.locale,
        });
        const waiting = done.participant.status === 'waitlisted';
        const body = `<h1>${esc(waiting ? t('You are on the waiting list') : t('You are registered'))}</h1>
<p>${esc(waiting ? t('The event is full. We will let you know if a place becomes free.') : t('Thank you. We have sent you an email with a link to see or cancel your registration.'))}</p>
<p><a href="/events/${esc(row.slug)}">${esc(e.title)}</a> · <a href="/events/${esc(row.slug)}.ics">${esc(t('Add to your calendar'))}</a></p>`;
        return sendPage(reply, ctx, t('Registration'), body, { status: 201 });
      } catch (error) {
        if (error instanceof Problem && error.status === 409) return again(409, { email: t(error.title) });
        return problemPage(reply, ctx, error);
      }
    },
  );

  app.get(
    '/rsvp',
    {
      config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: { hide: true, querystring: z.object({ token: z.string().max(300).optional() }) },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const token = tokenSchema.safeParse(request.query.token);
      const found = token.success ? await participants.rsvpOf(ctx, token.data) : undefined;
      if (!found)
        return problemPage(reply, ctx, new Problem(404, 'not_found', msg('This link is not valid.')));
      return sendPage(
        reply,
        ctx,
        found.event.title,
        rsvpBody(ctx, found.event, found.participant, token.data!),
      );
    },
  );

  app.post(
    '/rsvp',
    {
      config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        hide: true,
        body: z.object({ token: z.string().max(300), answer: z.enum(['accept', 'decline']) }),
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const token = tokenSchema.safeParse(request.body.token);
      try {
        if (!token.success) throw new Problem(404, 'not_found', msg('This link is not valid.'));
        const done = await participants.answerRsvp(ctx, token.data, request.body.answer);
        return sendPage(
          reply,
          ctx,
          done.event.title,
          rsvpBody(ctx, done.event, done.participant, token.data, true),
        );
      } catch (error) {
        return problemPage(reply, ctx, error);
      }
    },
  );

  app.get(
    '/calendars/:file',
    {
      config: { access: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: { hide: true, params: z.strictObject({ file: z.string().max(300) }) },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const token = tokenSchema.safeParse(request.params.file.replace(/\.ics$/, ''));
      if (!token.success || !request.params.file.endsWith('.ics'))
        return problemPage(reply, ctx, new Problem(404, 'not_found', msg('Not found.')));
      try {
        return reply
          .type(ICS)
          .header('cache-control', 'private, no-store')
          .send(await calendars.personalFeed(ctx, token.data));
      } catch (error) {
        return problemPage(reply, ctx, error);
      }
    },
  );
};

function eventBody(ctx: Ctx, e: service.PresentedEvent, viewerZone?: string, form?: FormState) {
  const t = (s: string) => translate(ctx.locale, s);
  const facts = [
    [t('Kind'), esc(e.kindLabel)],
    [t('Place'), esc(place(e, ctx.locale))],
    [t('Programme'), e.programmeName ? esc(e.programmeName) : ''],
    [t('Organisers'), esc(e.organisers.map((o) => o.name).join(', '))],
    [t('Partners'), esc(e.partners.map((o) => o.name).join(', '))],
    [t('Languages'), esc(e.languages.join(', '))],
    [t('Capacity'), e.capacity === null ? '' : esc(e.capacity)],
  ]
    .filter(([, v]) => v)
    .map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`)
    .join('');
  const agenda = e.sessions.length
    ? `<h2>${esc(t('Agenda'))}</h2><ol>${e.sessions
        .map(
          (s) =>
            `<li><strong>${esc(s.title)}</strong><br><span class="meta">${esc(s.startsLocal.replace('T', ' '))} – ${esc(s.endsLocal.slice(11))}${s.room ? ` · ${esc(s.room)}` : ''}</span>${s.speakers.length ? `<br>${esc(t('Speakers'))}: ${esc(s.speakers.map((p) => p.name).join(', '))}` : ''}</li>`,
        )
        .join('')}</ol>`
    : '';
  const documents = e.documents.length
    ? `<h2>${esc(t('Documents'))}</h2><ul>${e.documents.map((d) => `<li><a href="/publications/${esc(d.id)}">${esc(d.title)}</a></li>`).join('')}</ul>`
    : '';
  const open = new Date(e.endsAt).getTime() > Date.now();
  return `<p><a href="/events">${esc(t('Events'))}</a></p>
<h1>${esc(e.title)}</h1>
${e.demonstration ? `<p role="note"><strong>${esc(t('Demonstration data'))}:</strong> ${esc(t('details the seed documents do not state, such as the exact dates or the place, are invented for the demonstration.'))}</p>` : ''}
<dl class="facts">${timesBlock(e, ctx.locale, viewerZone)}${facts}</dl>
${zoneForm(`/events/${e.slug}`, ctx.locale, viewerZone)}
<p><a href="/events/${esc(e.slug)}.ics">${esc(t('Add to your calendar'))}</a></p>
${e.description ? `<div class="rich">${e.description}</div>` : ''}
${agenda}${documents}
${e.kindCode === 'dialogue' ? `<p><a href="/recommendations?dialogue=${esc(e.id)}">${esc(t('Recommendations of this dialogue and how far each has come'))}</a></p>` : ''}
${open ? registrationForm(e, ctx.locale, form) : `<p>${esc(t('This event is over; registration is closed.'))}</p>`}`;
}

function rsvpBody(ctx: Ctx, event: repo.EventRow, p: repo.ParticipantRow, token: string, answered = false) {
  const t = (s: string) => translate(ctx.locale, s);
  const labels: Record<string, string> = {
    invited: t('Invited: not answered yet'),
    accepted: t('You will attend'),
    registered: t('You are registered'),
    waitlisted: t('You are on the waiting list'),
    declined: t('You will not attend'),
    cancelled: t('Your registration is cancelled'),
  };
  const open = event.endsAt.getTime() > Date.now();
  const button = (answer: string, label: string) =>
    `<form method="post" action="/rsvp" style="display:inline"><input type="hidden" name="token" value="${esc(token)}"><input type="hidden" name="answer" value="${answer}"><button type="submit">${esc(label)}</button></form>`;
  return `<h1>${esc(event.title)}</h1>
<dl class="facts">${timesBlock({ startsAt: event.startsAt.toISOString(), endsAt: event.endsAt.toISOString(), timeZone: event.timeZone }, ctx.locale)}</dl>
<p${answered ? ' role="status"' : ''}><strong>${esc(t('Your answer'))}:</strong> ${esc(labels[p.status] ?? p.status)}</p>
${open ? `<p>${button('accept', t('I will attend'))} ${button('decline', t('I will not attend'))}</p>` : `<p>${esc(t('This event is over; registration is closed.'))}</p>`}
${event.visibility === 'public' ? `<p><a href="/events/${esc(event.slug)}">${esc(t('About the event'))}</a></p>` : ''}`;
}
