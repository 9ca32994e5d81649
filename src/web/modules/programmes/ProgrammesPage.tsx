import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  NativeSelect,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useNavigate } from 'react-router';
import { api, queryString } from '../../app/api.ts';
import { can, useMe } from '../../app/session.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { CountryPicker } from '../directory/CountryPicker.tsx';
import { termOptions, useTerms } from '../directory/lookups.ts';
import { ProgrammeDetail } from './ProgrammeDetail.tsx';
import { ProgrammeForm } from './ProgrammeForm.tsx';
import { type ProgrammeRow, STATUS_LABELS } from './types.ts';

function ProgrammeList() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const themes = useTerms('programme_theme');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [status, setStatus] = useState('');
  const [country, setCountry] = useState('');
  const [theme, setTheme] = useState('');
  const list = useQuery({
    queryKey: ['programmes', q, status, country, theme],
    queryFn: () =>
      api<{ data: ProgrammeRow[] }>(`/programmes${queryString({ q, status, country, theme, limit: 200 })}`),
  });
  return (
    <>
      <PageHeader
        title={t('Programmes')}
        lead={t('What the network does: programmes, who runs them, where, and what they reach.')}
        actions={
          <Group>
            <Button component="a" href="/programmes" variant="light">
              {t('Public pages')}
            </Button>
            {can(me?.abilities, 'programme', 'create') && (
              <Button component={Link} to="/advocacy/programmes/new">
                {t('New programme')}
              </Button>
            )}
          </Group>
        }
      />
      <Stack>
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label={t('Search')}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            style={{ flex: '1 1 12rem' }}
          />
          <NativeSelect
            label={t('Status')}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value)}
            data={[
              { value: '', label: t('All') },
              ...Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label: t(label) })),
            ]}
          />
          <CountryPicker label={t('Country')} value={country} onChange={setCountry} />
          <NativeSelect
            label={t('Theme')}
            value={theme}
            onChange={(e) => setTheme(e.currentTarget.value)}
            data={[{ value: '', label: t('All') }, ...termOptions(themes.data)]}
          />
        </Group>
        <ProblemAlert error={list.error} />
        {list.isPending && <Loader aria-label={t('Loading')} />}
        {list.data?.data.length === 0 && <Text c="dimmed">{t('No programmes match.')}</Text>}
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('Programmes')}>
          {list.data?.data.map((p) => (
            <Card component="li" withBorder key={p.id} padding="sm">
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Anchor
                  component={Link}
                  to={`/advocacy/programmes/${p.id}`}
                  fw={600}
                  style={{ minWidth: 0, overflowWrap: 'anywhere' }}
                >
                  {p.localName}
                </Anchor>
                <Badge variant="light">{t(STATUS_LABELS[p.status])}</Badge>
              </Group>
              <Text size="sm" c="dimmed">
                {[
                  p.runningOrganisations.map((o) => o.acronym ?? o.name).join(', '),
                  p.countries.map((c) => c.label).join(', '),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            </Card>
          ))}
        </Stack>
      </Stack>
    </>
  );
}

function NewProgramme() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  return (
    <>
      <PageHeader title={t('New programme')} lead={t('It stays a draft until you publish it.')} />
      {me && (
        <ProgrammeForm
          defaultOrganisation={{ id: me.organisation.id, name: me.organisation.name }}
          onDone={(p) => navigate(`/advocacy/programmes/${p.id}`)}
        />
      )}
    </>
  );
}

/** Programmes for staff: list with filters, create, the programme's page with its actions. */
export function ProgrammesPage() {
  return (
    <Routes>
      <Route index element={<ProgrammeList />} />
      <Route path="new" element={<NewProgramme />} />
      <Route path=":id" element={<ProgrammeDetail />} />
    </Routes>
  );
}
