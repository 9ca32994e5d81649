import { useTranslation } from 'react-i18next';

/** A partial date (YYYY, YYYY-MM or YYYY-MM-DD) in the reader's language, as precise as it was given. */
function partialDate(value: string, locale: string): string {
  const [year, month, day] = value.split('-').map(Number);
  if (!year) return value;
  const date = new Date(Date.UTC(year, (month ?? 1) - 1, day ?? 1));
  const options: Intl.DateTimeFormatOptions = day
    ? { dateStyle: 'medium', timeZone: 'UTC' }
    : month
      ? { year: 'numeric', month: 'long', timeZone: 'UTC' }
      : { year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale, options).format(date);
}

/** Periods and languages of people's records, in the reader's language. */
export function usePeopleFormat() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language || 'en';
  let names: Intl.DisplayNames | null = null;
  let list: Intl.ListFormat | null = null;
  try {
    names = new Intl.DisplayNames([locale], { type: 'language' });
    list = new Intl.ListFormat(locale, { type: 'unit', style: 'short' });
  } catch {
    // An engine without these keeps the codes and commas.
  }
  return {
    /** "since May 2019", "until 2021" or "May 2019 – 2021"; empty when no dates are known. */
    period(start: string | null, end: string | null): string {
      const from = start ? partialDate(start, locale) : '';
      const to = end ? partialDate(end, locale) : '';
      if (from && to) return `${from} – ${to}`;
      if (from) return t('since {{date}}', { date: from });
      if (to) return t('until {{date}}', { date: to });
      return '';
    },
    /** Language names for codes such as "tl" or "ko"; an unknown code is shown as it is. */
    languages(codes: string[]): string {
      const named = codes.map((code) => {
        try {
          return names?.of(code) ?? code;
        } catch {
          return code;
        }
      });
      return list ? list.format(named) : named.join(', ');
    },
  };
}
