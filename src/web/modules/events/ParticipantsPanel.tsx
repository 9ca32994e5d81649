import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, patch, post, queryString } from '../../app/api.ts';
import { Panel, PanelForm, PlainList } from '../../ui/Panel.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { MATCH_LABELS, STATUS_LABELS } from './labels.ts';
import { PeoplePicker } from './PersonSearch.tsx';
import type { EventRecord, Participant, ParticipantList } from './types.ts';

/** Invitations, the participant list with its review step, attendance and the CSV export. */
export function ParticipantsPanel({ event }: { event: EventRecord }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [status, setStatus] = useState('');
  const [q, setQ] = useState('');
  const filters = { status: status || undefined, q: q.trim() || undefined };
  const key = ['event', event.id, 'participants', filters];
  const list = useQuery({
    queryKey: key,
    queryFn: () => api<ParticipantList>(`/events/${event.id}/participants${queryString(filters)}`),
  });
  const refresh = () => {
    void client.invalidateQueries({ queryKey: ['event', event.id] });
  };
  const [invitees, setInvitees] = useState<string[]>([]);
  const invite = useMutation({
    mutationFn: () => post(`/events/${event.id}/invitations`, { personIds: invitees }),
    onSuccess: () => {
      setInvitees([]);
      refresh();
    },
  });
  return (
    <>
      <Panel title={t('Invite from the directory')}>
        <PanelForm
          title={t('Invite people')}
          onSubmit={() => invite.mutate()}
          error={invite.error}
          submit={{
            label: t('Send invitations'),
            pending: invite.isPending,
            disabled: invitees.length === 0,
          }}
        >
          <Text size="sm" c="dimmed">
            {t(
              'Each person gets an email with a link to answer. Without email delivery, the messages wait in the outbox.',
            )}
          </Text>
          <PeoplePicker label={t('People to invite')} value={invitees} onChange={(ids) => setInvitees(ids)} />
        </PanelForm>
      </Panel>
      <Panel title={t('Participants')} error={list.error}>
        <Group align="end" gap="sm" wrap="wrap">
          <NativeSelect
            label={t('Status')}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value)}
            data={[
              { value: '', label: t('All') },
              ...Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label: t(label) })),
            ]}
          />
          <TextInput label={t('Search')} value={q} onChange={(e) => setQ(e.currentTarget.value)} />
          <Anchor href={`/api/v1/events/${event.id}/participants.csv${queryString(filters)}`} download>
            {t('Export as CSV')}
          </Anchor>
        </Group>
        {list.data && (
          <Text size="sm">
            {list.data.capacity === null
              ? t('{{count}} seats taken', { count: list.data.seatsTaken })
              : t('{{taken}} of {{capacity}} seats taken', {
                  taken: list.data.seatsTaken,
                  capacity: list.data.capacity,
                })}
          </Text>
        )}
        {list.data?.data.length === 0 && <Text c="dimmed">{t('No participants yet.')}</Text>}
        <PlainList label={t('Participants')} gap="sm">
          {list.data?.data.map((p) => (
            <ParticipantCard key={p.id} event={event} participant={p} onChange={refresh} />
          ))}
        </PlainList>
      </Panel>
      {list.data && list.data.data.length > 0 && (
        <AttendancePanel event={event} list={list.data} onChange={refresh} />
      )}
    </>
  );
}

