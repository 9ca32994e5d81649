import { Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, del, patch, post } from '../../app/api.ts';
import { changedFields } from '../../app/changed-fields.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { Panel, PlainList } from '../../ui/Panel.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { CountryPicker } from '../directory/CountryPicker.tsx';
import { period, useCaucusOptions } from './labels.ts';
import { PersonPicker } from './PersonPicker.tsx';
import type { Seat } from './types.ts';

const DATE_HINT = 'YYYY, YYYY-MM or YYYY-MM-DD';

/** Adding or editing a seat; an edit sends only what changed. */
function SeatForm({ seat, onDone }: { seat?: Seat; onDone: () => void }) {
  const { t } = useTranslation();
  const options = useCaucusOptions();
  const [body, setBody] = useState({
    personId: seat?.personId ?? '',
    parliamentId: seat?.parliamentId ?? '',
    partyId: seat?.partyId ?? '',
    label: seat?.label ?? '',
    constituency: seat?.constituency ?? '',
    countryCode: seat?.countryCode ?? '',
    startDate: seat?.startDate ?? '',
    endDate: seat?.endDate ?? '',
  });
  const [opened] = useState(body);
  const set = (key: keyof typeof body) => (value: string) => setBody((b) => ({ ...b, [key]: value }));
  const client = useQueryClient();
  const nullable = (b: typeof body) => ({
    ...b,
    partyId: b.partyId || null,
    label: b.label.trim() || null,
    constituency: b.constituency.trim() || null,
    countryCode: b.countryCode || null,
    startDate: b.startDate.trim() || null,
    endDate: b.endDate.trim() || null,
  });
  const save = useMutation({
    mutationFn: () =>
      seat
        ? patch(`/caucus/posts/${seat.id}`, {
            ...changedFields(nullable(opened), nullable(body)),
            version: seat.version,
          })
        : post('/caucus/posts', nullable(body)),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['caucus'] });
      onDone();
    },
  });
  const orgs = (list: { id: string; name: string }[] = [], none?: string) => [
    ...(none !== undefined
      ? [{ value: '', label: none }]
      : [{ value: '', label: t('Choose…'), disabled: true }]),
    ...list.map((o) => ({ value: o.id, label: o.name })),
  ];
  return (
    <Stack
      component="form"
      gap="sm"
      aria-label={seat ? t('Edit the seat') : t('Add a seat in a parliament')}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <PersonPicker
        label={t('Member of parliament')}
        value={body.personId}
        known={seat ? { id: seat.personId, name: seat.personName ?? '' } : undefined}
        onChange={set('personId')}
      />
      <Group grow align="flex-start" wrap="wrap">
        <NativeSelect
          label={t('Parliament')}
          required
          value={body.parliamentId}
          onChange={(e) => set('parliamentId')(e.currentTarget.value)}
          data={orgs(options.data?.parliaments)}
          miw={200}
        />
        <NativeSelect
          label={t('Party')}
          value={body.partyId}
          onChange={(e) => set('partyId')(e.currentTarget.value)}
          data={orgs(options.data?.parties, t('None'))}
          miw={200}
        />
      </Group>
      <Group grow align="flex-start" wrap="wrap">
        <TextInput
          label={t('Constituency')}
          value={body.constituency}
          onChange={(e) => set('constituency')(e.currentTarget.value)}
          miw={180}
        />
        <CountryPicker
          label={t('Country')}
          value={body.countryCode}
          onChange={set('countryCode')}
          miw={180}
        />
      </Group>
      <TextInput
        label={t('Title of the seat')}
        description={t('For example "Member of the House of Representatives" (optional)')}
        value={body.label}
        onChange={(e) => set('label')(e.currentTarget.value)}
      />
      <Group grow align="flex-start" wrap="wrap">
        <TextInput
          label={t('From')}
          placeholder={DATE_HINT}
          value={body.startDate}
          onChange={(e) => set('startDate')(e.currentTarget.value)}
          miw={150}
        />
        <TextInput
          label={t('Until')}
          placeholder={DATE_HINT}
          value={body.endDate}
          onChange={(e) => set('endDate')(e.currentTarget.value)}
          miw={150}
        />
      </Group>
      <ProblemAlert error={save.error} />
      <Group>
        <Button type="submit" loading={save.isPending}>
          {t('Save')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Members of parliament with their seats: parliament, party, constituency, dates. */
export function SeatsPanel() {
  const { t } = useTranslation();
  const options = useCaucusOptions();
  const client = useQueryClient();
  const seats = useQuery({
    queryKey: ['caucus', 'posts'],
    queryFn: async () => (await api<{ data: Seat[] }>('/caucus/posts')).data,
  });
  const [editing, setEditing] = useState<Seat | 'new' | null>(null);
  const remove = useMutation({
    mutationFn: (s: Seat) => del(`/caucus/posts/${s.id}?version=${s.version}`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['caucus'] }),
  });
  const may = options.data?.abilities ?? {};
  return (
    <Panel title={t('Members of parliament and their seats')} error={seats.error ?? remove.error}>
      {seats.data?.length === 0 && <Text c="dimmed">{t('No seats recorded yet.')}</Text>}
      <PlainList label={t('Seats')}>
        {seats.data?.map((s) => (
          <Group component="li" key={s.id} justify="space-between" wrap="wrap" gap="xs">
            <div style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
              <Text fw={600}>{s.personName}</Text>
              <Text size="sm">
                {[
                  s.label,
                  s.parliamentName,
                  s.partyName,
                  s.constituency,
                  s.countryName,
                  period(t, s.startDate, s.endDate),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            </div>
            <Group gap="xs">
              {may.update && (
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => setEditing(s)}
                  aria-label={t('Edit the seat of {{name}}', { name: s.personName ?? '' })}
                >
                  {t('Edit')}
                </Button>
              )}
              {may.delete && (
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  loading={remove.isPending}
                  onClick={() => remove.mutate(s)}
                  aria-label={t('Delete the seat of {{name}}', { name: s.personName ?? '' })}
                >
                  {t('Delete')}
                </Button>
              )}
            </Group>
          </Group>
        ))}
      </PlainList>
      {may.create && (
        <Group>
          <Button variant="light" onClick={() => setEditing('new')}>
            {t('Add a seat in a parliament')}
          </Button>
        </Group>
      )}
      <Dialog
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('Add a seat in a parliament') : t('Edit the seat')}
      >
        {editing !== null && (
          <SeatForm seat={editing === 'new' ? undefined : editing} onDone={() => setEditing(null)} />
        )}
      </Dialog>
    </Panel>
  );
}
