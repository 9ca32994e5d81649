import { directionOf, LOCALES } from '../../../shared/locales.ts';
import { translate } from '../../platform/i18n/translate.ts';
import { esc } from '../search/html-layout.ts';
import { ANOTHER_COUNTRY, type CountryOption } from './get-help-destinations.ts';

// The public Get-help pages, rendered on the server: they read fully and the status page works
// with scripts off; the page's own small script (src/web/get-help/) adds the proof of work, the
// offline outbox and the history-replacing quick exit. Every string the script shows is in this HTML.

// Labels kept as English keys and translated when rendered; msg() marks them for the extractor.
const msg = (s: string) => s;

/** Where the quick exit goes: a page anyone might have open. */
export const NEUTRAL_SITE = 'https://www.google.com/search?q=weather';

// System fonts, no images, logical properties for right-to-left, 4.5:1 contrast at least.
const CSS = `*{box-sizing:border-box}[hidden]{display:none!important}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#1a1a1a;background:#f4f6f8}
a{color:#0b5cad}:focus-visible{outline:3px solid #0b5cad;outline-offset:2px}
header{position:sticky;top:0;z-index:2;display:flex;gap:8px;align-items:center;justify-content:space-between;background:#123c63;padding:8px 16px}
header .home{color:#fff;font-weight:700;text-decoration:none}
.exit{background:#a4161a;color:#fff;font-weight:700;padding:8px 14px;border-radius:6px;text-decoration:none;border:2px solid #fff}
main{max-width:560px;margin:0 auto;padding:8px 16px 16px}h1{font-size:1.5rem;line-height:1.3;margin:.75rem 0}
label{display:block;font-weight:600;margin:16px 0 4px}
input,select,textarea{display:block;width:100%;font:inherit;padding:10px;border:1px solid #5f6b76;border-radius:6px;background:#fff;color:inherit}
textarea{min-height:9rem;resize:vertical}
button{margin-top:20px;width:100%;padding:12px;font:inherit;font-weight:700;border:0;border-radius:6px;background:#0b5cad;color:#fff;cursor:pointer}
button[disabled]{background:#5f6b76}
.note,.error,.ok{border-radius:6px;padding:12px;margin:12px 0;border:1px solid}
.note{background:#fff4ce;border-color:#8a6d00}.note p{margin:0}.error{background:#fde7e9;border-color:#a4161a}.ok{background:#e6f4ea;border-color:#1e6b34}
.hp{position:absolute;inset-inline-start:0;top:0;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.code{display:block;font:700 1.3rem/1.4 ui-monospace,monospace;background:#fff;border:1px solid #5f6b76;border-radius:6px;padding:8px;margin:4px 0 12px;word-break:break-all}
.msg{background:#fff;border:1px solid #c5ccd3;border-radius:6px;padding:8px 12px;margin:8px 0}.team{background:#e8f1fb}
.msg p{margin:0;white-space:pre-wrap}.when{color:#4a545e;font-size:.875rem}
footer{max-width:560px;margin:24px auto;padding:0 16px 24px;color:#4a545e;font-size:.9rem}
footer ul{list-style:none;display:flex;flex-wrap:wrap;gap:6px 16px;padding:0;margin:8px 0}footer a[aria-current]{font-weight:700;color:#1a1a1a}`;

export interface Shell {
  lang: string;
  /** The page's path without the language, e.g. '/get-help' or '/get-help/status'. */
  path: string;
  title: string;
  body: string;
  /** The built script's URL (absent when the web app is not built: the page works without it). */
  script?: string;
  publicUrl: string;
}

/**
 * The frame: language and direction, quick exit first, the language links last, one small script.
 * Its form posts under the site's no-referrer policy, with `Origin: null` and `Sec-Fetch-Site:
 * same-origin`, which the cross-site write check accepts (platform/http/security.ts).
 */
export function shell({ lang, path, title, body, script, publicUrl }: Shell): string {
  const t = (s: string) => translate(lang, s);
  const alternates = LOCALES.map(
    (l) => `<link rel="alternate" hreflang="${l.code}" href="${esc(`${publicUrl}/${l.code}${path}`)}">`,
  ).join('');
  const languages = LOCALES.map(
    (l) =>
      `<li><a href="/${l.code}${path}" lang="${l.code}" hreflang="${l.code}" dir="${l.dir}"${l.code === lang ? ' aria-current="page"' : ''}>${esc(l.name)}</a></li>`,
  ).join('');
  return `<!doctype html>
<html lang="${esc(lang)}" dir="${directionOf(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="theme-color" content="#123c63">
<title>${esc(title)} · Tulay</title>
<link rel="canonical" href="${esc(`${publicUrl}/${lang}${path}`)}">${alternates}
<link rel="manifest" href="/${esc(lang)}/get-help/manifest.webmanifest">
<link rel="icon" type="image/svg+xml" href="/favicon.svg">
<style>${CSS}</style>
${script ? `<script type="module" src="${esc(script)}"></script>` : ''}
</head>
<body>
<header><a class="home" href="/${esc(lang)}/get-help">Tulay</a><a class="exit" id="quick-exit" href="${NEUTRAL_SITE}" rel="noreferrer">${esc(t('Quick exit'))}</a></header>
<main id="main">
${body}
</main>
<footer><nav aria-labelledby="languages"><h2 id="languages" style="font-size:1rem;margin:0">${esc(t('Language'))}</h2><ul>${languages}</ul></nav>
<p>${esc(t('Tulay — the working platform of migrant workers’ rights organisations'))}</p></footer>
</body>
</html>`;
}

