import { Button, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, patch, post, queryString } from '../../app/api.ts';
import { Picker } from '../../ui/Pickers.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { CountryPicker } from '../directory/CountryPicker.tsx';
import { FigurePicker } from './FigurePicker.tsx';
import type { Chapter, Edition, FigureSpec } from './types.ts';

/** Accounts to name as a chapter's coordinator, found by typing. */
function CoordinatorPicker({
  value,
  onChange,
  known,
}: {
  value: string | null;
  onChange: (id: string | null) => void;
  known?: string | null;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const found = useQuery({
    queryKey: ['yearbooks', 'coordinators', q],
    queryFn: async () =>
      (await api<{ data: { id: string; name: string }[] }>(`/yearbooks/coordinators${queryString({ q })}`))
        .data,
  });
  const options = (found.data ?? []).map((u) => ({ value: u.id, label: u.name }));
  if (value && known && !options.some((o) => o.value === value)) options.unshift({ value, label: known });
  return (
    <Picker
      label={t('Country coordinator (writes this chapter)')}
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: o }) => o}
      value={value}
      onChange={onChange}
      data={options}
    />
  );
}

export function NewChapter({ edition, onSaved }: { edition: Edition; onSaved: (e: Edition) => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<'country' | 'thematic'>('thematic');
  const [title, setTitle] = useState('');
  const [countryCode, setCountryCode] = useState('');
  const [coordinator, setCoordinator] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: async () =>
      (
        await post<{ data: Edition }>(`/yearbooks/${edition.id}/chapters`, {
          kind,
          title,
          ...(kind === 'country' ? { countryCode } : {}),
          ...(coordinator ? { coordinatorUserId: coordinator } : {}),
        })
      ).data,
    onSuccess: (e) => {
      setTitle('');
      setCountryCode('');
      setCoordinator(null);
      onSaved(e);
    },
  });
  return (
    <form
      aria-label={t('Add a chapter')}
      onSubmit={(event) => {
        event.preventDefault();
        add.mutate();
      }}
    >
      <Stack gap="xs">
        <Text fw={600}>{t('Add a chapter')}</Text>
        <ProblemAlert error={add.error} />
        <Group grow wrap="wrap" align="end">
          <Select
            label={t('Chapter kind')}
            value={kind}
            allowDeselect={false}
            onChange={(v) => setKind(v === 'country' ? 'country' : 'thematic')}
            data={[
              { value: 'country', label: t('Country report') },
              { value: 'thematic', label: t('Thematic report') },
            ]}
          />
          <TextInput
            label={t('Chapter title')}
            required
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          {kind === 'country' && (
            <CountryPicker label={t('Country')} required value={countryCode} onChange={setCountryCode} />
          )}
        </Group>
        {kind === 'country' && <CoordinatorPicker value={coordinator} onChange={setCoordinator} />}
        <Group>
          <Button type="submit" loading={add.isPending}>
            {t('Add the chapter')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * A chapter's text and chosen figures. Only what changed is sent, so a coordinator (who may not
 * change the coordinator) never sends that field.
 */
export function ChapterEditor({
  edition,
  chapter,
  onSaved,
}: {
  edition: Edition;
  chapter: Chapter;
  onSaved: (e: Edition) => void;
}) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(chapter.title);
  const [body, setBody] = useState(chapter.body);
  const [figures, setFigures] = useState<FigureSpec[]>(chapter.figures);
  const [coordinator, setCoordinator] = useState<string | null>(chapter.coordinatorUserId);
  const save = useMutation({
    mutationFn: async () => {
      const changes: Record<string, unknown> = { version: chapter.version };
      if (title !== chapter.title) changes.title = title;
      if (body !== chapter.body) changes.body = body;
      if (JSON.stringify(figures) !== JSON.stringify(chapter.figures)) changes.figures = figures;
      if (coordinator !== chapter.coordinatorUserId) changes.coordinatorUserId = coordinator;
      return (await patch<{ data: Edition }>(`/yearbooks/${edition.id}/chapters/${chapter.id}`, changes))
        .data;
    },
    onSuccess: onSaved,
  });
  return (
    <Stack
      gap="xs"
      mt="xs"
      p="sm"
      style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 8 }}
    >
      <TextInput label={t('Chapter title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
      {edition.abilities.update && chapter.kind === 'country' && (
        <CoordinatorPicker value={coordinator} onChange={setCoordinator} known={chapter.coordinatorName} />
      )}
      <Textarea
        label={t('Text')}
        description={t('A blank line starts a new paragraph; a line starting with ## is a heading.')}
        autosize
        minRows={6}
        value={body}
        onChange={(e) => setBody(e.currentTarget.value)}
      />
      {chapter.kind === 'country' && (
        <Text size="sm" c="dimmed">
          {t(
            'The statistical section of a country report is made from the published figures of its country.',
          )}
        </Text>
      )}
      <FigurePicker figures={figures} onChange={setFigures} />
      <ProblemAlert error={save.error} />
      <Group>
        <Button onClick={() => save.mutate()} loading={save.isPending}>
          {t('Save the chapter')}
        </Button>
      </Group>
    </Stack>
  );
}
