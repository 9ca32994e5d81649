import { Anchor, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { post } from '../../app/api.ts';
import { can, useMe } from '../../app/session.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Panel, PanelForm, PlainList } from '../../ui/Panel.tsx';
import { cleanLabels, LabelFields, type Labels } from './LabelFields.tsx';
import { useVocabularies } from './queries.ts';
import { KEY_PATTERN } from './types.ts';

/** Every controlled vocabulary (organisation types, membership roles …) and a form to add one. */
export function VocabulariesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const vocabularies = useVocabularies();
  return (
    <Stack>
      <PageHeader
        title={t('Vocabularies')}
        lead={t('The lists of terms records are classified with, labelled in every interface language.')}
      />
      <Panel title={t('All vocabularies')} error={vocabularies.error}>
        <PlainList label={t('Vocabularies')} gap="sm">
          {vocabularies.data?.map((v) => (
            <li key={v.key}>
              <Anchor component={Link} to={`/vocabularies/${v.key}`} fw={600}>
                {v.label}
              </Anchor>
              <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                <span dir="ltr">{v.key}</span>
              </Text>
              {v.description && <Text size="sm">{v.description}</Text>}
            </li>
          ))}
        </PlainList>
        {can(me.data?.abilities, 'vocabulary', 'create') && <CreateVocabularyForm />}
      </Panel>
    </Stack>
  );
}

function CreateVocabularyForm() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [key, setKey] = useState('');
  const [labels, setLabels] = useState<Labels>({});
  const [description, setDescription] = useState('');
  const create = useMutation({
    mutationFn: () =>
      post('/vocabularies', {
        key: key.trim(),
        labels: cleanLabels(labels),
        ...(description.trim() ? { description: description.trim() } : {}),
      }),
    onSuccess: () => {
      setKey('');
      setLabels({});
      setDescription('');
      return client.invalidateQueries({ queryKey: ['vocabularies'] });
    },
  });
  return (
    <PanelForm
      title={t('Create a vocabulary')}
      onSubmit={() => create.mutate()}
      error={create.error}
      submit={{ label: t('Create vocabulary'), pending: create.isPending }}
    >
      <TextInput
        label={t('Key')}
        description={t('Lowercase letters, digits and underscores, starting with a letter.')}
        required
        pattern={KEY_PATTERN}
        maxLength={63}
        dir="ltr"
        value={key}
        onChange={(e) => setKey(e.currentTarget.value)}
      />
      <LabelFields value={labels} onChange={setLabels} />
      <Textarea
        label={t('Description')}
        maxLength={1000}
        autosize
        minRows={2}
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
      />
    </PanelForm>
  );
}
