import { Anchor, Badge, Button, Card, Group, Loader, NativeSelect, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useNavigate } from 'react-router';
import { api, queryString } from '../../app/api.ts';
import { can, useMe } from '../../app/session.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { STATUS_LABELS } from './labels.ts';
import { PracticeDetail } from './PracticeDetail.tsx';
import { PracticeForm } from './PracticeForm.tsx';
import type { PracticeRow } from './types.ts';

function PracticeList() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [status, setStatus] = useState('');
  const list = useQuery({
    queryKey: ['practices', status],
    queryFn: () => api<{ data: PracticeRow[] }>(`/practices${queryString({ status, limit: 100 })}`),
  });
  return (
    <>
      <PageHeader
        title={t('Good practices')}
        lead={t('Proposals from member organisations, their review, and the published database.')}
        actions={
          <Group>
            <Button component="a" href="/search" variant="light">
              {t('Public search')}
            </Button>
            {can(me?.abilities, 'practice', 'create') && (
              <Button component={Link} to="/knowledge/new">
                {t('Propose a practice')}
              </Button>
            )}
          </Group>
        }
      />
      <Stack>
        <NativeSelect
          label={t('Status')}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value)}
          data={[
            { value: '', label: t('All') },
            ...Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label: t(label) })),
          ]}
          maw={260}
        />
        <ProblemAlert error={list.error} />
        {list.isPending && <Loader aria-label={t('Loading')} />}
        {list.data?.data.length === 0 && <Text c="dimmed">{t('No practices yet.')}</Text>}
        <Stack
          component="ul"
          gap="sm"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('Good practices')}
        >
          {list.data?.data.map((p) => (
            <Card component="li" withBorder key={p.id} padding="sm">
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Anchor
                  component={Link}
                  to={`/knowledge/${p.id}`}
                  fw={600}
                  style={{ minWidth: 0, overflowWrap: 'anywhere' }}
                >
                  {p.title}
                </Anchor>
                <Badge variant="light">{t(STATUS_LABELS[p.status] ?? p.status)}</Badge>
              </Group>
              <Text size="sm" c="dimmed">
                {p.organisationName}
              </Text>
            </Card>
          ))}
        </Stack>
      </Stack>
    </>
  );
}

function NewPractice() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        title={t('Propose a practice')}
        lead={t('It stays a draft until you submit it for review.')}
      />
      <PracticeForm onDone={(p) => navigate(`/knowledge/${p.id}`)} />
    </>
  );
}

/** Good practices for staff and member editors: list, propose, review. */
export function PracticesPage() {
  return (
    <Routes>
      <Route index element={<PracticeList />} />
      <Route path="new" element={<NewPractice />} />
      <Route path=":id" element={<PracticeDetail />} />
    </Routes>
  );
}