export const SECTOR_LABELS: [string, string][] = [
  ['domestic_work', msg('Domestic work')],
  ['construction', msg('Construction')],
  ['fishing', msg('Fishing')],
  ['agriculture', msg('Agriculture')],
  ['manufacturing', msg('Factory work')],
  ['care', msg('Care work')],
  ['other', msg('Other work')],
];

/** What the person typed, put back into the form when it comes back with an error. */
export interface AskValues {
  message?: string;
  name?: string;
  contact?: string;
  destinationCountry?: string;
  sector?: string;
}

export interface AskView {
  lang: string;
  challenge: string;
  /** Zero when the proof of work is switched off: then the form is sent without a script. */
  bits: number;
  destinations: { covered: CountryOption[]; all: CountryOption[] };
  values?: AskValues;
  error?: string;
}

function options(list: CountryOption[], selected?: string) {
  return list
    .map((c) => `<option value="${c.code}"${c.code === selected ? ' selected' : ''}>${esc(c.name)}</option>`)
    .join('');
}

/** The Get-help form and, hidden until the script needs them, its waiting, error and codes views. */
export function renderAsk(view: AskView): string {
  const { lang, values = {} } = view;
  const t = (s: string) => translate(lang, s);
  const chosen = values.destinationCountry;
  // The covered countries come first; "All countries" lists every one, so none is ever missing.
  const countries = `<option value="">—</option>${
    view.destinations.covered.length
      ? `<optgroup label="${esc(t('Where our network works'))}">${options(view.destinations.covered, chosen)}</optgroup>`
      : ''
  }<optgroup label="${esc(t('All countries'))}">${options(view.destinations.all, view.destinations.covered.some((c) => c.code === chosen) ? undefined : chosen)}</optgroup><option value="${ANOTHER_COUNTRY}"${chosen === ANOTHER_COUNTRY ? ' selected' : ''}>${esc(t('Another country'))}</option>`;
  const sectors = SECTOR_LABELS.map(
    ([code, label]) =>
      `<option value="${code}"${values.sector === code ? ' selected' : ''}>${esc(t(label))}</option>`,
  ).join('');
  const needsScript = t(
    'Sending this form needs JavaScript: your phone does a short calculation that protects the form from abuse. Turn JavaScript on, or open this page in another browser.',
  );
  return `<section id="ask" aria-labelledby="ask-title">
<h1 id="ask-title">${esc(t('Ask for help'))}</h1>
<p>${esc(t('Lawyers and case workers of migrant workers’ organisations will read your message. It is stored encrypted and is never shared without your consent.'))}</p>
${view.bits > 0 ? `<noscript><p class="note">${esc(needsScript)}</p></noscript>` : ''}
<div id="error" class="error" role="alert" data-offline="${esc(t('You are offline. Connect to the internet and send again.'))}"${view.error ? '' : ' hidden'}>${esc(view.error ?? '')}</div>
<form id="ask-form" method="post" action="/${esc(lang)}/get-help">
<input type="hidden" name="challenge" value="${esc(view.challenge)}">
<input type="hidden" name="nonce" value="${view.bits > 0 ? '' : '0'}">
<label for="message">${esc(t('What happened? How can we help?'))}</label>
<textarea id="message" name="message" required maxlength="5000" dir="auto">${esc(values.message ?? '')}</textarea>
<label for="name">${esc(t('Your name (optional)'))}</label>
<input id="name" name="name" maxlength="200" autocomplete="off" value="${esc(values.name ?? '')}">
<label for="contact">${esc(t('How can we reach you safely? (optional)'))}</label>
<input id="contact" name="contact" maxlength="200" autocomplete="off" value="${esc(values.contact ?? '')}">
<label for="destinationCountry">${esc(t('Country where you work'))}</label>
<div id="country-find" hidden><label for="country-filter">${esc(t('Find your country'))}</label><input id="country-filter" type="search" autocomplete="off"></div>
<select id="destinationCountry" name="destinationCountry">${countries}</select>
<label for="sector">${esc(t('Your work'))}</label>
<select id="sector" name="sector"><option value="">—</option>${sectors}</select>
<div class="hp" aria-hidden="true"><label for="website">Website</label><input id="website" name="website" tabindex="-1" autocomplete="off"></div>
<button type="submit" id="send">${esc(t('Send'))}</button>
<p id="preparing" role="status" hidden>${esc(t('Preparing to send. This takes a few seconds.'))}</p>
</form>
<div id="waiting" class="note" role="status" hidden><p>${esc(t('You are offline. Your request is kept on this phone, encrypted, and will be sent as soon as you are connected.'))}</p></div>
</section>
${renderIssued(lang, undefined)}
<p><a href="/${esc(lang)}/get-help/status">${esc(t('I already have a reference code'))}</a></p>`;
}

