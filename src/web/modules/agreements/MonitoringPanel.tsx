import { Anchor, Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { del, patch, post } from '../../app/api.ts';
import { Panel, PanelForm, PlainList } from '../../ui/Panel.tsx';
import { MultiPicker } from '../../ui/Pickers.tsx';
import type { MonitoringEntry, PublicationRef } from './types.ts';

interface Draft {
  observedOn: string;
  finding: string;
  sourceTitle: string;
  sourceUrl: string;
  publicationIds: string[];
}

const emptyDraft: Draft = { observedOn: '', finding: '', sourceTitle: '', sourceUrl: '', publicationIds: [] };

function EntryFields({
  draft,
  setDraft,
  publications,
}: {
  draft: Draft;
  setDraft: (d: Draft) => void;
  publications: { value: string; label: string }[];
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        type="date"
        label={t('Date of the finding')}
        required
        value={draft.observedOn}
        onChange={(e) => setDraft({ ...draft, observedOn: e.currentTarget.value })}
      />
      <Textarea
        label={t('Finding')}
        required
        autosize
        minRows={3}
        value={draft.finding}
        onChange={(e) => setDraft({ ...draft, finding: e.currentTarget.value })}
      />
      <TextInput
        label={t('Source')}
        value={draft.sourceTitle}
        onChange={(e) => setDraft({ ...draft, sourceTitle: e.currentTarget.value })}
      />
      <TextInput
        label={t('Source address (http or https)')}
        type="url"
        value={draft.sourceUrl}
        onChange={(e) => setDraft({ ...draft, sourceUrl: e.currentTarget.value })}
      />
      <MultiPicker
        label={t('Linked publications')}
        data={publications}
        value={draft.publicationIds}
        onChange={(publicationIds) => setDraft({ ...draft, publicationIds })}
      />
    </>
  );
}

/** Sources as the form edits them: the first one in two fields, any others kept untouched. */
function sourcesOf(draft: Draft, kept: MonitoringEntry['sources']) {
  const first = draft.sourceTitle.trim()
    ? [
        {
          title: draft.sourceTitle.trim(),
          ...(draft.sourceUrl.trim() ? { url: draft.sourceUrl.trim() } : {}),
        },
      ]
    : [];
  return [...first, ...kept];
}

function Entry({
  agreementId,
  entry,
  canEdit,
  publications,
  onChange,
}: {
  agreementId: string;
  entry: MonitoringEntry;
  canEdit: boolean;
  publications: { value: string; label: string }[];
  onChange: () => void;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [first, ...rest] = entry.sources;
  const [draft, setDraft] = useState<Draft>({
    observedOn: entry.observedOn,
    finding: entry.finding,
    sourceTitle: first?.title ?? '',
    sourceUrl: first?.url ?? '',
    publicationIds: entry.publicationIds,
  });
  const save = useMutation({
    mutationFn: () =>
      patch(`/agreements/${agreementId}/monitoring/${entry.id}`, {
        observedOn: draft.observedOn,
        finding: draft.finding,
        sources: sourcesOf(draft, rest),
        publicationIds: draft.publicationIds,
        version: entry.version,
      }),
    onSuccess: () => {
      setEditing(false);
      onChange();
    },
  });
  const remove = useMutation({
    mutationFn: () => del(`/agreements/${agreementId}/monitoring/${entry.id}?version=${entry.version}`),
    onSuccess: onChange,
  });
  if (editing)
    return (
      <li>
        <PanelForm
          title={t('Edit the finding of {{date}}', { date: entry.observedOn })}
          onSubmit={() => save.mutate()}
          error={save.error}
          submit={{ label: t('Save'), pending: save.isPending }}
        >
          <EntryFields draft={draft} setDraft={setDraft} publications={publications} />
        </PanelForm>
      </li>
    );
  return (
    <Stack component="li" gap={4}>
      <Text fw={600}>
        <time dateTime={entry.observedOn}>{entry.observedOn}</time>
      </Text>
      <Text style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>{entry.finding}</Text>
      {entry.sources.length > 0 && (
        <Text size="sm">
          {t('Sources')}:{' '}
          {entry.sources.map((s, i) => (
            <span key={`${s.title}\u0000${s.url ?? ''}`}>
              {i > 0 && '; '}
              {s.url ? (
                <Anchor href={s.url} rel="noopener noreferrer nofollow">
                  {s.title}
                </Anchor>
              ) : (
                s.title
              )}
            </span>
          ))}
        </Text>
      )}
      {entry.publications.length > 0 && (
        <Text size="sm">
          {t('Publications')}: {entry.publications.map((p) => p.title).join('; ')}
        </Text>
      )}
      {canEdit && (
        <Group gap="xs">
          <Button size="xs" variant="light" onClick={() => setEditing(true)}>
            {t('Edit')}
          </Button>
          <Button
            size="xs"
            variant="light"
            color="red"
            loading={remove.isPending}
            onClick={() => remove.mutate()}
          >
            {t('Delete')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** The dated findings of the network's monitoring: list, add, edit, delete. */
export function MonitoringPanel({
  agreementId,
  entries,
  canEdit,
  publications,
  known,
  onChange,
}: {
  agreementId: string;
  entries: MonitoringEntry[];
  canEdit: boolean;
  publications: { id: string; title: string }[];
  known: PublicationRef[];
  onChange: () => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const options = [
    ...publications.map((p) => ({ value: p.id, label: p.title })),
    ...known
      .filter((k) => !publications.some((p) => p.id === k.id))
      .map((k) => ({ value: k.id, label: k.title })),
  ];
  const add = useMutation({
    mutationFn: () =>
      post(`/agreements/${agreementId}/monitoring`, {
        observedOn: draft.observedOn,
        finding: draft.finding,
        sources: sourcesOf(draft, []),
        publicationIds: draft.publicationIds,
      }),
    onSuccess: () => {
      setDraft(emptyDraft);
      onChange();
    },
  });
  return (
    <Panel title={t('Monitoring')}>
      {entries.length === 0 && <Text c="dimmed">{t('No findings yet.')}</Text>}
      <PlainList label={t('Monitoring')} gap="md">
        {entries.map((e) => (
          <Entry
            key={`${e.id}-${e.version}`}
            agreementId={agreementId}
            entry={e}
            canEdit={canEdit}
            publications={options}
            onChange={onChange}
          />
        ))}
      </PlainList>
      {canEdit && (
        <PanelForm
          title={t('Add a finding')}
          onSubmit={() => add.mutate()}
          error={add.error}
          submit={{ label: t('Add finding'), pending: add.isPending }}
        >
          <EntryFields draft={draft} setDraft={setDraft} publications={options} />
        </PanelForm>
      )}
    </Panel>
  );
}
