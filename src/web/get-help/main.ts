// The Get-help pages' own script (not the staff app): the quick exit that replaces history, a
// country finder, the proof of work and sending, and the offline outbox. The pages are complete
// without it; every text it shows is already in the page, in the page's language.
import { canKeep, type Fields, keep, remove, waiting } from './outbox.ts';
import { solveChallenge } from './pow.ts';

const lang = document.documentElement.lang || 'en';
const byId = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T | null;
const FIELDS = ['message', 'name', 'contact', 'destinationCountry', 'sector', 'website'];

/** The server could not be reached (offline, or the connection dropped on the way). */
class Unreachable extends Error {}
/** The server answered with a problem; its title is already in the page's language. */
class Refused extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

async function api<T>(path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method: body ? 'POST' : 'GET',
      headers: { 'accept-language': lang, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    throw new Unreachable();
  }
  const json = await response.json().catch(() => ({}));
  if (!response.ok) throw new Refused(json.title ?? String(response.status), response.status);
  return json.data as T;
}

async function send(fields: Fields) {
  const { challenge, bits } = await api<{ challenge: string; bits: number }>('/intake/challenge');
  const nonce = await solveChallenge(challenge, bits);
  return api<{ reference: string; secret: string }>('/intake/requests', {
    ...fields,
    challenge,
    nonce,
    language: lang,
  });
}

function show(id: string, visible: boolean) {
  const element = byId(id);
  if (element) element.hidden = !visible;
}

function showError(error: unknown) {
  const box = byId('error');
  if (!box) return;
  box.textContent =
    error instanceof Unreachable
      ? (box.dataset.offline ?? '')
      : error instanceof Error && error.message
        ? error.message
        : String(error);
  box.hidden = false;
}

/** The codes, shown once, in place of the form. */
function showSent(issued: { reference: string; secret: string }) {
  const sent = byId('sent');
  if (!sent) return;
  sent.querySelector('[data-testid=reference]')!.textContent = issued.reference;
  sent.querySelector('[data-testid=secret]')!.textContent = issued.secret;
  show('ask', false);
  sent.hidden = false;
  byId('sent-title')?.focus();
}

function quickExit() {
  const link = byId<HTMLAnchorElement>('quick-exit');
  link?.addEventListener('click', (event) => {
    event.preventDefault();
    try {
      sessionStorage.clear();
    } catch {
      // storage disabled: nothing to clear
    }
    // Replaces this page in the history, so Back does not come here.
    location.replace(link.href);
  });
}

/** A search box over the country list: typing a name (in any script) selects the first match. */
function countryFinder() {
  const select = byId<HTMLSelectElement>('destinationCountry');
  const filter = byId<HTMLInputElement>('country-filter');
  if (!select || !filter) return;
  show('country-find', true);
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
  const options = [...select.options];
  const names = options.map((o) => fold(o.text));
  filter.addEventListener('input', () => {
    const query = fold(filter.value.trim());
    let first: HTMLOptionElement | undefined;
    options.forEach((option, i) => {
      const fixed = !option.value || option.value === 'other';
      const match = fixed || !query || names[i]!.includes(query);
      option.hidden = !match;
      if (match && !fixed && !first) first = option;
    });
    if (query && first) select.value = first.value;
  });
}

function fieldsOf(form: HTMLFormElement): Fields {
  const fields: Fields = {};
  for (const name of FIELDS) {
    const value = (form.elements.namedItem(name) as HTMLInputElement | null)?.value ?? '';
    if (value.trim()) fields[name] = value;
  }
  return fields;
}

function restore(form: HTMLFormElement, fields: Fields) {
  for (const name of FIELDS) {
    const input = form.elements.namedItem(name) as HTMLInputElement | null;
    if (input) input.value = fields[name] ?? '';
  }
}

/** While a request waits on the phone, the page says so instead of offering the form. */
function showWaiting(form: HTMLFormElement, visible: boolean) {
  form.hidden = visible;
  show('waiting', visible);
}

let flushing = false;

/** Sends what waits on the phone; a refusal for good gives the text back to the person to fix. */
async function flush(form: HTMLFormElement) {
  if (flushing || !canKeep()) return;
  flushing = true;
  try {
    for (const { id, fields } of await waiting()) {
      showWaiting(form, true);
      try {
        const issued = await send(fields);
        await remove(id);
        showWaiting(form, false);
        showSent(issued);
      } catch (error) {
        const later =
          error instanceof Unreachable ||
          (error instanceof Refused && (error.status === 429 || error.status >= 500));
        if (later) return;
        await remove(id);
        showWaiting(form, false);
        restore(form, fields);
        showError(error);
      }
    }
  } finally {
    flushing = false;
  }
}

function askForm() {
  const form = byId<HTMLFormElement>('ask-form');
  if (!form) return;
  const button = byId<HTMLButtonElement>('send');
  let busy = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (busy) return;
    busy = true;
    const fields = fieldsOf(form);
    show('error', false);
    show('preparing', true);
    if (button) button.disabled = true;
    try {
      if (!navigator.onLine) throw new Unreachable();
      showSent(await send(fields));
      form.reset();
    } catch (error) {
      if (error instanceof Unreachable && canKeep()) {
        await keep(fields);
        form.reset();
        showWaiting(form, true);
      } else showError(error);
    } finally {
      busy = false;
      show('preparing', false);
      if (button) button.disabled = false;
    }
  });
  void flush(form);
  addEventListener('online', () => void flush(form));
  // Some networks come back without an `online` event: look again now and then.
  setInterval(() => navigator.onLine && void flush(form), 10_000);
}

quickExit();
countryFinder();
askForm();
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('/get-help-sw.js', { scope: `/${lang}/get-help` }).catch(() => {});
}
