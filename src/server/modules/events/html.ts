import { translate } from '../../platform/i18n/translate.ts';
import { allCountries, countryName } from '../geography/countries.ts';
import { esc } from '../search/html-layout.ts';
import type { EventListItem, PresentedEvent } from './service.ts';
import { isTimeZone, offsetMinutes } from './zones.ts';

// Pieces of the public event pages: times in the event's zone and the viewer's, the filter form,
// the registration form, and schema.org Event JSON-LD.

/** "Saturday, 28 March 2026, 09:00" in a zone, in the page's language. */
export function when(iso: string, zone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone: zone }).format(
    new Date(iso),
  );
}

/** ISO 8601 with the zone's offset at that instant (what schema.org and people expect). */
export function withOffset(iso: string, zone: string): string {
  const instant = new Date(iso).getTime();
  const minutes = offsetMinutes(instant, zone);
  const local = new Date(instant + minutes * 60_000).toISOString().slice(0, 19);
  const sign = minutes < 0 ? '-' : '+';
  const m = Math.abs(minutes);
  return `${local}${sign}${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

export function place(
  e: { online: boolean; city: string | null; countryCode: string | null; venue?: string | null },
  locale: string,
) {
  const t = (s: string) => translate(locale, s);
  if (e.online) return t('Online');
  return [e.venue, e.city, e.countryCode ? countryName(e.countryCode, locale) : null]
    .filter(Boolean)
    .join(', ');
}

/** The event's times in its zone and, when the viewer chose one, in theirs. */
export function timesBlock(
  e: { startsAt: string; endsAt: string; timeZone: string },
  locale: string,
  viewerZone?: string,
) {
  const t = (s: string) => translate(locale, s);
  const here = `<time datetime="${esc(withOffset(e.startsAt, e.timeZone))}">${esc(when(e.startsAt, e.timeZone, locale))}</time> – <time datetime="${esc(withOffset(e.endsAt, e.timeZone))}">${esc(when(e.endsAt, e.timeZone, locale))}</time> (${esc(e.timeZone)})`;
  const yours =
    viewerZone && viewerZone !== e.timeZone && isTimeZone(viewerZone)
      ? `<dt>${esc(t('Your time'))}</dt><dd>${esc(when(e.startsAt, viewerZone, locale))} – ${esc(when(e.endsAt, viewerZone, locale))} (${esc(viewerZone)})</dd>`
      : '';
  return `<dt>${esc(t('Local time'))}</dt><dd>${here}</dd>${yours}`;
}

/** A form that reloads the page with times in another zone: no script needed. */
export function zoneForm(action: string, locale: string, current?: string) {
  const t = (s: string) => translate(locale, s);
  const zones = Intl.supportedValuesOf('timeZone')
    .map((z) => `<option${z === current ? ' selected' : ''}>${esc(z)}</option>`)
    .join('');
  return `<form class="search" method="get" action="${esc(action)}"><label for="tz">${esc(t('Show times also in'))}</label>
<select id="tz" name="tz"><option value="">—</option>${zones}</select><button type="submit">${esc(t('Show'))}</button></form>`;
}

export function eventItem(e: EventListItem, locale: string) {
  return `<li class="hit"><h2><a href="/events/${esc(e.slug)}">${esc(e.title)}</a></h2>
<p class="meta">${esc(e.kindLabel)} · <time datetime="${esc(withOffset(e.startsAt, e.timeZone))}">${esc(when(e.startsAt, e.timeZone, locale))}</time> (${esc(e.timeZone)}) · ${esc(place(e, locale))}${e.demonstration ? ` · <strong>${esc(translate(locale, 'Demonstration data'))}</strong>` : ''}</p></li>`;
}

export interface FilterValues {
  kind?: string;
  country?: string;
  programme?: string;
  from?: string;
  to?: string;
}

export function filterForm(
  f: FilterValues,
  locale: string,
  kinds: { code: string; label: string }[],
  programmes: { id: string; name: string }[],
) {
  const t = (s: string) => translate(locale, s);
  const option = (value: string, label: string, selected?: string) =>
    `<option value="${esc(value)}"${value === selected ? ' selected' : ''}>${esc(label)}</option>`;
  const countries = allCountries()
    .map((c) => ({ code: c.alpha2, name: countryName(c.alpha2, locale) }))
    .sort((a, b) => a.name.localeCompare(b.name, locale))
    .map((c) => option(c.code, c.name, f.country))
    .join('');
  return `<form class="search" method="get" action="/events" aria-label="${esc(t('Filter events'))}">
<label for="kind">${esc(t('Kind'))}</label><select id="kind" name="kind"><option value="">${esc(t('All kinds'))}</option>${kinds.map((k) => option(k.code, k.label, f.kind)).join('')}</select>
<label for="country">${esc(t('Country'))}</label><select id="country" name="country"><option value="">${esc(t('All countries'))}</option>${countries}</select>
<label for="programme">${esc(t('Programme'))}</label><select id="programme" name="programme"><option value="">${esc(t('All programmes'))}</option>${programmes.map((p) => option(p.id, p.name, f.programme)).join('')}</select>
<label for="from">${esc(t('From'))}</label><input type="date" id="from" name="from" value="${esc(f.from ?? '')}">
<label for="to">${esc(t('To'))}</label><input type="date" id="to" name="to" value="${esc(f.to ?? '')}">
<button type="submit">${esc(t('Filter'))}</button></form>`;
}

export interface FormState {
  values?: Record<string, string>;
  errors?: Record<string, string>;
}

/** The registration form: plain HTML, posted to this server only, with consent asked in words. */
export function registrationForm(e: PresentedEvent, locale: string, state: FormState = {}) {
  const t = (s: string) => translate(locale, s);
  const v = state.values ?? {};
  const err = state.errors ?? {};
  const field = (
    name: string,
    label: string,
    type: string,
    required: boolean,
    autocomplete: string,
    hint?: string,
  ) => {
    const describedBy = [hint ? `${name}-hint` : '', err[name] ? `${name}-error` : '']
      .filter(Boolean)
      .join(' ');
    return `<p><label for="${name}">${esc(label)}${required ? ` (${esc(t('required'))})` : ''}</label><br>
${hint ? `<span id="${name}-hint" class="meta">${esc(hint)}</span><br>` : ''}${err[name] ? `<strong id="${name}-error" role="alert">${esc(err[name])}</strong><br>` : ''}<input type="${type}" id="${name}" name="${name}" value="${esc(v[name] ?? '')}" autocomplete="${autocomplete}"${required ? ' required' : ''}${describedBy ? ` aria-describedby="${describedBy}"` : ''}${err[name] ? ' aria-invalid="true"' : ''} style="width:100%;max-width:32rem;padding:10px;font-size:1rem"></p>`;
  };
  const full = e.capacity !== null && e.seatsTaken >= e.capacity;
  return `<h2 id="register">${esc(t('Register'))}</h2>
${full ? `<p><strong>${esc(t('The event is full. If you register, you join the waiting list.'))}</strong></p>` : ''}
<form method="post" action="/events/${esc(e.slug)}/register" novalidate>
${field('name', t('Your name'), 'text', true, 'name')}
${field('email', t('Email'), 'email', true, 'email')}
${field('organisation', t('Organisation'), 'text', false, 'organization')}
${field('accessibility', t('Accessibility needs'), 'text', false, 'off', t('For example: wheelchair access, sign language, large print.'))}
${field('language', t('Language needs'), 'text', false, 'off', t('For example: interpretation into Arabic.'))}
<p>${err.consent ? `<strong id="consent-error" role="alert">${esc(err.consent)}</strong><br>` : ''}<input type="checkbox" id="consent" name="consent" value="yes"${v.consent === 'yes' ? ' checked' : ''}${err.consent ? ' aria-describedby="consent-error" aria-invalid="true"' : ''}>
<label for="consent">${esc(t('I agree that the organisers store these details to run this event and contact me about it.'))}</label></p>
<p><button type="submit">${esc(t('Register'))}</button></p>
</form>`;
}

/** schema.org Event for a public event's page. */
export function eventJsonLd(e: PresentedEvent, url: string) {
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: e.title,
    description:
      e.description
        .replace(/<[^>]*>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim() || undefined,
    startDate: withOffset(e.startsAt, e.timeZone),
    endDate: withOffset(e.endsAt, e.timeZone),
    eventStatus: 'https://schema.org/EventScheduled',
    eventAttendanceMode: e.online
      ? 'https://schema.org/OnlineEventAttendanceMode'
      : 'https://schema.org/OfflineEventAttendanceMode',
    location: e.online
      ? { '@type': 'VirtualLocation', url }
      : {
          '@type': 'Place',
          name: e.venue ?? e.city ?? undefined,
          address: {
            '@type': 'PostalAddress',
            addressLocality: e.city ?? undefined,
            addressCountry: e.countryCode ?? undefined,
          },
        },
    organizer: e.organisers.map((o) => ({ '@type': 'Organization', name: o.name })),
    inLanguage: e.languages.length ? e.languages : undefined,
    maximumAttendeeCapacity: e.capacity ?? undefined,
    url,
  };
}
