import { Anchor, Badge, Button, Card, Group, Loader, NativeSelect, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes } from 'react-router';
import { api, queryString } from '../../app/api.ts';
import { useFormat } from '../../app/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Panel, PlainList } from '../../ui/Panel.tsx';
import { ApplicationDetail } from './ApplicationDetail.tsx';
import { APPLICATION_STATUS_LABELS } from './labels.ts';
import { OpportunitiesPanel } from './OpportunitiesPanel.tsx';
import type { ApplicationRow } from './types.ts';

export const BASE = '/manage/internships';

function Applications() {
  const { t } = useTranslation();
  const format = useFormat();
  const [status, setStatus] = useState('');
  const list = useQuery({
    queryKey: ['internship-applications', status],
    queryFn: () => api<{ data: ApplicationRow[] }>(`/internship-applications${queryString({ status })}`),
  });
  return (
    <>
      <PageHeader
        title={t('Internships and volunteering')}
        lead={t('Applications sent through the public page, their review and the placements.')}
        actions={
          <Button component="a" href="/internships" variant="light">
            {t('Public page')}
          </Button>
        }
      />
      <Stack>
        <Panel title={t('Applications')} error={list.error}>
          <NativeSelect
            label={t('Status')}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value)}
            data={[
              { value: '', label: t('All') },
              ...Object.entries(APPLICATION_STATUS_LABELS).map(([value, label]) => ({
                value,
                label: t(label),
              })),
            ]}
            maw={260}
          />
          {list.isPending && <Loader aria-label={t('Loading')} />}
          {list.data?.data.length === 0 && <Text c="dimmed">{t('No applications.')}</Text>}
          <PlainList label={t('Applications')} gap="sm">
            {list.data?.data.map((a) => (
              <Card component="li" withBorder key={a.id} padding="sm">
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Anchor
                    component={Link}
                    to={`${BASE}/${a.id}`}
                    fw={600}
                    style={{ minWidth: 0, overflowWrap: 'anywhere' }}
                  >
                    {a.name}
                  </Anchor>
                  <Badge variant="light">{t(APPLICATION_STATUS_LABELS[a.status] ?? a.status)}</Badge>
                </Group>
                <Text size="sm" c="dimmed">
                  {a.opportunityTitle} · {format.dateTime(a.createdAt)}
                </Text>
              </Card>
            ))}
          </PlainList>
        </Panel>
        <OpportunitiesPanel />
      </Stack>
    </>
  );
}

/** Internships for the staff who choose interns: applications, review, placement, opportunities. */
export function InternshipsPage() {
  return (
    <Routes>
      <Route index element={<Applications />} />
      <Route path=":id" element={<ApplicationDetail />} />
    </Routes>
  );
}
