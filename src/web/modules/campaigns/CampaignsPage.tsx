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
import { BASE } from './base.ts';
import { CampaignDetail } from './CampaignDetail.tsx';
import { CampaignForm } from './CampaignForm.tsx';
import { STATUS_LABELS, TYPE_LABELS } from './labels.ts';
import type { CampaignRow } from './types.ts';

function CampaignList() {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const [typeCode, setTypeCode] = useState('');
  const list = useQuery({
    queryKey: ['campaigns', typeCode],
    queryFn: () => api<{ data: CampaignRow[] }>(`/campaigns${queryString({ typeCode, limit: 200 })}`),
  });
  return (
    <>
      <PageHeader
        title={t('Campaigns')}
        lead={t('Where each campaign stands, country by country.')}
        actions={
          <Group>
            <Button component="a" href="/campaigns" variant="light">
              {t('Public tracker')}
            </Button>
            {can(me?.abilities, 'campaign', 'create') && (
              <Button component={Link} to={`${BASE}/new`}>
                {t('New campaign')}
              </Button>
            )}
          </Group>
        }
      />
      <Stack>
        <NativeSelect
          label={t('Type')}
          value={typeCode}
          onChange={(e) => setTypeCode(e.currentTarget.value)}
          data={[
            { value: '', label: t('All types') },
            ...Object.entries(TYPE_LABELS).map(([value, label]) => ({ value, label: t(label) })),
          ]}
          maw={320}
        />
        <ProblemAlert error={list.error} />
        {list.isPending && <Loader aria-label={t('Loading')} />}
        {list.data?.data.length === 0 && <Text c="dimmed">{t('No campaigns yet.')}</Text>}
        <PlainList label={t('Campaigns')} gap="sm">
          {list.data?.data.map((c) => (
            <Card component="li" withBorder key={c.id} padding="sm">
              <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
                <Anchor
                  component={Link}
                  to={`${BASE}/${c.id}`}
                  fw={600}
                  style={{ minWidth: 0, overflowWrap: 'anywhere' }}
                >
                  {c.names[i18n.language] || c.name}
                </Anchor>
                <Badge color={c.status === 'published' ? 'teal.9' : 'gray.8'}>
                  {t(STATUS_LABELS[c.status] ?? c.status)}
                </Badge>
              </Group>
              <Text size="sm" c="dimmed">
                {[
                  t(TYPE_LABELS[c.typeCode] ?? c.typeCode),
                  c.organisationName,
                  t('{{n}} countries', { n: c.countryCount }),
                  t('{{n}} signatories', { n: c.endorsementCount }),
                ].join(' · ')}
              </Text>
            </Card>
          ))}
        </PlainList>
      </Stack>
    </>
  );
}

function NewCampaign() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title={t('New campaign')} lead={t('It stays a draft until you publish it.')} />
      <CampaignForm onDone={(c) => navigate(`${BASE}/${c.id}`)} />
    </>
  );
}

/** Campaigns for staff and member editors: list, start, track country by country, sign-ons. */
export function CampaignsPage() {
  return (
    <Routes>
      <Route index element={<CampaignList />} />
      <Route path="new" element={<NewCampaign />} />
      <Route path=":id" element={<CampaignDetail />} />
    </Routes>
  );
}
