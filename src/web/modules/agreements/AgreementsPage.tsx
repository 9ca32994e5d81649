import { Anchor, Badge, Button, Card, Group, Loader, NativeSelect, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useNavigate } from 'react-router';
import { api, queryString } from '../../app/api.ts';
import { can, useMe } from '../../app/session.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { PlainList } from '../../ui/Panel.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { CountryPicker } from '../directory/CountryPicker.tsx';
import { useTerms } from '../directory/lookups.ts';
import { AgreementDetail } from './AgreementDetail.tsx';
import { AgreementForm } from './AgreementForm.tsx';
import { STATUS_LABELS } from './labels.ts';
import type { AgreementRow } from './types.ts';

export const BASE = '/manage/agreements';

function AgreementList() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const provisions = useTerms('agreement_provision');
  const [filters, setFilters] = useState({ country: '', corridor: '', provision: '', status: '' });
  const set = (key: keyof typeof filters) => (value: string) => setFilters((f) => ({ ...f, [key]: value }));
  const query = queryString({ ...filters, limit: 500 });
  const list = useQuery({
    queryKey: ['agreements', filters],
    queryFn: () => api<{ data: AgreementRow[] }>(`/agreements${query}`),
  });
  // The corridor choices: every corridor of any agreement, so each one finds something.
  const all = useQuery({
    queryKey: ['agreements', 'all'],
    queryFn: () => api<{ data: AgreementRow[] }>('/agreements?limit=1000'),
  });
  const corridors = new Map((all.data?.data ?? []).flatMap((a) => a.corridors.map((c) => [c.code, c.label])));
  const exportQuery = queryString({ ...filters, limit: 1000 });
  return (
    <>
      <PageHeader
        title={t('Agreements register')}
        lead={t(
          'Bilateral labour agreements, memoranda of understanding, economic partnership agreements and regional instruments that the network monitors.',
        )}
        actions={
          <Group>
            <Button component="a" href="/agreements" variant="light">
              {t('Public register')}
            </Button>
            {can(me?.abilities, 'agreement', 'create') && (
              <Button component={Link} to={`${BASE}/new`}>
                {t('Add an agreement')}
              </Button>
            )}
          </Group>
        }
      />
      <Stack>
        <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
          <Text component="legend" fw={600}>
            {t('Filters')}
          </Text>
          <Group grow align="flex-end" wrap="wrap">
            <CountryPicker label={t('Country')} value={filters.country} onChange={set('country')} miw={200} />
            <NativeSelect
              label={t('Corridor')}
              value={filters.corridor}
              onChange={(e) => set('corridor')(e.currentTarget.value)}
              data={[
                { value: '', label: t('All') },
                ...[...corridors.entries()].map(([value, label]) => ({ value, label })),
              ]}
              miw={200}
            />
            <NativeSelect
              label={t('Provision')}
              value={filters.provision}
              onChange={(e) => set('provision')(e.currentTarget.value)}
              data={[
                { value: '', label: t('All') },
                ...(provisions.data ?? []).map((p) => ({ value: p.code, label: p.label })),
              ]}
              miw={200}
            />
            <NativeSelect
              label={t('Status')}
              value={filters.status}
              onChange={(e) => set('status')(e.currentTarget.value)}
              data={[
                { value: '', label: t('All') },
                ...Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label: t(label) })),
              ]}
              miw={160}
            />
          </Group>
          <Group gap="xs">
            <Text size="sm">{t('Download this list')}:</Text>
            <Anchor size="sm" href={`/api/v1/agreements${exportQuery}&format=csv`}>
              CSV
            </Anchor>
            <Anchor size="sm" href={`/api/v1/agreements${exportQuery}&format=json`}>
              JSON
            </Anchor>
          </Group>
        </Stack>
        <ProblemAlert error={list.error} />
        {list.isPending && <Loader aria-label={t('Loading')} />}
        {list.data?.data.length === 0 && <Text c="dimmed">{t('No agreements match.')}</Text>}
        <PlainList label={t('Agreements')} gap="sm">
          {list.data?.data.map((a) => (
            <Card component="li" withBorder key={a.id} padding="sm">
              <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
                <Anchor
                  component={Link}
                  to={`${BASE}/${a.id}`}
                  fw={600}
                  style={{ minWidth: 0, overflowWrap: 'anywhere' }}
                >
                  {a.localTitle}
                </Anchor>
                <Badge variant="light">{a.statusLabel}</Badge>
              </Group>
              <Text size="sm" c="dimmed">
                {[a.typeLabel, a.parties.map((p) => p.label).join(', '), a.signedOn]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
              {a.corridors.length > 0 && (
                <Text size="sm">
                  {t('Corridors')}: {a.corridors.map((c) => c.label).join('; ')}
                </Text>
              )}
              <Group gap={4}>
                {!a.published && <Badge color="gray">{t('Not published')}</Badge>}
                {a.demonstration && <Badge color="yellow">{t('Demonstration')}</Badge>}
              </Group>
            </Card>
          ))}
        </PlainList>
      </Stack>
    </>
  );
}

function NewAgreement() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title={t('Add an agreement')} />
      <AgreementForm onDone={(a) => navigate(`${BASE}/${a.id}`)} />
    </>
  );
}

/** The agreements register for staff: list with filters and exports, add, the agreement's page. */
export function AgreementsPage() {
  return (
    <Routes>
      <Route index element={<AgreementList />} />
      <Route path="new" element={<NewAgreement />} />
      <Route path=":id" element={<AgreementDetail />} />
    </Routes>
  );
}
