import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import type { CaucusOptions } from './types.ts';

// English labels, marked for the extractor; screens translate them with t().
const msg = (s: string) => s;

export const ROLE_LABELS: Record<string, string> = {
  chair: msg('Chair'),
  co_chair: msg('Co-chair'),
  vice_chair: msg('Vice-chair'),
  member: msg('Member'),
  secretariat: msg('Secretariat'),
};

export const KIND_LABELS: Record<string, string> = {
  resolution: msg('Resolution'),
  declaration: msg('Declaration'),
};

export const BASE = '/manage/caucus';

/** Caucuses, parliaments, parties and caucus meetings the forms offer, with the person's abilities. */
export function useCaucusOptions() {
  return useQuery({
    queryKey: ['caucus', 'options'],
    queryFn: async () => (await api<{ data: CaucusOptions }>('/caucus/options')).data,
    staleTime: 60_000,
  });
}

/** "2011 – 2015", "since 2011", "" — a dated role in a few words. */
export function period(
  t: (s: string, o?: Record<string, string>) => string,
  start: string | null,
  end: string | null,
) {
  if (start && end) return `${start} – ${end}`;
  if (start) return t('since {{date}}', { date: start });
  if (end) return t('until {{date}}', { date: end });
  return '';
}
