import { Button, Checkbox, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { NamesField } from '../directory/OrganisationMoreFields.tsx';
import type { Dataset } from './types.ts';

export type DatasetDraft = Pick<
  Dataset,
  | 'code'
  | 'titles'
  | 'source'
  | 'citation'
  | 'licence'
  | 'retrievedOn'
  | 'url'
  | 'published'
  | 'network'
  | 'demonstration'
>;

export const emptyDataset: DatasetDraft = {
  code: '',
  titles: { en: '' },
  source: '',
  citation: '',
  licence: '',
  retrievedOn: null,
  url: '',
  published: false,
  network: false,
  demonstration: false,
};

/** Creates or edits a data set: its titles, source, citation, licence, retrieval date and link, and flags. */
export function DatasetForm({
  initial,
  isNew,
  saving,
  error,
  onSave,
}: {
  initial: DatasetDraft;
  isNew: boolean;
  saving: boolean;
  error: unknown;
  onSave: (draft: DatasetDraft) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(initial);
  const set = <K extends keyof DatasetDraft>(key: K, value: DatasetDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const { en = '', ...others } = draft.titles;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSave(draft);
      }}
    >
      <Stack>
        <ProblemAlert error={error} />
        {isNew && (
          <TextInput
            label={t('Code')}
            description={t('Lowercase letters, digits, - and _; it names the data set in exports.')}
            required
            value={draft.code}
            onChange={(e) => set('code', e.currentTarget.value)}
            maxLength={63}
          />
        )}
        <TextInput
          label={t('Title')}
          required
          value={en}
          onChange={(e) => set('titles', { ...draft.titles, en: e.currentTarget.value })}
          maxLength={300}
        />
        <NamesField names={others} onChange={(names) => set('titles', { ...names, en })} />
        <TextInput
          label={t('Source')}
          required
          value={draft.source}
          onChange={(e) => set('source', e.currentTarget.value)}
          maxLength={300}
        />
        <Textarea
          label={t('Citation')}
          autosize
          minRows={2}
          value={draft.citation}
          onChange={(e) => set('citation', e.currentTarget.value)}
          maxLength={2000}
        />
        <TextInput
          label={t('Licence')}
          value={draft.licence}
          onChange={(e) => set('licence', e.currentTarget.value)}
        />
        <TextInput
          label={t('Retrieved on (YYYY-MM-DD)')}
          value={draft.retrievedOn ?? ''}
          onChange={(e) => set('retrievedOn', e.currentTarget.value || null)}
        />
        <TextInput
          label={t('Link')}
          type="url"
          value={draft.url}
          onChange={(e) => set('url', e.currentTarget.value)}
        />
        <Checkbox
          label={t('Published: on the public pages and the public API')}
          checked={draft.published}
          onChange={(e) => set('published', e.currentTarget.checked)}
        />
        <Checkbox
          label={t('The network’s own figures')}
          checked={draft.network}
          onChange={(e) => set('network', e.currentTarget.checked)}
        />
        <Checkbox
          label={t('Demonstration data, not statistics')}
          checked={draft.demonstration}
          onChange={(e) => set('demonstration', e.currentTarget.checked)}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={saving}>
            {t('Save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
