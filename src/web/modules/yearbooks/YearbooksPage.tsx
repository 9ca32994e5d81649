import { Anchor, Badge, Button, Card, Group, Loader, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useNavigate } from 'react-router';
import { api, post } from '../../app/api.ts';
import { can, useMe } from '../../app/session.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Panel, PlainList } from '../../ui/Panel.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { EditionEditor } from './EditionEditor.tsx';
import { KIND_LABELS, STATUS_LABELS } from './labels.ts';
import type { Edition } from './types.ts';

const LANGUAGES = ['en', 'fil', 'id', 'ar', 'ne', 'bn', 'zh-Hant', 'th', 'vi'];

function NewEdition() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<string>('brief');
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [language, setLanguage] = useState('en');
  const create = useMutation({
    mutationFn: async () =>
      (await post<{ data: Edition }>('/yearbooks', { title, kind, year: Number(year), language })).data,
    onSuccess: (e) => navigate(`/editions/${e.id}`),
  });
  return (
    <Panel title={t('New edition')} error={create.error}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate();
        }}
      >
        <Stack gap="xs">
          <TextInput
            label={t('Title')}
            required
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          <Group grow wrap="wrap">
            <Select
              label={t('Kind')}
              value={kind}
              allowDeselect={false}
              onChange={(v) => setKind(v ?? 'brief')}
              data={Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label: t(label) }))}
            />
            <TextInput
              label={t('Year')}
              inputMode="numeric"
              value={year}
              onChange={(e) => setYear(e.currentTarget.value)}
            />
            <Select
              label={t('Language')}
              value={language}
              allowDeselect={false}
              onChange={(v) => setLanguage(v ?? 'en')}
              data={LANGUAGES}
            />
          </Group>
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t('Create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Panel>
  );
}

function EditionList() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const list = useQuery({
    queryKey: ['yearbooks'],
    queryFn: () => api<{ data: Omit<Edition, 'chapters'>[] }>('/yearbooks'),
  });
  return (
    <Stack>
      <PageHeader
        title={t('Yearbooks and briefs')}
        lead={t(
          'Editions built from the statistics: country reports and thematic reports, reviewed, then published as web pages and a PDF.',
        )}
      />
      <Text size="sm">
        <Anchor href="/yearbooks">{t('Published editions (public pages)')}</Anchor>
      </Text>
      <ProblemAlert error={list.error} />
      {list.isPending && <Loader aria-label={t('Loading')} />}
      {list.data?.data.length === 0 && <Text c="dimmed">{t('No editions yet.')}</Text>}
      <PlainList label={t('Editions')} gap="sm">
        {list.data?.data.map((e) => (
          <Card component="li" withBorder key={e.id} padding="sm">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Anchor component={Link} to={`/editions/${e.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
                {e.title}
              </Anchor>
              <Group gap={4}>
                {e.demonstration && <Badge color="yellow">{t('Demonstration')}</Badge>}
                <Badge variant="light">{t(STATUS_LABELS[e.status] ?? e.status)}</Badge>
              </Group>
            </Group>
            <Text size="sm" c="dimmed">
              {t(KIND_LABELS[e.kind] ?? e.kind)} · {e.year} · {e.language}
            </Text>
          </Card>
        ))}
      </PlainList>
      {can(me?.abilities, 'yearbook', 'create') && <NewEdition />}
    </Stack>
  );
}

/** Staff screens of the yearbook and policy-brief builder. */
export function YearbooksPage() {
  return (
    <Routes>
      <Route index element={<EditionList />} />
      <Route path=":id" element={<EditionEditor />} />
    </Routes>
  );
}
