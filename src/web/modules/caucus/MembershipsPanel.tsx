import { Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, del, patch, post } from '../../app/api.ts';
import { changedFields } from '../../app/changed-fields.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { Panel, PlainList } from '../../ui/Panel.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { period, ROLE_LABELS, useCaucusOptions } from './labels.ts';
import { PersonPicker } from './PersonPicker.tsx';
import type { CaucusMembership } from './types.ts';

const DATE_HINT = 'YYYY, YYYY-MM or YYYY-MM-DD';

/** Adding or editing a membership of the caucus; an edit sends only what changed. */
function MembershipForm({ membership, onDone }: { membership?: CaucusMembership; onDone: () => void }) {
  const { t } = useTranslation();
  const options = useCaucusOptions();
  const [body, setBody] = useState({
    caucusId: membership?.caucusId ?? options.data?.caucuses[0]?.id ?? '',
    personId: membership?.personId ?? '',
    roleCode: membership?.roleCode ?? 'member',
    startDate: membership?.startDate ?? '',
    endDate: membership?.endDate ?? '',
  });
  const [opened] = useState(body);
  const set = (key: keyof typeof body) => (value: string) => setBody((b) => ({ ...b, [key]: value }));
  const client = useQueryClient();
  const nullable = (b: typeof body) => ({
    ...b,
    startDate: b.startDate.trim() || null,
    endDate: b.endDate.trim() || null,
  });
  const save = useMutation({
    mutationFn: () =>
      membership
        ? patch(`/caucus/memberships/${membership.id}`, {
            ...changedFields(nullable(opened), nullable(body)),
            version: membership.version,
          })
        : post('/caucus/memberships', nullable(body)),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['caucus'] });
      onDone();
    },
  });
  return (
    <Stack
      component="form"
      gap="sm"
      aria-label={membership ? t('Edit the membership') : t('Add a member to the caucus')}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <NativeSelect
        label={t('Caucus')}
        required
        value={body.caucusId}
        onChange={(e) => set('caucusId')(e.currentTarget.value)}
        data={[
          { value: '', label: t('Choose…'), disabled: true },
          ...(options.data?.caucuses ?? []).map((c) => ({ value: c.id, label: c.name })),
        ]}
      />
      <PersonPicker
        label={t('Member of parliament')}
        value={body.personId}
        known={membership ? { id: membership.personId, name: membership.personName ?? '' } : undefined}
        onChange={set('personId')}
      />
      <NativeSelect
        label={t('Role')}
        value={body.roleCode}
        onChange={(e) => set('roleCode')(e.currentTarget.value)}
        data={Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label: t(label) }))}
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

/** Who is in the caucus, in which role, since and until when. */
export function MembershipsPanel() {
  const { t } = useTranslation();
  const options = useCaucusOptions();
  const client = useQueryClient();
  const memberships = useQuery({
    queryKey: ['caucus', 'memberships'],
    queryFn: async () => (await api<{ data: CaucusMembership[] }>('/caucus/memberships')).data,
  });
  const [editing, setEditing] = useState<CaucusMembership | 'new' | null>(null);
  const remove = useMutation({
    mutationFn: (m: CaucusMembership) => del(`/caucus/memberships/${m.id}?version=${m.version}`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['caucus'] }),
  });
  const may = options.data?.abilities ?? {};
  return (
    <Panel title={t('Caucus membership')} error={memberships.error ?? remove.error}>
      {memberships.data?.length === 0 && <Text c="dimmed">{t('No members recorded yet.')}</Text>}
      <PlainList label={t('Members of the caucus')}>
        {memberships.data?.map((m) => (
          <Group component="li" key={m.id} justify="space-between" wrap="wrap" gap="xs">
            <div style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
              <Text fw={600}>{m.personName}</Text>
              <Text size="sm">
                {[t(ROLE_LABELS[m.roleCode] ?? m.roleCode), m.caucusName, period(t, m.startDate, m.endDate)]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            </div>
            <Group gap="xs">
              {may.update && (
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => setEditing(m)}
                  aria-label={t('Edit the membership of {{name}}', { name: m.personName ?? '' })}
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
                  onClick={() => remove.mutate(m)}
                  aria-label={t('Delete the membership of {{name}}', { name: m.personName ?? '' })}
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
            {t('Add a member to the caucus')}
          </Button>
        </Group>
      )}
      <Dialog
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('Add a member to the caucus') : t('Edit the membership')}
      >
        {editing !== null && (
          <MembershipForm
            membership={editing === 'new' ? undefined : editing}
            onDone={() => setEditing(null)}
          />
        )}
      </Dialog>
    </Panel>
  );
}
