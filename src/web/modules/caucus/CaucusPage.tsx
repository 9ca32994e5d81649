import { Anchor, Badge, Button, Card, Group, Loader, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useNavigate } from 'react-router';
import { api } from '../../app/api.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Panel, PlainList } from '../../ui/Panel.tsx';
import { BASE, KIND_LABELS, useCaucusOptions } from './labels.ts';
import { MembershipsPanel } from './MembershipsPanel.tsx';
import { ResolutionForm } from './ResolutionForm.tsx';
import { ResolutionPage } from './ResolutionPage.tsx';
import { SeatsPanel } from './SeatsPanel.tsx';
import type { Resolution } from './types.ts';

function ResolutionsPanel() {
  const { t } = useTranslation();
  const options = useCaucusOptions();
  const list = useQuery({
    queryKey: ['caucus', 'resolutions'],
    queryFn: async () => (await api<{ data: Resolution[] }>('/caucus/resolutions')).data,
  });
  return (
    <Panel title={t('Resolutions and declarations')} error={list.error}>
      {list.isPending && <Loader aria-label={t('Loading')} />}
      {list.data?.length === 0 && <Text c="dimmed">{t('None recorded.')}</Text>}
      <PlainList label={t('Resolutions and declarations')} gap="sm">
        {list.data?.map((r) => (
          <Card component="li" withBorder key={r.id} padding="sm">
            <Anchor
              component={Link}
              to={`${BASE}/resolutions/${r.id}`}
              fw={600}
              style={{ overflowWrap: 'anywhere' }}
            >
              {r.localTitle}
            </Anchor>
            <Text size="sm" c="dimmed">
              {[t(KIND_LABELS[r.kind] ?? r.kind), r.adoptedOn, r.meeting?.title ?? r.caucusName]
                .filter(Boolean)
                .join(' · ')}
            </Text>
            <Text size="sm">{t('{{n}} signatories', { n: r.signatories.length })}</Text>
            <Group gap={4}>
              {!r.published && <Badge color="gray">{t('Not published')}</Badge>}
              {r.demonstration && <Badge color="yellow">{t('Demonstration')}</Badge>}
            </Group>
          </Card>
        ))}
      </PlainList>
      {options.data?.abilities.create && (
        <Group>
          <Button component={Link} to={`${BASE}/resolutions/new`} variant="light">
            {t('Record a resolution')}
          </Button>
        </Group>
      )}
    </Panel>
  );
}

function Overview() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader
        title={t('Inter-parliamentary caucus')}
        lead={t(
          'Members of parliament with their seats, the caucus membership, and the resolutions and declarations they signed.',
        )}
        actions={
          <Group>
            <Button component="a" href="/api/v1/caucus/popolo.json" download variant="light">
              {t('Download as Popolo JSON')}
            </Button>
            <Button component="a" href="/caucus/resolutions" variant="subtle">
              {t('Public page')}
            </Button>
          </Group>
        }
      />
      <Stack>
        <ResolutionsPanel />
        <MembershipsPanel />
        <SeatsPanel />
      </Stack>
    </>
  );
}

function NewResolution() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title={t('Record a resolution')} />
      <ResolutionForm onDone={(r) => navigate(`${BASE}/resolutions/${r.id}`)} />
    </>
  );
}

/** The caucus for staff: seats, membership, resolutions with signatories, the Popolo export. */
export function CaucusPage() {
  return (
    <Routes>
      <Route index element={<Overview />} />
      <Route path="resolutions/new" element={<NewResolution />} />
      <Route path="resolutions/:id" element={<ResolutionPage />} />
    </Routes>
  );
}
