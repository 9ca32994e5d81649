import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PlainList } from '../../ui/Panel.tsx';
import { OrganisationPicker } from '../directory/OrganisationPicker.tsx';
import type { Organisation } from '../directory/types.ts';

export interface ResponsibleEntry {
  organisationId: string;
  name: string;
  /** The ILO type of organisation as recorded; unset for one added here (the server derives it). */
  typeCode?: string;
}

export interface SourceEntry {
  title: string;
  url?: string;
}

/** The organisations responsible for a practice: directory records, found by name and added one by one. */
export function ResponsibleField({
  value,
  onChange,
}: {
  value: ResponsibleEntry[];
  onChange: (next: ResponsibleEntry[]) => void;
}) {
  const { t } = useTranslation();
  const [found, setFound] = useState<Organisation | null>(null);
  const [round, setRound] = useState(0);
  const add = () => {
    if (!found || value.some((v) => v.organisationId === found.id)) return;
    onChange([...value, { organisationId: found.id, name: found.name }]);
    setRound((r) => r + 1);
  };
  return (
    <Stack gap="xs">
      <Text fw={500} size="sm">
        {t('Responsible organisations')}
      </Text>
      <PlainList label={t('Responsible organisations')}>
        {value.map((v) => (
          <Group key={v.organisationId} component="li" justify="space-between" wrap="nowrap" gap="xs">
            <Text dir="auto">{v.name}</Text>
            <Button
              size="xs"
              variant="subtle"
              aria-label={t('Remove {{name}}', { name: v.name })}
              onClick={() => onChange(value.filter((x) => x.organisationId !== v.organisationId))}
            >
              {t('Remove')}
            </Button>
          </Group>
        ))}
      </PlainList>
      <OrganisationPicker key={round} label={t('Responsible organisation')} onChange={setFound} />
      <Group>
        <Button size="xs" variant="default" onClick={add} disabled={!found}>
          {t('Add organisation')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Where the practice is documented: a title and, when there is one, a web address per source. */
export function SourcesField({
  value,
  onChange,
}: {
  value: SourceEntry[];
  onChange: (next: SourceEntry[]) => void;
}) {
  const { t } = useTranslation();
  const set = (index: number, patch: Partial<SourceEntry>) =>
    onChange(value.map((s, i) => (i === index ? { ...s, ...patch } : s)));
  return (
    <Stack gap="xs">
      <Text fw={500} size="sm">
        {t('Sources')}
      </Text>
      {value.map((source, index) => (
        // Sources have no id of their own; their place in the list is their identity while editing.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <Group key={index} align="flex-end" wrap="wrap" gap="xs">
          <TextInput
            label={t('Source {{n}}: title', { n: index + 1 })}
            value={source.title}
            onChange={(e) => set(index, { title: e.currentTarget.value })}
            maxLength={500}
            style={{ flex: '2 1 12rem' }}
          />
          <TextInput
            label={t('Source {{n}}: web address', { n: index + 1 })}
            type="url"
            dir="ltr"
            value={source.url ?? ''}
            onChange={(e) => set(index, { url: e.currentTarget.value })}
            style={{ flex: '2 1 12rem' }}
          />
          <Button
            size="xs"
            variant="subtle"
            aria-label={t('Remove source {{n}}', { n: index + 1 })}
            onClick={() => onChange(value.filter((_, i) => i !== index))}
          >
            {t('Remove')}
          </Button>
        </Group>
      ))}
      <Group>
        <Button size="xs" variant="default" onClick={() => onChange([...value, { title: '' }])}>
          {t('Add a source')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Sources as the API takes them: untitled rows dropped, empty addresses left out. */
export const cleanSources = (sources: SourceEntry[]) =>
  sources
    .map((s) => ({ title: s.title.trim(), url: s.url?.trim() || undefined }))
    .filter((s) => s.title !== '');