function ParticipantCard({
  event,
  participant: p,
  onChange,
}: {
  event: EventRecord;
  participant: Participant;
  onChange: () => void;
}) {
  const { t } = useTranslation();
  const update = useMutation({
    mutationFn: (status: string) =>
      patch(`/events/${event.id}/participants/${p.id}`, { status, version: p.version }),
    onSuccess: onChange,
  });
  const review = useMutation({
    mutationFn: (body: object) =>
      post(`/events/${event.id}/participants/${p.id}/review`, { ...body, version: p.version }),
    onSuccess: onChange,
  });
  return (
    <Card component="li" withBorder padding="sm">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
          {p.name}
        </Text>
        <Badge variant="light">{t(STATUS_LABELS[p.status] ?? p.status)}</Badge>
      </Group>
      <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        {[p.email, p.organisationName, t(MATCH_LABELS[p.matchState] ?? p.matchState)]
          .filter(Boolean)
          .join(' · ')}
      </Text>
      {p.accessibilityNeeds && (
        <Text size="sm">
          {t('Accessibility needs')}: {p.accessibilityNeeds}
        </Text>
      )}
      {p.languageNeeds && (
        <Text size="sm">
          {t('Language needs')}: {p.languageNeeds}
        </Text>
      )}
      {p.matchState === 'review' && (
        <Stack gap={4} mt="xs">
          <Text size="sm" fw={600}>
            {t('May be the same as:')}
          </Text>
          {p.candidates.map((c) => (
            <Group key={c.id} gap="xs">
              <Text size="sm">
                {c.name}
                {c.email ? ` (${c.email})` : ''}
              </Text>
              <Button
                size="compact-sm"
                variant="light"
                onClick={() => review.mutate({ action: 'link', personId: c.id })}
              >
                {t('Same person: link')}
              </Button>
            </Group>
          ))}
          <Group gap="xs">
            <Button
              size="compact-sm"
              variant="default"
              onClick={() => review.mutate({ action: 'create_person' })}
            >
              {t('A different person: add to the directory')}
            </Button>
            <Button
              size="compact-sm"
              variant="subtle"
              onClick={() => review.mutate({ action: 'keep_apart' })}
            >
              {t('Keep apart')}
            </Button>
          </Group>
        </Stack>
      )}
      {p.matchState === 'unmatched' && (
        <Group mt="xs">
          <Button
            size="compact-sm"
            variant="default"
            onClick={() => review.mutate({ action: 'create_person' })}
          >
            {t('Add to the directory')}
          </Button>
        </Group>
      )}
      <NativeSelect
        mt="xs"
        size="xs"
        label={t('Change the status')}
        value={p.status}
        onChange={(e) => update.mutate(e.currentTarget.value)}
        data={Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label: t(label) }))}
        maw={240}
      />
      <ProblemAlert error={update.error ?? review.error} />
    </Card>
  );
}

/** Attendance as a grid of checkboxes: per day of the event, or per session when it has an agenda. */
function AttendancePanel({
  event,
  list,
  onChange,
}: {
  event: EventRecord;
  list: ParticipantList;
  onChange: () => void;
}) {
  const { t } = useTranslation();
  const [by, setBy] = useState<'day' | 'session'>(event.sessions.length ? 'session' : 'day');
  const columns =
    by === 'day'
      ? list.days.map((day) => ({ key: day, label: day, mark: { day } }))
      : event.sessions.map((s) => ({ key: s.id, label: s.title, mark: { sessionId: s.id } }));
  const mark = useMutation({
    mutationFn: (m: { participantId: string; day?: string; sessionId?: string; present: boolean }) =>
      api(`/events/${event.id}/attendance`, { method: 'PUT', body: { marks: [m] } }),
    onSuccess: onChange,
  });
  const present = (p: Participant, m: { day?: string; sessionId?: string }) =>
    p.attendance.some((a) => ('day' in a ? a.day === m.day : a.sessionId === m.sessionId));
  const people = list.data.filter((p) => !['declined', 'cancelled'].includes(p.status));
  return (
    <Panel title={t('Attendance')} error={mark.error}>
      {event.sessions.length > 0 && (
        <NativeSelect
          label={t('Record attendance')}
          value={by}
          onChange={(e) => setBy(e.currentTarget.value as 'day' | 'session')}
          data={[
            { value: 'session', label: t('Per session') },
            { value: 'day', label: t('Per day') },
          ]}
          maw={240}
        />
      )}
      <Table.ScrollContainer minWidth={320}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('Participant')}</Table.Th>
              {columns.map((c) => (
                <Table.Th key={c.key}>{c.label}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {people.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Th scope="row">{p.name}</Table.Th>
                {columns.map((c) => (
                  <Table.Td key={c.key}>
                    <Checkbox
                      aria-label={`${p.name}: ${c.label}`}
                      checked={present(p, c.mark)}
                      onChange={(e) =>
                        mark.mutate({ participantId: p.id, ...c.mark, present: e.currentTarget.checked })
                      }
                    />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Panel>
  );
}
