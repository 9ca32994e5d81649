import { Alert, Anchor, Badge, Button, Group, Loader, Stack, Text, Typography } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../app/api.ts';
import { type Fact, FactList } from '../../ui/FactList.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Panel, PlainList } from '../../ui/Panel.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { DialoguePanel } from '../recommendations/DialoguePanel.tsx';
import { EventForm } from './EventForm.tsx';
import { localText, viewerText } from './labels.ts';
import { ParticipantsPanel } from './ParticipantsPanel.tsx';
import type { EventRecord } from './types.ts';

/** One event: its facts in its own zone and the viewer's, the agenda, the participants and attendance. */
export function EventDetail() {
  const { t, i18n } = useTranslation();
  const { id } = useParams();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const event = useQuery({
    queryKey: ['event', id],
    queryFn: async () => (await api<{ data: EventRecord }>(`/events/${id}`)).data,
  });
  const remove = useMutation({
    mutationFn: () => api(`/events/${id}?version=${event.data!.version}`, { method: 'DELETE' }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['events'] });
      navigate('/convenings');
    },
  });
  if (event.isPending) return <Loader aria-label={t('Loading')} />;
  if (!event.data) return <ProblemAlert error={event.error} />;
  const e = event.data;
  const viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const facts: Fact[] = [
    [t('Kind'), e.kindLabel],
    [t('Starts'), `${localText(e.startsLocal, i18n.language)} (${e.timeZone})`],
    [t('Ends'), `${localText(e.endsLocal, i18n.language)} (${e.timeZone})`],
    [
      t('Your time'),
      viewerZone === e.timeZone
        ? null
        : `${viewerText(e.startsAt, i18n.language)} – ${viewerText(e.endsAt, i18n.language)}`,
    ],
    [t('Place'), e.online ? t('Online') : [e.venue, e.city, e.countryName].filter(Boolean).join(', ')],
    [t('Programme'), e.programmeName],
    [t('Organisers'), e.organisers.map((o) => o.name).join(', ')],
    [t('Partners'), e.partners.map((o) => o.name).join(', ')],
    [t('Languages'), e.languages.join(', ')],
    [t('Capacity'), e.capacity === null ? null : `${e.seatsTaken} / ${e.capacity}`],
    [t('Visibility'), e.visibility === 'public' ? t('Public') : t('Private')],
  ];
  if (editing)
    return (
      <>
        <PageHeader title={t('Edit the event')} />
        <EventForm
          event={e}
          onDone={(saved) => {
            client.setQueryData(['event', id], saved);
            void client.invalidateQueries({ queryKey: ['events'] });
            setEditing(false);
          }}
        />
        <Button variant="subtle" mt="sm" onClick={() => setEditing(false)}>
          {t('Cancel')}
        </Button>
      </>
    );
  return (
    <>
      <PageHeader
        title={e.title}
        actions={
          <Group>
            <Anchor component={Link} to="/convenings">
              {t('All events')}
            </Anchor>
            {e.visibility === 'public' && (
              <Button component="a" href={`/events/${e.slug}`} variant="light">
                {t('Public page')}
              </Button>
            )}
            {e.abilities.update && <Button onClick={() => setEditing(true)}>{t('Edit')}</Button>}
          </Group>
        }
      />
      <Stack>
        {e.demonstration && (
          <Alert color="yellow" title={t('Demonstration data')}>
            {t(
              'Details the seed documents do not state, such as the exact dates or the place, are invented for the demonstration.',
            )}
          </Alert>
        )}
        <Panel title={t('About the event')}>
          <Group gap="xs">
            <Badge variant="light">{e.kindLabel}</Badge>
          </Group>
          <FactList facts={facts} />
          {e.description && (
            <Typography>
              {/* biome-ignore lint/security/noDangerouslySetInnerHtml: server-sanitised rich text (practices/html.ts) */}
              <div dangerouslySetInnerHTML={{ __html: e.description }} />
            </Typography>
          )}
        </Panel>
        <Panel title={t('Agenda')}>
          {e.sessions.length === 0 && <Text c="dimmed">{t('No sessions yet.')}</Text>}
          <PlainList label={t('Agenda')}>
            {e.sessions.map((s) => (
              <li key={s.id}>
                <Text fw={600}>{s.title}</Text>
                <Text size="sm">
                  {localText(s.startsLocal, i18n.language)} – {s.endsLocal.slice(11)}
                  {s.room ? ` · ${s.room}` : ''}
                </Text>
                {s.speakers.length > 0 && (
                  <Text size="sm" c="dimmed">
                    {t('Speakers')}: {s.speakers.map((p) => p.name).join(', ')}
                  </Text>
                )}
              </li>
            ))}
          </PlainList>
        </Panel>
        {e.documents.length > 0 && (
          <Panel title={t('Documents')}>
            <PlainList label={t('Documents')}>
              {e.documents.map((d) => (
                <li key={d.id}>
                  <Anchor component={Link} to={`/library/${d.id}`}>
                    {d.title}
                  </Anchor>
                </li>
              ))}
            </PlainList>
          </Panel>
        )}
        {e.kindCode === 'dialogue' && <DialoguePanel eventId={e.id} canAdd={e.abilities.update ?? false} />}
        {e.abilities.participants && <ParticipantsPanel event={e} />}
        {e.abilities.delete && (
          <Panel title={t('Delete the event')} error={remove.error}>
            <Text size="sm">{t('This deletes the event with its agenda, participants and attendance.')}</Text>
            <Group>
              <Button
                color="red"
                variant="light"
                loading={remove.isPending}
                onClick={() => window.confirm(t('Delete this event?')) && remove.mutate()}
              >
                {t('Delete')}
              </Button>
            </Group>
          </Panel>
        )}
      </Stack>
    </>
  );
}
