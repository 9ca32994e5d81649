import { useTranslation } from 'react-i18next';

/** Dates and numbers in the reader's language, through Intl (no locale data shipped by us). */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language || 'en';
  return {
    dateTime(value: string | Date | null | undefined): string {
      if (!value) return '';
      return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
        new Date(value),
      );
    },
    number(value: number): string {
      return new Intl.NumberFormat(locale).format(value);
    },
    /** A fraction (0.72) as a whole percentage in the reader's digits and sign order ("72%"). */
    percent(fraction: number): string {
      return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
    },
  };
}
