import { Button, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, post } from '../../app/api.ts';
import { useFormat } from '../../app/format.ts';
import { Picker } from '../../ui/Pickers.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { EVENT_KIND_LABELS, eventKindLabel, STAFF_EVENT_KINDS } from './labels.ts';
import type { CaseEvent } from './types.ts';

/** The case's timeline (each read is a decryption, audited by the server) and the box to add to it. */
export function TimelinePanel({ caseId, abilities }: { caseId: string; abilities: Record<string, boolean> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const client = useQueryClient();
  const [kind, setKind] = useState<string>('note');
  const events = useQuery({
    queryKey: ['case', caseId, 'events'],
    queryFn: () => api<{ data: CaseEvent[] }>(`/cases/${caseId}/events`),
    enabled: !!abilities.readTimeline,
  });
  const addEvent = useMutation({
    mutationFn: (body: { kind: string; text: string }) => post(`/cases/${caseId}/events`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['case', caseId, 'events'] }),
  });
  const submit = (event: FormEvent<HTMLDivElement>) => {
    event.preventDefault();
    const target = event.currentTarget as unknown as HTMLFormElement;
    const text = String(new FormData(target).get('text') ?? '').trim();
    addEvent.mutate({ kind, text }, { onSuccess: () => target.reset() });
  };
  return (
    <>
      {abilities.readTimeline && (
        <Stack>
          <Title order={2} size="h4">
            {t('Timeline')}
          </Title>
          <ProblemAlert error={events.error} />
          {events.data?.data.map((e) => (
            <Paper key={e.id} withBorder p="sm" bg={e.visibility === 'client' ? 'blue.0' : undefined}>
              <Text size="xs" c="dimmed">
                {eventKindLabel(e.kind, t)} · {format.dateTime(e.createdAt)}
              </Text>
              <Text style={{ whiteSpace: 'pre-wrap' }} dir="auto">
                {e.text ?? t('This entry can no longer be read.')}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
      {abilities.addEvent && (
        <Stack component="form" onSubmit={submit}>
          <Picker
            label={t('Kind of entry')}
            searchable={false}
            value={kind}
            onChange={(v) => setKind(v ?? 'note')}
            data={STAFF_EVENT_KINDS.map((value) => ({ value, label: t(EVENT_KIND_LABELS[value]!) }))}
            allowDeselect={false}
          />
          <Textarea name="text" label={t('Text')} required minRows={3} autosize maxLength={10000} />
          <ProblemAlert error={addEvent.error} />
          <Button type="submit" loading={addEvent.isPending}>
            {t('Add to timeline')}
          </Button>
        </Stack>
      )}
    </>
  );
}
