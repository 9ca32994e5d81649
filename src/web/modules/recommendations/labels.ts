import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { api } from '../../app/api.ts';
import type { RecommendationOptions, Status } from './types.ts';

/** Where the staff screens live (the public tracker has /recommendations). */
export const BASE = '/follow-up';

export const STATUSES: Status[] = ['proposed', 'accepted', 'in_progress', 'implemented', 'rejected'];

/** A status in the interface language. */
export function statusLabel(t: TFunction, status: Status): string {
  const labels: Record<Status, string> = {
    proposed: t('Proposed'),
    accepted: t('Accepted'),
    in_progress: t('In progress'),
    implemented: t('Implemented'),
    rejected: t('Rejected'),
  };
  return labels[status];
}

export const statusColor: Record<Status, string> = {
  proposed: 'gray',
  accepted: 'blue',
  in_progress: 'yellow',
  implemented: 'green',
  rejected: 'red',
};

export function useRecommendationOptions() {
  return useQuery({
    queryKey: ['recommendations', 'options'],
    queryFn: async () => (await api<{ data: RecommendationOptions }>('/recommendations/options')).data,
    staleTime: 60_000,
  });
}
