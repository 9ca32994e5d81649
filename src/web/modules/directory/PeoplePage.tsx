import { Anchor, Badge, Button, Card, Group, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { can, useMe } from '../../app/session.ts';
import { LoadMore } from '../../ui/LoadMore.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { PlainList } from '../../ui/Panel.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { ExportLinks } from './ExportLinks.tsx';
import { PEOPLE_FILTERS, type PeopleFilter, PeopleFilters } from './PeopleFilters.tsx';
import { usePeopleFormat } from './peopleFormat.ts';
import type { Person } from './types.ts';
import { useFilteredList } from './useFilteredList.ts';

/** People of the directory: search and filters kept in the address, and an export of exactly this list. */
export function PeoplePage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const format = usePeopleFormat();
  const { filters, set, q, search, active, list, rows, total } = useFilteredList<Person, PeopleFilter>(
    '/people',
    PEOPLE_FILTERS,
  );

  return (
    <>
      <PageHeader
        title={t('People')}
        lead={t('Coordinators, focal points and other people of the member organisations and networks.')}
        actions={
          <Group gap="xs">
            <Button component={Link} to="/directory" variant="light">
              {t('Organisations')}
            </Button>
            {can(me?.abilities, 'person', 'import') && (
              <Button component={Link} to="/directory/import?entity=people" variant="light">
                {t('Import')}
              </Button>
            )}
            {can(me?.abilities, 'person', 'create') && (
              <Button component={Link} to="/directory/people/new">
                {t('Add person')}
              </Button>
            )}
          </Group>
        }
      />
      <Stack gap="md">
        <PeopleFilters filters={filters} q={q} onSearch={search} set={set} />
        <Group justify="space-between" gap="xs">
          <Text size="sm" aria-live="polite" data-testid="result-count">
            {list.isSuccess ? t('{{count}} people', { count: total }) : ''}
          </Text>
          <ExportLinks path="/people" filters={active} />
        </Group>
        <ProblemAlert error={list.error} />
        {list.isPending && <Loader aria-label={t('Loading')} />}
        {list.isSuccess && rows.length === 0 && <Text c="dimmed">{t('No people match.')}</Text>}
        <PlainList label={t('People')} gap="sm">
          {rows.map((p) => (
            <Card key={p.id} component="li" withBorder padding="sm">
              <Group justify="space-between" gap="xs" wrap="wrap">
                <Anchor
                  component={Link}
                  to={`/directory/people/${p.id}`}
                  fw={600}
                  style={{ overflowWrap: 'anywhere' }}
                >
                  {p.honorificPrefix ? `${p.honorificPrefix} ${p.name}` : p.name}
                </Anchor>
                {!p.publicConsent && (
                  <Badge color="gray" variant="light">
                    {t('Not listed publicly')}
                  </Badge>
                )}
              </Group>
              <Text size="sm" c="dimmed">
                {[p.countryName, format.languages(p.languages)].filter(Boolean).join(' · ')}
              </Text>
            </Card>
          ))}
        </PlainList>
        <LoadMore list={list} />
      </Stack>
    </>
  );
}
