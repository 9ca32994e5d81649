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
      await applyLocale(locale);
      setDirection(directionOf(locale));
      const me = client.getQueryData<Me | null>(ME_KEY);
      if (options.save !== false && me && me.locale !== locale) {
        await patch('/auth/me', { locale }).catch(() => {});
        const updated: Me = { ...me, locale };
        client.setQueryData(ME_KEY, updated);
      }
    },
    [client, setDirection],
  );
}
