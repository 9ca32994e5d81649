import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../app/api.ts';
import { Panel, PanelForm, PlainList } from '../../ui/Panel.tsx';
import { MultiPicker } from '../../ui/Pickers.tsx';
import { BASE, statusColor, statusLabel, useRecommendationOptions } from './labels.ts';
import type { Counterparts, RecommendationListItem } from './types.ts';

/** On a dialogue's event page: its government counterparts and the recommendations it adopted. */
export function DialoguePanel({ eventId, canAdd }: { eventId: string; canAdd: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const options = useRecommendationOptions();
  const [editing, setEditing] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  const counterparts = useQuery({
    queryKey: ['dialogue-counterparts', eventId],
    queryFn: async () => (await api<{ data: Counterparts }>(`/dialogues/${eventId}/counterparts`)).data,
  });
  const recommendations = useQuery({
    queryKey: ['recommendations', { dialogue: eventId }],
    queryFn: async () =>
      (await api<{ data: RecommendationListItem[] }>(`/recommendations?dialogue=${eventId}&limit=500`)).data,
  });
  const save = useMutation({
    mutationFn: async () =>
      (
        await api<{ data: Counterparts }>(`/dialogues/${eventId}/counterparts`, {
          method: 'PUT',
          body: { organisationIds: chosen, version: counterparts.data!.version },
        })
      ).data,
    onSuccess: (data) => {
      client.setQueryData(['dialogue-counterparts', eventId], data);
      // The event's version moved with its counterparts.
      void client.invalidateQueries({ queryKey: ['event', eventId] });
      setEditing(false);
    },
  });
  const c = counterparts.data;
  return (
    <>
      <Panel title={t('Counterparts')} error={counterparts.error}>
        <Text size="sm" c="dimmed">
          {t('The governments, ministries, embassies and missions, or regional bodies met in this dialogue.')}
        </Text>
        {c && c.counterparts.length === 0 && <Text c="dimmed">{t('No counterparts yet.')}</Text>}
        {!editing && (
          <PlainList label={t('Counterparts')}>
            {c?.counterparts.map((o) => (
              <li key={o.id}>
                <Anchor component={Link} to={`/directory/organisations/${o.id}`}>
                  {o.name}
                </Anchor>
              </li>
            ))}
          </PlainList>
        )}
        {c?.abilities.update && !editing && (
          <Group>
            <Button
              variant="light"
              onClick={() => {
                setChosen(c.counterparts.map((o) => o.id));
                setEditing(true);
              }}
            >
              {t('Change the counterparts')}
            </Button>
          </Group>
        )}
        {editing && (
          <PanelForm
            title={t('Change the counterparts')}
            onSubmit={() => save.mutate()}
            error={save.error}
            submit={{ label: t('Save'), pending: save.isPending }}
          >
            <MultiPicker
              label={t('Counterparts')}
              value={chosen}
              onChange={setChosen}
              searchable
              data={(options.data?.governments ?? []).map((g) => ({ value: g.id, label: g.name }))}
            />
          </PanelForm>
        )}
      </Panel>
      <Panel title={t('Recommendations')} error={recommendations.error}>
        {recommendations.data?.length === 0 && <Text c="dimmed">{t('No recommendations yet.')}</Text>}
        <PlainList label={t('Recommendations')}>
          {recommendations.data?.map((r) => (
            <li key={r.id}>
              <Stack gap={2}>
                <Anchor component={Link} to={`${BASE}/${r.id}`}>
                  {r.text.length > 160 ? `${r.text.slice(0, 160)}…` : r.text}
                </Anchor>
                <Group gap="xs">
                  <Badge color={statusColor[r.status]} variant="light">
                    {statusLabel(t, r.status)}
                  </Badge>
                  <Text size="sm">{r.addressee.name}</Text>
                </Group>
              </Stack>
            </li>
          ))}
        </PlainList>
        {canAdd && (
          <Group>
            <Button component={Link} to={`${BASE}/new?dialogue=${eventId}`} variant="light">
              {t('Add a recommendation')}
            </Button>
          </Group>
        )}
      </Panel>
    </>
  );
}
