import { Group, NativeSelect, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { termOptions, useCountries, useGroupings, useTerms } from './lookups.ts';
import { OrganisationFilter } from './OrganisationFilter.tsx';

export const PEOPLE_FILTERS = ['q', 'country', 'region', 'organisation', 'role', 'activeOn'] as const;
export type PeopleFilterValues = Record<(typeof PEOPLE_FILTERS)[number], string>;

/** The search box and filters of the people list; `q` is the typed text, debounced by the page. */
export function PeopleFilters({
  filters,
  q,
  onSearch,
  set,
}: {
  filters: PeopleFilterValues;
  q: string;
  onSearch: (text: string) => void;
  set: (key: keyof PeopleFilterValues, value: string) => void;
}) {
  const { t } = useTranslation();
  const roles = useTerms('membership_role');
  const countries = useCountries();
  const groupings = useGroupings();
  return (
    <Group gap="sm" align="flex-end" role="search" aria-label={t('Filter people')}>
      <TextInput
        label={t('Search')}
        placeholder={t('Name')}
        value={q}
        onChange={(e) => onSearch(e.currentTarget.value)}
        style={{ flex: '1 1 220px' }}
      />
      <NativeSelect
        label={t('Country')}
        value={filters.country}
        onChange={(e) => set('country', e.currentTarget.value)}
        data={[
          { value: '', label: t('All countries') },
          ...(countries.data ?? []).map((c) => ({ value: c.alpha2, label: c.name })),
        ]}
        style={{ flex: '1 1 180px' }}
      />
      <NativeSelect
        label={t('Region or grouping')}
        value={filters.region}
        onChange={(e) => set('region', e.currentTarget.value)}
        data={[
          { value: '', label: t('All regions') },
          ...(groupings.data ?? []).map((g) => ({ value: g.code, label: g.label })),
        ]}
        style={{ flex: '1 1 180px' }}
      />
      <NativeSelect
        label={t('Role')}
        value={filters.role}
        onChange={(e) => set('role', e.currentTarget.value)}
        data={[{ value: '', label: t('Any role') }, ...termOptions(roles.data)]}
        style={{ flex: '1 1 160px' }}
      />
      <TextInput
        type="date"
        label={t('Active on')}
        value={filters.activeOn}
        onChange={(e) => set('activeOn', e.currentTarget.value)}
        style={{ flex: '0 1 170px' }}
      />
      <OrganisationFilter value={filters.organisation} onChange={(id) => set('organisation', id)} />
    </Group>
  );
}
