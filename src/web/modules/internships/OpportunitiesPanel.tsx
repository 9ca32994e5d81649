import {
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, del, patch, post } from '../../app/api.ts';
import { Panel, PanelForm, PlainList } from '../../ui/Panel.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { useProgrammes } from './PlacementForm.tsx';
import type { Opportunity } from './types.ts';

function OpportunityFields({
  value,
  onChange,
}: {
  value: { title: string; description: string; programmeId: string; open: boolean };
  onChange: (v: { title: string; description: string; programmeId: string; open: boolean }) => void;
}) {
  const { t } = useTranslation();
  const programmes = useProgrammes();
  return (
    <>
      <TextInput
        label={t('Title')}
        required
        value={value.title}
        onChange={(e) => onChange({ ...value, title: e.currentTarget.value })}
      />
      <Textarea
        label={t('Description')}
        autosize
        minRows={3}
        value={value.description}
        onChange={(e) => onChange({ ...value, description: e.currentTarget.value })}
      />
      <NativeSelect
        label={t('Programme')}
        value={value.programmeId}
        onChange={(e) => onChange({ ...value, programmeId: e.currentTarget.value })}
        data={[
          { value: '', label: t('None') },
          ...(programmes.data ?? []).map((p) => ({
            value: p.id,
            label: `${p.name} (${p.organisationName})`,
          })),
        ]}
      />
      <Checkbox
        label={t('Open for applications (shown on the public page)')}
        checked={value.open}
        onChange={(e) => onChange({ ...value, open: e.currentTarget.checked })}
      />
    </>
  );
}

function OpportunityItem({ o, onChange }: { o: Opportunity; onChange: () => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState({
    title: o.title,
    description: o.description,
    programmeId: o.programmeId ?? '',
    open: o.open,
  });
  const save = useMutation({
    mutationFn: () =>
      patch(`/internship-opportunities/${o.id}`, {
        ...value,
        programmeId: value.programmeId || null,
        version: o.version,
      }),
    onSuccess: () => {
      setEditing(false);
      onChange();
    },
  });
  const remove = useMutation({
    mutationFn: () => del(`/internship-opportunities/${o.id}?version=${o.version}`),
    onSuccess: onChange,
  });
  if (editing)
    return (
      <li>
        <PanelForm
          title={t('Edit {{name}}', { name: o.title })}
          onSubmit={() => save.mutate()}
          error={save.error}
          submit={{ label: t('Save'), pending: save.isPending }}
        >
          <OpportunityFields value={value} onChange={setValue} />
        </PanelForm>
      </li>
    );
  return (
    <Stack component="li" gap={4}>
      <Group gap="xs">
        <Text fw={600}>{o.localTitle}</Text>
        <Badge variant="light" color={o.open ? 'green' : 'gray'}>
          {o.open ? t('Open') : t('Closed')}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed">
        {[o.organisationName, o.programmeName].filter(Boolean).join(' · ')}
      </Text>
      {(o.abilities.update || o.abilities.delete) && (
        <Group gap="xs">
          {o.abilities.update && (
            <Button size="xs" variant="light" onClick={() => setEditing(true)}>
              {t('Edit')}
            </Button>
          )}
          {o.abilities.delete && (
            <Button
              size="xs"
              variant="light"
              color="red"
              loading={remove.isPending}
              onClick={() => remove.mutate()}
            >
              {t('Delete')}
            </Button>
          )}
        </Group>
      )}
      <ProblemAlert error={remove.error} />
    </Stack>
  );
}

/** The opportunities the public page describes: list, open or close, add, edit, delete. */
export function OpportunitiesPanel() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const list = useQuery({
    queryKey: ['internship-opportunities'],
    queryFn: async () => (await api<{ data: Opportunity[] }>('/internship-opportunities')).data,
  });
  const empty = { title: '', description: '', programmeId: '', open: true };
  const [draft, setDraft] = useState(empty);
  const reload = () => void client.invalidateQueries({ queryKey: ['internship-opportunities'] });
  const add = useMutation({
    mutationFn: () => post('/internship-opportunities', { ...draft, programmeId: draft.programmeId || null }),
    onSuccess: () => {
      setDraft(empty);
      reload();
    },
  });
  return (
    <Panel title={t('Opportunities')} error={list.error}>
      <PlainList label={t('Opportunities')} gap="md">
        {(list.data ?? []).map((o) => (
          <OpportunityItem key={`${o.id}-${o.version}`} o={o} onChange={reload} />
        ))}
      </PlainList>
      <PanelForm
        title={t('Add an opportunity')}
        onSubmit={() => add.mutate()}
        error={add.error}
        submit={{ label: t('Add'), pending: add.isPending }}
      >
        <OpportunityFields value={draft} onChange={setDraft} />
      </PanelForm>
    </Panel>
  );
}