/** The two codes, shown once: rendered filled after a post without script, or filled in by the script. */
export function renderIssued(
  lang: string,
  issued: { reference: string; secret: string } | undefined,
): string {
  const t = (s: string) => translate(lang, s);
  return `<section id="sent" aria-labelledby="sent-title"${issued ? '' : ' hidden'}>
<h1 id="sent-title" tabindex="-1">${esc(t('We received your request'))}</h1>
<p>${esc(t('Write down these two codes now. You need both to read our answer. We cannot show them again.'))}</p>
<h2 style="font-size:1rem;margin:0">${esc(t('Reference code'))}</h2>
<code class="code" dir="ltr" data-testid="reference">${esc(issued?.reference ?? '')}</code>
<h2 style="font-size:1rem;margin:0">${esc(t('Secret code'))}</h2>
<code class="code" dir="ltr" data-testid="secret">${esc(issued?.secret ?? '')}</code>
<p class="note">${esc(t('Do not share the secret code. Anyone who has both codes can read your request.'))}</p>
<p><a href="/${esc(lang)}/get-help/status">${esc(t('Read the answer to your request'))}</a></p>
</section>`;
}

const STATUS: Record<string, string> = {
  received: msg('Received: someone will read it soon.'),
  in_review: msg('A case worker is looking at your request.'),
  in_progress: msg('Your case is being handled.'),
  closed: msg('Your case is closed.'),
};

export interface OwnRequest {
  reference: string;
  status: string;
  messages: { from: string; at: string; text: string | null }[];
}

function codeInputs(lang: string) {
  const t = (s: string) => translate(lang, s);
  return `<label for="reference">${esc(t('Reference code'))}</label>
<input id="reference" name="reference" required dir="ltr" autocapitalize="characters" autocomplete="off" maxlength="64">
<label for="secret">${esc(t('Secret code'))}</label>
<input id="secret" name="secret" type="password" required dir="ltr" autocapitalize="characters" autocomplete="off" maxlength="64">`;
}

/** Coming back with the codes: a plain form post (no script needed); nothing is kept in the browser. */
export function renderStatus(
  lang: string,
  state: { error?: string; request?: OwnRequest; codes?: { reference: string; secret: string } },
): string {
  const t = (s: string) => translate(lang, s);
  const error = state.error ? `<div class="error" role="alert">${esc(state.error)}</div>` : '';
  if (!state.request || !state.codes) {
    return `<h1>${esc(t('Your request'))}</h1>${error}
<form method="post" action="/${esc(lang)}/get-help/status">${codeInputs(lang)}
<button type="submit">${esc(t('Open'))}</button></form>
<p><a href="/${esc(lang)}/get-help">${esc(t('Ask for help'))}</a></p>`;
  }
  const when = new Intl.DateTimeFormat(safeLocale(lang), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  });
  const messages = state.request.messages
    .map(
      (m) => `<article class="msg${m.from === 'team' ? ' team' : ''}"><p class="when">${esc(
        m.from === 'team' ? t('Answer from the team') : t('You wrote'),
      )} · <time datetime="${esc(m.at)}">${esc(when.format(new Date(m.at)))} UTC</time></p>
<p${m.text ? ' dir="auto"' : ''}>${esc(m.text ?? t('This message was deleted.'))}</p></article>`,
    )
    .join('');
  // The codes ride along in hidden fields so "Add information" needs no script and no storage.
  const hidden = `<input type="hidden" name="reference" value="${esc(state.codes.reference)}"><input type="hidden" name="secret" value="${esc(state.codes.secret)}">`;
  return `<h1>${esc(t('Your request'))}</h1>
<p><strong dir="ltr">${esc(state.request.reference)}</strong></p>
<p class="ok" role="status">${esc(t(STATUS[state.request.status] ?? STATUS.received!))}</p>
${messages}${error}
<form method="post" action="/${esc(lang)}/get-help/status">${hidden}
<label for="add">${esc(t('Add information'))}</label>
<textarea id="add" name="message" required maxlength="5000" dir="auto"></textarea>
<button type="submit">${esc(t('Send'))}</button></form>
<p><a href="/${esc(lang)}/get-help/status">${esc(t('Close'))}</a></p>`;
}

function safeLocale(lang: string) {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf(lang).length ? lang : 'en';
  } catch {
    return 'en';
  }
}
