import { useDirection } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { directionOf, type Locale } from '../../shared/locales.ts';
import { patch } from './api.ts';
import { applyLocale } from './i18n.ts';
import { ME_KEY, type Me } from './session.ts';

/** Changes the interface language everywhere: catalog, <html lang dir>, Mantine's direction, the account. */
export function useSwitchLanguage() {
  const { setDirection } = useDirection();
  const client = useQueryClient();
  return useCallback(
    async (locale: Locale, options: { save?: boolean } = { save: true }) => {
      // Signed in, the server answers in the account's language: save it before switching, or the
      // queries keyed by the new language refetch at once and cache labels in the old one.
      const me = client.getQueryData<Me | null>(ME_KEY);
      const save = options.save !== false && me && me.locale !== locale;
      if (save) await patch('/auth/me', { locale }).catch(() => {});
      await applyLocale(locale);
      setDirection(directionOf(locale));
      if (save) {
        const updated: Me = { ...me, locale };
        client.setQueryData(ME_KEY, updated);
      }
    },
    [client, setDirection],
  );
}
