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
  };
}
