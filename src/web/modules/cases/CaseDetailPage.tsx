import { Badge, Button, Card, Group, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, post } from '../../app/api.ts';
import { msg } from '../../app/capability.ts';
import { useFormat } from '../../app/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import type { CaseDetail, CaseEvent } from './types.ts';

const KINDS = [
  ['note', msg('Internal note')],
  ['action', msg('Action taken')],
  ['event', msg('Event')],
  ['reply', msg('Reply the client can read')],
] as const;

/** One case: what the person may see of it (the server decides), its timeline, and a reply box. */
export function CaseDetailPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { id = '' } = useParams();
  const client = useQueryClient();
  const [kind, setKind] = useState<string>('note');
  const kase = useQuery({ queryKey: ['case', id], queryFn: () => api<{ data: CaseDetail }>(`/cases/${id}`) });
  const abilities = kase.data?.data.abilities ?? {};
  const events = useQuery({
    queryKey: ['case', id, 'events'],
    queryFn: () => api<{ data: CaseEvent[] }>(`/cases/${id}/events`),
    enabled: !!abilities.readTimeline,
  });
  const addEvent = useMutation({
    mutationFn: (body: { kind: string; text: string }) => post(`/cases/${id}/events`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['case', id, 'events'] }),
  });
  if (kase.error) return <ProblemAlert error={kase.error} />;
  if (!kase.data) return null;
  const c = kase.data.data;
  const submit = (event: FormEvent<HTMLDivElement>) => {
    event.preventDefault();
    const target = event.currentTarget as unknown as HTMLFormElement;
    const text = String(new FormData(target).get('text') ?? '').trim();
    addEvent.mutate({ kind, text }, { onSuccess: () => target.reset() });
  };
  return (
    <Stack>
      <PageHeader title={c.title} lead={`${c.reference} · ${c.organisationName}`} />
      <Group>
        <Badge>{c.status}</Badge>
        {c.access === 'referral' && (
          <Badge color="grape">{t('Referred to you: you see only what is shared')}</Badge>
        )}
      </Group>
      {c.client && (
        <Card withBorder>
          <Title order={2} size="h4">
            {t('Client')}
          </Title>
          <Text>{c.client.name ?? t('Name not given')}</Text>
          {c.client.contacts?.map((k) => (
            <Text key={k.kind + k.value} size="sm" dir="auto">{`${k.kind}: ${k.value}`}</Text>
          ))}
        </Card>
      )}
      {c.narrative && (
        <Card withBorder>
          <Title order={2} size="h4">
            {t('Narrative')}
          </Title>
          <Text style={{ whiteSpace: 'pre-wrap' }} dir="auto">
            {c.narrative}
          </Text>
        </Card>
      )}
      {abilities.readTimeline && (
        <Stack>
          <Title order={2} size="h4">
            {t('Timeline')}
          </Title>
          <ProblemAlert error={events.error} />
          {events.data?.data.map((e) => (
            <Paper key={e.id} withBorder p="sm" bg={e.visibility === 'client' ? 'blue.0' : undefined}>
              <Text size="xs" c="dimmed">
                {e.kind} · {format.dateTime(e.createdAt)}
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
          <Select
            label={t('Kind of entry')}
            value={kind}
            onChange={(v) => setKind(v ?? 'note')}
            data={KINDS.map(([value, label]) => ({ value, label: t(label) }))}
            allowDeselect={false}
          />
          <Textarea name="text" label={t('Text')} required minRows={3} autosize maxLength={10000} />
          <ProblemAlert error={addEvent.error} />
          <Button type="submit" loading={addEvent.isPending}>
            {t('Add to timeline')}
          </Button>
        </Stack>
      )}
    </Stack>
  );
}
