import { Button, Card, Group, Loader, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, patch } from '../../app/api.ts';
import { msg } from '../../app/capability.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { PlainList } from '../../ui/Panel.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { NamesField } from '../directory/OrganisationMoreFields.tsx';
import { type Indicator, titleOf } from './types.ts';

const FLOWS: Record<Indicator['flow'], string> = {
  stock: msg('Stock of migrants'),
  inflow: msg('Inflow'),
  outflow: msg('Outflow'),
  other: msg('Other figure'),
};

type Draft = Pick<Indicator, 'labels' | 'unit' | 'flow' | 'definitions'>;

function IndicatorForm({ indicator, onDone }: { indicator: Indicator; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [draft, setDraft] = useState<Draft>(indicator);
  const save = useMutation({
    mutationFn: () => {
      // Only what changed, so labels in languages this form does not show stay as they are.
      const changed = Object.fromEntries(
        Object.entries(draft).filter(
          ([k, v]) => JSON.stringify(v) !== JSON.stringify(indicator[k as keyof Draft]),
        ),
      );
      return patch(`/statistics/indicators/${indicator.id}`, { version: indicator.version, ...changed });
    },
    onSuccess: () => {
      client.invalidateQueries({ queryKey: ['statistics'] });
      onDone();
    },
  });
  const { en = '', ...others } = draft.labels;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="sm">
        <ProblemAlert error={save.error} />
        <TextInput
          label={t('Label')}
          required
          value={en}
          maxLength={300}
          onChange={(e) => setDraft({ ...draft, labels: { ...draft.labels, en: e.currentTarget.value } })}
        />
        <NamesField names={others} onChange={(names) => setDraft({ ...draft, labels: { ...names, en } })} />
        <TextInput
          label={t('Unit')}
          value={draft.unit}
          maxLength={40}
          onChange={(e) => setDraft({ ...draft, unit: e.currentTarget.value })}
        />
        <NativeSelect
          label={t('Shown in country profiles as')}
          value={draft.flow}
          onChange={(e) => setDraft({ ...draft, flow: e.currentTarget.value as Indicator['flow'] })}
          data={Object.entries(FLOWS).map(([value, label]) => ({ value, label: t(label) }))}
        />
        <Textarea
          label={t('Definition')}
          autosize
          minRows={2}
          value={draft.definitions.en ?? ''}
          onChange={(e) =>
            setDraft({ ...draft, definitions: { ...draft.definitions, en: e.currentTarget.value } })
          }
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('Cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('Save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** What the figures measure: labels in every language, unit, definition, and how profiles show them. */
export function IndicatorsPage() {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState<string | null>(null);
  const list = useQuery({
    queryKey: ['statistics', 'indicators'],
    queryFn: () => api<{ data: Indicator[] }>('/statistics/indicators'),
  });
  return (
    <>
      <PageHeader
        title={t('Indicators')}
        lead={t('Indicators are created by imports; name them in every language here.')}
      />
      <ProblemAlert error={list.error} />
      {list.isPending && <Loader aria-label={t('Loading')} />}
      {list.data?.data.length === 0 && <Text c="dimmed">{t('No indicators yet.')}</Text>}
      <PlainList label={t('Indicators')} gap="sm">
        {list.data?.data.map((i) => (
          <Card component="li" withBorder key={i.id} padding="sm">
            {editing === i.id ? (
              <IndicatorForm indicator={i} onDone={() => setEditing(null)} />
            ) : (
              <Group justify="space-between" wrap="wrap" gap="xs">
                <div style={{ minWidth: 0 }}>
                  <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {titleOf(i.labels, i18n.language, i.code)}
                  </Text>
                  <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {i.code} · {i.unit || '–'} · {t(FLOWS[i.flow])}
                  </Text>
                </div>
                {i.abilities.manage && (
                  <Button
                    variant="light"
                    size="xs"
                    onClick={() => setEditing(i.id)}
                    aria-label={`${t('Edit')}: ${i.code}`}
                  >
                    {t('Edit')}
                  </Button>
                )}
              </Group>
            )}
          </Card>
        ))}
      </PlainList>
    </>
  );
}
