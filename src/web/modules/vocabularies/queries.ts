import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import type { Vocabulary, VocabularyTerm } from './types.ts';

/** Every vocabulary, labelled in the current language. */
export function useVocabularies() {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: ['vocabularies', i18n.language],
    queryFn: async () => (await api<{ data: Vocabulary[] }>('/vocabularies')).data,
  });
}

/** A vocabulary's whole tree, retired terms included, with each term's abilities. */
export function useAllTerms(key: string) {
  const { i18n } = useTranslation();
  return useQuery({
    // Under ['vocabulary', key] so one invalidation refreshes this and every picker of the vocabulary.
    queryKey: ['vocabulary', key, 'with-retired', i18n.language],
    queryFn: async () =>
      (await api<{ data: VocabularyTerm[] }>(`/vocabularies/${key}/terms?includeRetired=true`)).data,
  });
}

/** After an edit: every cached copy of the vocabulary's terms (pickers and labels elsewhere too) is stale. */
export function useInvalidateVocabulary() {
  const client = useQueryClient();
  return (key: string) =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['vocabulary', key] }),
      client.invalidateQueries({ queryKey: ['vocabularies'] }),
    ]);
}
