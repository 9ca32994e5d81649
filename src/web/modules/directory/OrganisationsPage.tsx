import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  NativeSelect,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { queryString } from '../../app/api.ts';
import { can, useMe } from '../../app/session.ts';
import { LoadMore } from '../../ui/LoadMore.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { ExportLinks } from './ExportLinks.tsx';
import { CountryFilter, RegionFilter, RoleFilter } from './FilterFields.tsx';
import { countryOptions, termOptions, useCountries, useNetworks, useTerms } from './lookups.ts';
import type { Organisation } from './types.ts';
import { useFilteredList } from './useFilteredList.ts';

const FILTERS = ['q', 'type', 'country', 'region', 'corridor', 'network', 'role', 'activeOn'] as const;

/** The directory list: search and filters kept in the address, exports and map of exactly this list. */
export function OrganisationsPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [showMap, setShowMap] = useState(false);
  const types = useTerms('organisation_type');
  const countries = useCountries();
  const networks = useNetworks();
  const countryChoices = countryOptions(countries.data);

  const { filters, set, q, search, active, list, rows, total, totalIsLowerBound } = useFilteredList<
    Organisation,
    (typeof FILTERS)[number]
  >('/organisations', FILTERS, (f) => ({
    ...f,
    // A corridor filters only once both ends are chosen ("PH-HK"); half of one stays in the form.
    corridor: /^[A-Z]{2}-[A-Z]{2}$/.test(f.corridor) ? f.corridor : '',
  }));
  const [origin = '', destination = ''] = filters.corridor.split('-');
  const setCorridorEnd = (end: 0 | 1, code: string) =>
    set('corridor', (end === 0 ? [code, destination] : [origin, code]).join('-').replace(/^-$/, ''));
  const query = queryString(active);

  return (
    <>
      <PageHeader
        title={t('Directory')}
        lead={t('Member and partner organisations, networks and their secretariats.')}
        actions={
          <Group gap="xs">
            {can(me?.abilities, 'person', 'list') && (
              <Button component={Link} to="/directory/people" variant="light">
                {t('People')}
              </Button>
            )}
            {can(me?.abilities, 'organisation', 'merge') && (
              <Button component={Link} to="/directory/duplicates" variant="subtle">
                {t('Possible duplicates')}
              </Button>
            )}
            {can(me?.abilities, 'organisation', 'import') && (
              <Button component={Link} to="/directory/import" variant="light">
                {t('Import')}
              </Button>
            )}
            {can(me?.abilities, 'organisation', 'create') && (
              <Button component={Link} to="/directory/organisations/new">
                {t('Add organisation')}
              </Button>
            )}
          </Group>
        }
      />
      <Stack gap="md">
        <Group gap="sm" align="flex-end" role="search" aria-label={t('Filter organisations')}>
          <TextInput
            label={t('Search')}
            placeholder={t('Name, acronym or description')}
            value={q}
            onChange={(e) => search(e.currentTarget.value)}
            style={{ flex: '1 1 220px' }}
          />
          <NativeSelect
            label={t('Type')}
            value={filters.type}
            onChange={(e) => set('type', e.currentTarget.value)}
            data={[{ value: '', label: t('All types') }, ...termOptions(types.data)]}
            style={{ flex: '1 1 180px' }}
          />
          <CountryFilter value={filters.country} onChange={(v) => set('country', v)} />
          <RegionFilter value={filters.region} onChange={(v) => set('region', v)} />
          <Group gap={4} wrap="nowrap" style={{ flex: '1 1 260px' }} role="group" aria-label={t('Corridor')}>
            <NativeSelect
              label={t('Corridor from')}
              value={origin}
              onChange={(e) => setCorridorEnd(0, e.currentTarget.value)}
              data={[{ value: '', label: t('Any origin') }, ...countryChoices]}
              style={{ flex: 1, minWidth: 0 }}
            />
            <NativeSelect
              label={t('Corridor to')}
              value={destination}
              onChange={(e) => setCorridorEnd(1, e.currentTarget.value)}
              data={[{ value: '', label: t('Any destination') }, ...countryChoices]}
              style={{ flex: 1, minWidth: 0 }}
            />
          </Group>
          <NativeSelect
            label={t('Network')}
            value={filters.network}
            onChange={(e) => set('network', e.currentTarget.value)}
            data={[
              { value: '', label: t('Any network') },
              ...(networks.data ?? []).map((n) => ({ value: n.id, label: n.name })),
            ]}
            style={{ flex: '1 1 180px' }}
          />
          <RoleFilter value={filters.role} onChange={(v) => set('role', v)} />
          <TextInput
            type="date"
            label={t('Member on')}
            value={filters.activeOn}
            onChange={(e) => set('activeOn', e.currentTarget.value)}
            style={{ flex: '0 1 170px' }}
          />
        </Group>
        <Group justify="space-between" gap="xs">
          <Text size="sm" aria-live="polite" data-testid="result-count">
            {list.isSuccess
              ? totalIsLowerBound
                ? t('More than {{count}} organisations', { count: total })
                : t('{{count}} organisations', { count: total })
              : ''}
          </Text>
          <ExportLinks path="/organisations" filters={active} />
        </Group>
        <Switch
          label={t('Show map')}
          checked={showMap}
          onChange={(e) => setShowMap(e.currentTarget.checked)}
        />
        {showMap && (
          <img
            src={`/api/v1/organisations/map.svg${query}`}
            alt={t('Map of the organisations listed')}
            width={960}
            height={500}
            style={{ maxWidth: '100%', height: 'auto' }}
            data-testid="member-map"
          />
        )}
        <ProblemAlert error={list.error} />
        {list.isPending && <Loader aria-label={t('Loading')} />}
        {list.isSuccess && rows.length === 0 && <Text c="dimmed">{t('No organisations match.')}</Text>}
        <Stack
          gap="sm"
          component="ul"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('Organisations')}
        >
          {rows.map((o) => (
            <Card key={o.id} component="li" withBorder padding="sm">
              <Group justify="space-between" gap="xs" wrap="wrap">
                <Anchor
                  component={Link}
                  to={`/directory/organisations/${o.id}`}
                  fw={600}
                  style={{ overflowWrap: 'anywhere' }}
                >
                  {o.name}
                  {o.acronym ? ` (${o.acronym})` : ''}
                </Anchor>
                {!o.published && (
                  <Badge color="gray" variant="light">
                    {t('Not public')}
                  </Badge>
                )}
              </Group>
              <Text size="sm" c="dimmed">
                {[o.typeLabel, o.countryName, o.foundedYear].filter(Boolean).join(' · ')}
              </Text>
            </Card>
          ))}
        </Stack>
        <LoadMore list={list} />
      </Stack>
    </>
  );
}
