import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { Locale } from '../../shared/locales.ts';
import type { Role } from '../../shared/roles.ts';
import { ApiError, api, onApiError, post } from './api.ts';

export type Abilities = Record<string, Record<string, boolean>>;

/** The signed-in account, as GET /api/v1/auth/me answers. */
export interface Me {
  id: string;
  name: string;
  email: string;
  role: Role;
  locale: Locale;
  organisation: { id: string; name: string };
  totpEnabled: boolean;
  mustEnrolTotp: boolean;
  /** Enrolment waits for the emailed link (after a 2FA or password reset). */
  enrolmentLinkRequired: boolean;
  abilities: Abilities;
}

export const ME_KEY = ['auth', 'me'] as const;

/** The account, or null when nobody is signed in. */
export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async () => {
      try {
        return (await api<{ data: Me }>('/auth/me')).data;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
    retry: false,
  });
}

/** Keeps the cached account honest: a 401 anywhere means signed out, a 403 for 2FA means enrol now. */
export function useSessionWatch() {
  const client = useQueryClient();
  useEffect(
    () =>
      onApiError((error, path) => {
        // The account query answers 401 when signed out: reacting to it would ask again forever.
        if (path.startsWith('/auth/me')) return;
        const signedIn = Boolean(client.getQueryData<Me | null>(ME_KEY));
        if ((error.status === 401 && signedIn) || error.code === 'two_factor_enrolment_required') {
          void client.invalidateQueries({ queryKey: ME_KEY });
        }
      }),
    [client],
  );
}

export function can(abilities: Abilities | undefined, resource: string, action: string): boolean {
  return abilities?.[resource]?.[action] === true;
}

const isMe = (key: readonly unknown[]) => key[0] === ME_KEY[0] && key[1] === ME_KEY[1];

/** Forgets everything fetched for the previous person, so the next one on this device sees none of it. */
export function forgetAccountData(client: QueryClient) {
  client.removeQueries({ predicate: (q) => !isMe(q.queryKey) });
}

export function useSignOut() {
  const client = useQueryClient();
  return async () => {
    await post('/auth/logout').catch(() => {});
    client.setQueryData(ME_KEY, null);
    forgetAccountData(client);
  };
}
