import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Ctx, contextOf } from '../../platform/http/context.ts';
import { type FieldError, Problem } from '../../platform/http/problem.ts';
import { translate } from '../../platform/i18n/translate.ts';
import { esc, page } from '../search/html-layout.ts';
import { applicationForm, submitApplication } from './apply.ts';
import { openOpportunities } from './service.ts';

const HTML = 'text/html; charset=utf-8';
const msg = (s: string) => s;

// Field-level help shown next to a field the form refused, in the reader's language.
const FIELD_MESSAGES: Record<string, string> = {
  opportunityId: msg('Choose one of the opportunities.'),
  name: msg('Write your name (up to 200 characters).'),
  email: msg('Write an email address we can answer, like name@example.org.'),
  phone: msg('Write a phone number of up to 50 characters, or leave it empty.'),
  school: msg('Write the name of your school or institution (up to 300 characters), or leave it empty.'),
  availableFrom: msg('Write dates as YYYY-MM-DD, for example 2026-06-01.'),
  availableUntil: msg('Write dates as YYYY-MM-DD, and the end after the start.'),
  motivation: msg('Tell us in a few lines why you would like to join (up to 5000 characters).'),
  consent: msg('We can keep your application only if you agree to it.'),
};
const FORM_STYLE = `<style>
form.apply label{display:block;font-weight:600;margin-top:12px}
form.apply input[type=text],form.apply input[type=email],form.apply input[type=tel],form.apply input[type=date],form.apply textarea,form.apply select{display:block;width:100%;max-width:100%;padding:10px;font-size:1rem;border:1px solid #666;border-radius:6px;background:#fff}
form.apply .check{display:flex;gap:8px;align-items:flex-start;font-weight:400}form.apply .check input{margin-top:5px}
form.apply .hint{color:#444;font-size:.9rem;margin:2px 0 0}form.apply .error{color:#a4000f;font-weight:600;margin:4px 0 0}
form.apply button{margin-top:16px}.hp{position:absolute;inset-inline-start:-9999px;width:1px;height:1px;overflow:hidden}
.errors{border:2px solid #a4000f;border-radius:8px;padding:8px 16px;background:#fff}
</style>`;

type Values = Record<string, string>;

async function renderForm(ctx: Ctx, values: Values, errors: FieldError[]) {
  const t = (s: string) => translate(ctx.locale, s);
  const opportunities = await openOpportunities(ctx);
  const bad = new Map(errors.map((e) => [e.field.replace(/^body\./, ''), e]));
  const described = (name: string, hint?: boolean) => {
    const ids = [hint ? `${name}-hint` : '', bad.has(name) ? `${name}-error` : ''].filter(Boolean).join(' ');
    return `${ids ? ` aria-describedby="${ids}"` : ''}${bad.has(name) ? ' aria-invalid="true"' : ''}`;
  };
  const error = (name: string) =>
    bad.has(name)
      ? `<p class="error" id="${name}-error">${esc(t(FIELD_MESSAGES[name] ?? msg('This field is not valid.')))}</p>`
      : '';
  const input = (
    name: string,
    label: string,
    type: string,
    opts: { required?: boolean; hint?: string; autocomplete?: string } = {},
  ) =>
    `<label for="${name}">${esc(label)}${opts.required ? '' : ` (${esc(t('optional'))})`}</label>
${opts.hint ? `<p class="hint" id="${name}-hint">${esc(opts.hint)}</p>` : ''}
<input type="${type}" id="${name}" name="${name}" value="${esc(values[name] ?? '')}"${opts.required ? ' required' : ''}${opts.autocomplete ? ` autocomplete="${opts.autocomplete}"` : ''}${described(name, Boolean(opts.hint))}>${error(name)}`;
  const list = opportunities
    .map(
      (
        o,
      ) => `<li class="hit"><h3>${esc(o.localTitle)}</h3><p class="meta">${esc([o.organisationName, o.programmeName].filter(Boolean).join(' · '))}</p>
<p style="white-space:pre-line">${esc(o.localDescription)}</p>${o.demonstration ? `<p class="meta"><strong>${esc(t('Demonstration data: this record is not drawn from the seed documents.'))}</strong></p>` : ''}</li>`,
    )
    .join('');
  const choices = opportunities
    .map(
      (o) =>
        `<option value="${esc(o.id)}"${values.opportunityId === o.id ? ' selected' : ''}>${esc(o.localTitle)} · ${esc(o.organisationName ?? '')}</option>`,
    )
    .join('');
  const summary = errors.length
    ? `<div class="errors" role="alert" tabindex="-1" id="errors"><h2>${esc(t('Please check the marked fields.'))}</h2><ul>${[...bad.keys()].map((f) => `<li><a href="#${esc(f)}">${esc(t(FIELD_MESSAGES[f] ?? msg('This field is not valid.')))}</a></li>`).join('')}</ul></div>`
    : '';
  const form = opportunities.length
    ? `<h2 id="apply">${esc(t('Apply'))}</h2>${summary}
<form class="apply" method="post" action="/internships" novalidate>
<label for="opportunityId">${esc(t('Opportunity'))}</label>
<select id="opportunityId" name="opportunityId" required${described('opportunityId')}><option value="">${esc(t('Choose…'))}</option>${choices}</select>${error('opportunityId')}
${input('name', t('Your name'), 'text', { required: true, autocomplete: 'name' })}
${input('email', t('Email'), 'email', { required: true, autocomplete: 'email' })}
${input('phone', t('Phone'), 'tel', { autocomplete: 'tel' })}
${input('school', t('School or institution'), 'text', { hint: t('If a school or institution sends you, name it.') })}
${input('availableFrom', t('Available from'), 'date')}
${input('availableUntil', t('Available until'), 'date')}
<label for="motivation">${esc(t('Why would you like to join?'))}</label>
<textarea id="motivation" name="motivation" rows="6" required${described('motivation')}>${esc(values.motivation ?? '')}</textarea>${error('motivation')}
<div class="hp" aria-hidden="true"><label for="website">Website</label><input type="text" id="website" name="website" tabindex="-1" autocomplete="off"></div>
<label class="check" for="consent"><input type="checkbox" id="consent" name="consent" value="yes"${values.consent === 'yes' ? ' checked' : ''}${described('consent')}>
<span>${esc(t('I agree that the organisation I apply to stores what I send here to consider my application. Only its staff who choose interns read it; it is not shared with anyone else, and it is deleted once a decision is made, unless I am placed.'))}</span></label>${error('consent')}
<button type="submit">${esc(t('Send my application'))}</button>
</form>`
    : `<p>${esc(t('There are no open opportunities at the moment.'))}</p>`;
  return `<h1>${esc(t('Internships and volunteering'))}</h1>
<p>${esc(t('Interns and volunteers help in understanding more about labour migration and contribute to the advocacy work of the organisations of the network, in partnership with schools and institutions.'))}</p>
<h2>${esc(t('Opportunities'))}</h2>
<ul style="list-style:none;padding:0">${list || `<li>${esc(t('There are no open opportunities at the moment.'))}</li>`}</ul>
${form}`;
}

