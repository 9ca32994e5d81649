import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import type { Country, Grouping, Organisation, Term } from './types.ts';

/** Vocabulary terms in the current language (cached per language). */
export function useTerms(key: string) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: ['vocabulary', key, i18n.language],
    queryFn: async () => (await api<{ data: Term[] }>(`/vocabularies/${key}/terms`)).data,
    staleTime: 300_000,
  });
}

/** Every country, named and ordered by its name in the interface language (never by code). */
export function useCountries() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useQuery({
    queryKey: ['countries', language],
    queryFn: async () =>
      sortCountries((await api<{ data: Country[] }>('/geography/countries')).data, language),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Countries by their name as `language` sorts it ("Ägypten" with the A's in German, not after Z). */
export function sortCountries(countries: Country[], language: string): Country[] {
  const collator = new Intl.Collator(language);
  return [...countries].sort((a, b) => collator.compare(a.name, b.name));
}

export function useGroupings() {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: ['groupings', i18n.language],
    queryFn: async () => (await api<{ data: Grouping[] }>('/geography/groupings')).data,
    staleTime: 300_000,
  });
}

/** Networks (organisations in the network branch of the type vocabulary), for filters and pickers. */
export function useNetworks() {
  return useQuery({
    queryKey: ['organisations', 'networks'],
    queryFn: async () => (await api<{ data: Organisation[] }>('/organisations?type=network&limit=200')).data,
    staleTime: 60_000,
  });
}

/** A term's label in the current language, or its code while the terms load (or for a retired code). */
export const termLabel = (terms: Term[] | undefined, code: string) =>
  terms?.find((term) => term.code === code)?.label ?? code;

/** Countries as the options of a select, by name in the current language. */
export const countryOptions = (countries: Country[] | undefined) =>
  (countries ?? []).map((c) => ({ value: c.alpha2, label: c.name }));

/** A country's name in the current language, or its code while the list loads. */
export const countryName = (countries: Country[] | undefined, code: string) =>
  countries?.find((c) => c.alpha2 === code)?.name ?? code;

/**
 * A corridor ("PH-HK") as "Philippines → Hong Kong"; the arrow points the way the line reads, so
 * right-to-left text gets "←".
 */
export const corridorLabel = (countries: Country[] | undefined, corridor: string, dir: 'ltr' | 'rtl') =>
  corridor
    .split('-')
    .map((code) => countryName(countries, code))
    .join(dir === 'rtl' ? ' ← ' : ' → ');

/** Indented labels so a vocabulary's tree reads as a tree in a plain <select>. */
export const termOptions = (terms: Term[] | undefined) =>
  (terms ?? []).map((term) => ({
    value: term.code,
    label: `${'\u00a0\u00a0'.repeat(term.depth)}${term.label}`,
  }));
