import { Group, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CountryFilter, RegionFilter, RoleFilter } from './FilterFields.tsx';
import { OrganisationFilter } from './OrganisationFilter.tsx';

export const PEOPLE_FILTERS = ['q', 'country', 'region', 'organisation', 'role', 'activeOn'] as const;
export type PeopleFilter = (typeof PEOPLE_FILTERS)[number];
type PeopleFilterValues = Record<PeopleFilter, string>;

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
  return (
    <Group gap="sm" align="flex-end" role="search" aria-label={t('Filter people')}>
      <TextInput
        label={t('Search')}
        placeholder={t('Name')}
        value={q}
        onChange={(e) => onSearch(e.currentTarget.value)}
        style={{ flex: '1 1 220px' }}
      />
      <CountryFilter value={filters.country} onChange={(v) => set('country', v)} />
      <RegionFilter value={filters.region} onChange={(v) => set('region', v)} />
      <RoleFilter value={filters.role} onChange={(v) => set('role', v)} />
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
