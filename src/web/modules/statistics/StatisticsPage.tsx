import { Anchor, Badge, Button, Card, Group, Loader, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useNavigate, useParams } from 'react-router';
import { api, del, patch, post } from '../../app/api.ts';
import { changedFields } from '../../app/changed-fields.ts';
import { can, useMe } from '../../app/session.ts';
import { FactList } from '../../ui/FactList.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Panel, PlainList } from '../../ui/Panel.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { AreaProfile } from './AreaProfile.tsx';
import { type DatasetDraft, DatasetForm, emptyDataset } from './DatasetForm.tsx';
import { ImportPanel } from './ImportPanel.tsx';
import { IndicatorsPage } from './IndicatorsPage.tsx';
import { type Dataset, type StatisticsImport, titleOf } from './types.ts';

function DatasetList() {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const list = useQuery({
    queryKey: ['statistics', 'datasets'],
    queryFn: () => api<{ data: Dataset[] }>('/statistics/datasets'),
  });
  return (
    <>
      <PageHeader
        title={t('Migration statistics')}
        lead={t('Data sets of migration figures, their sources, and the imports that fill them.')}
        actions={
          <Group gap="xs">
            <Button component={Link} to="/datasets/profile" variant="light">
              {t('Country profiles')}
            </Button>
            <Button component={Link} to="/datasets/indicators" variant="light">
              {t('Indicators')}
            </Button>
            {can(me?.abilities, 'statistics', 'manage') && (
              <Button component={Link} to="/datasets/new">
                {t('New data set')}
              </Button>
            )}
          </Group>
        }
      />
      <Text size="sm">
        <Anchor href="/statistics">{t('Public statistics pages')}</Anchor>
      </Text>
      <ProblemAlert error={list.error} />
      {list.isPending && <Loader aria-label={t('Loading')} />}
      {list.data?.data.length === 0 && <Text c="dimmed">{t('No data sets yet.')}</Text>}
      <PlainList label={t('Data sets')} gap="sm">
        {list.data?.data.map((d) => (
          <Card component="li" withBorder key={d.id} padding="sm">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Anchor component={Link} to={`/datasets/${d.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
                {titleOf(d.titles, i18n.language, d.code)}
              </Anchor>
              <Group gap={4}>
                {d.demonstration && <Badge color="yellow">{t('Demonstration')}</Badge>}
                <Badge variant="light">{d.published ? t('Published') : t('Not published')}</Badge>
              </Group>
            </Group>
            <Text size="sm" c="dimmed">
              {d.source} · {t('{{count}} figures', { count: d.observations ?? 0 })}
            </Text>
          </Card>
        ))}
      </PlainList>
    </>
  );
}

function NewDataset() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useMutation({
    mutationFn: async (draft: DatasetDraft) =>
      (await post<{ data: Dataset }>('/statistics/datasets', draft)).data,
    onSuccess: (d) => navigate(`/datasets/${d.id}`),
  });
  return (
    <>
      <PageHeader title={t('New data set')} />
      <DatasetForm
        initial={emptyDataset}
        isNew
        saving={save.isPending}
        error={save.error}
        onSave={(d) => save.mutate(d)}
      />
    </>
  );
}

function DatasetDetail() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [editing, setEditing] = useState(false);
  const query = useQuery({
    queryKey: ['statistics', 'dataset', id],
    queryFn: () => api<{ data: Dataset & { imports: StatisticsImport[] } }>(`/statistics/datasets/${id}`),
  });
  const d = query.data?.data;
  const save = useMutation({
    mutationFn: async (draft: DatasetDraft) =>
      (
        await patch<{ data: Dataset }>(`/statistics/datasets/${id}`, {
          version: d!.version,
          ...changedFields(d!, draft),
        })
      ).data,
    onSuccess: () => {
      setEditing(false);
      client.invalidateQueries({ queryKey: ['statistics'] });
    },
  });
  const remove = useMutation({
    mutationFn: () => del(`/statistics/datasets/${id}?version=${d!.version}`),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: ['statistics'] });
      navigate('/datasets');
    },
  });
  if (query.isPending) return <Loader aria-label={t('Loading')} />;
  if (!d) return <ProblemAlert error={query.error} />;
  const manage = d.abilities.manage;
  return (
    <Stack>
      <PageHeader
        title={titleOf(d.titles, i18n.language, d.code)}
        actions={
          manage && (
            <Group gap="xs">
              <Button variant="light" onClick={() => setEditing((e) => !e)}>
                {editing ? t('Cancel') : t('Edit')}
              </Button>
              <Button
                color="red"
                variant="light"
                loading={remove.isPending}
                onClick={() => {
                  if (window.confirm(t('Delete this data set and all its figures?'))) remove.mutate();
                }}
              >
                {t('Delete')}
              </Button>
            </Group>
          )
        }
      />
      <ProblemAlert error={remove.error} />
      {editing ? (
        <DatasetForm
          initial={d}
          isNew={false}
          saving={save.isPending}
          error={save.error}
          onSave={(x) => save.mutate(x)}
        />
      ) : (
        <FactList
          facts={[
            [t('Code'), d.code],
            [t('Source'), d.source],
            [t('Citation'), d.citation],
            [t('Licence'), d.licence],
            [t('Retrieved on'), d.retrievedOn],
            [t('Link'), d.url],
            [t('Published'), d.published ? t('Yes') : t('No')],
            [t('The network’s own figures'), d.network ? t('Yes') : t('No')],
            [t('Demonstration data, not statistics'), d.demonstration ? t('Yes') : t('No')],
          ]}
        />
      )}
      {d.abilities.import && <ImportPanel datasetId={d.id} />}
      <Panel title={t('Imports')}>
        {d.imports.length === 0 && <Text c="dimmed">{t('No imports yet.')}</Text>}
        <PlainList label={t('Imports')}>
          {d.imports.map((i) => (
            <li key={i.id}>
              <Text size="sm">
                {new Date(i.createdAt).toLocaleString(i18n.language)} · {i.fileName} · {i.format} ·{' '}
                {i.status === 'committed' ? t('written') : t('previewed, not written')} ·{' '}
                {t('{{new}} new, {{changed}} changed', { new: i.summary.new, changed: i.summary.changed })}
              </Text>
            </li>
          ))}
        </PlainList>
      </Panel>
    </Stack>
  );
}

/** Staff screens of the migration statistics: data sets, imports, indicators, country profiles. */
export function StatisticsPage() {
  return (
    <Routes>
      <Route index element={<DatasetList />} />
      <Route path="new" element={<NewDataset />} />
      <Route path="indicators" element={<IndicatorsPage />} />
      <Route path="profile" element={<AreaProfile />} />
      <Route path=":id" element={<DatasetDetail />} />
    </Routes>
  );
}