function send(ctx: Ctx, reply: FastifyReply, status: number, body: string) {
  const title = translate(ctx.locale, 'Internships and volunteering');
  return reply
    .code(status)
    .type(HTML)
    .header('cache-control', 'no-store')
    .send(
      page({
        locale: ctx.locale,
        title,
        body,
        head: FORM_STYLE,
        canonical: `${ctx.config.publicUrl}/internships`,
      }),
    );
}

/** Turns the form's Zod issues into field errors (the first per field). */
function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((i) => ({
    field: i.code === 'unrecognized_keys' ? 'form' : String(i.path[0] ?? 'form'),
    code: i.code,
    message: i.message,
  }));
}

/**
 * The public internships page: the open opportunities and an application form that works without
 * JavaScript (a plain POST, answered with a redirect or the form again with its errors, 400), makes
 * no third-party request, and is limited against abuse (per minute per address here, per day per
 * address and per email in apply.ts, a honeypot field).
 */
export const internshipPages: FastifyPluginAsyncZod = async (app) => {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 32 * 1024 },
    (_req, body, done) => {
      const params = new URLSearchParams(String(body));
      const out: Values = {};
      for (const [k, v] of params) out[k] = v;
      done(null, out);
    },
  );

  app.get(
    '/internships',
    {
      config: { access: 'public' },
      schema: { hide: true, querystring: z.strictObject({ sent: z.literal('1').optional() }) },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const t = (s: string) => translate(ctx.locale, s);
      if (request.query.sent)
        return send(
          ctx,
          reply,
          200,
          `<h1>${esc(t('Thank you: your application was sent'))}</h1><p role="status">${esc(t('The organisation will write to you at the email address you gave.'))}</p><p><a href="/internships">${esc(t('Internships and volunteering'))}</a></p>`,
        );
      return send(ctx, reply, 200, await renderForm(ctx, {}, []));
    },
  );

  app.post(
    '/internships',
    {
      config: { access: 'public', rateLimit: { max: 5, timeWindow: '1 minute' } },
      schema: { hide: true, body: z.record(z.string(), z.string()) },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const values = request.body;
      const parsed = applicationForm.safeParse(values);
      if (!parsed.success)
        return send(ctx, reply, 400, await renderForm(ctx, values, fieldErrors(parsed.error)));
      try {
        const result = await submitApplication(ctx, parsed.data);
        if (!result.ok) return send(ctx, reply, 400, await renderForm(ctx, values, result.errors));
      } catch (error) {
        if (error instanceof Problem && error.status === 429) {
          const t = (s: string) => translate(ctx.locale, s);
          reply.header('retry-after', error.headers?.['retry-after'] ?? '60');
          return send(
            ctx,
            reply,
            429,
            `<h1>${esc(t('Too many applications from here'))}</h1><p>${esc(t('Please try again tomorrow.'))}</p>`,
          );
        }
        throw error;
      }
      return reply.code(303).header('location', '/internships?sent=1').send();
    },
  );
};

/** The public addresses of this module, for sitemap.xml (the merger wires it in). */
export async function sitemapUrls(_database: unknown, publicUrl: string): Promise<string[]> {
  return [`${publicUrl}/internships`];
}
