import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { msg } from '../../app/capability.ts';
import type { Sex, TrainingOptions } from './types.ts';

/** English labels (extracted by msg) of the recorded sex; screens translate them with t(). */
export const SEX_LABELS: Record<Sex, string> = {
  female: msg('Female'),
  male: msg('Male'),
  other: msg('Other'),
  not_stated: msg('Not stated'),
};

export function useTrainingOptions() {
  return useQuery({
    queryKey: ['trainings', 'options'],
    queryFn: async () => (await api<{ data: TrainingOptions }>('/trainings/options')).data,
  });
}

export function useOutcomes() {
  return useQuery({
    queryKey: ['trainings', 'outcomes'],
    queryFn: async () => (await api<{ data: { code: string; label: string }[] }>('/trainings/outcomes')).data,
    staleTime: 300_000,
  });
}
