import { Badge, Button, Checkbox, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, del, post, queryString } from '../../app/api.ts';
import { useFormat } from '../../app/format.ts';
import { useMe } from '../../app/session.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Panel, PanelForm, PlainList } from '../../ui/Panel.tsx';
import type { UserRow } from '../users/types.ts';
import { IntakeRoutingPanel, intakeRoutingKey } from './IntakeRoutingPanel.tsx';

interface Supervisor {
  userId: string;
  name: string;
  email: string;
  role: string;
  receivesIntake: boolean;
  createdAt: string;
}

/**
 * Who supervises the cases of the administrator's own organisation: supervisors see and assign all
 * its cases, and those on the intake desk receive the Get-help requests for its country.
 */
export function CaseSupervisorsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const client = useQueryClient();
  const me = useMe();
  const key = ['case-supervisors'];
  const supervisors = useQuery({
    queryKey: key,
    queryFn: async () => (await api<{ data: Supervisor[] }>('/case-supervisors')).data,
  });
  const revoke = useMutation({
    mutationFn: (userId: string) => del(`/case-supervisors/${userId}`),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: key });
      void client.invalidateQueries({ queryKey: intakeRoutingKey });
    },
  });
  return (
    <Stack>
      <PageHeader
        title={t('Case supervisors')}
        lead={t(
          'Supervisors of {{organisation}} see and assign all its cases; the intake desk also receives Get-help requests.',
          {
            organisation: me.data?.organisation.name ?? '',
          },
        )}
      />
      <Panel title={t('Supervisors')} error={supervisors.error ?? revoke.error}>
        {supervisors.data?.length === 0 && <Text c="dimmed">{t('No case supervisors yet.')}</Text>}
        <PlainList label={t('Supervisors')}>
          {supervisors.data?.map((s) => (
            <Group key={s.userId} component="li" justify="space-between" wrap="wrap" gap="xs">
              <div>
                <Text fw={600}>{s.name}</Text>
                <Text size="sm" c="dimmed" dir="ltr" ta="start">
                  {s.email}
                </Text>
                <Text size="sm" c="dimmed">
                  {t('Since {{date}}', { date: format.dateTime(s.createdAt) })}
                </Text>
              </div>
              <Group gap="xs">
                {s.receivesIntake && <Badge variant="light">{t('Intake desk')}</Badge>}
                <Button
                  size="xs"
                  variant="default"
                  loading={revoke.isPending && revoke.variables === s.userId}
                  onClick={() => revoke.mutate(s.userId)}
                  aria-label={t('Stop {{name}} supervising', { name: s.name })}
                >
                  {t('Stop supervising')}
                </Button>
              </Group>
            </Group>
          ))}
        </PlainList>
        {me.data && (
          <GrantForm
            organisationId={me.data.organisation.id}
            current={(supervisors.data ?? []).map((s) => s.userId)}
            onDone={() => {
              void client.invalidateQueries({ queryKey: key });
              void client.invalidateQueries({ queryKey: intakeRoutingKey });
            }}
          />
        )}
      </Panel>
      <IntakeRoutingPanel />
    </Stack>
  );
}

function GrantForm({
  organisationId,
  current,
  onDone,
}: {
  organisationId: string;
  current: string[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [userId, setUserId] = useState('');
  const [receivesIntake, setReceivesIntake] = useState(false);
  // Only case workers and secretariat staff of this organisation can supervise (the server checks too).
  const candidates = useQuery({
    queryKey: ['users', 'case-handlers', organisationId],
    queryFn: async () =>
      (await api<{ data: UserRow[] }>(`/users${queryString({ organisationId, limit: 200 })}`)).data.filter(
        (u) => (u.role === 'case_worker' || u.role === 'secretariat') && !u.disabled,
      ),
  });
  const options = (candidates.data ?? []).filter((u) => !current.includes(u.id));
  const chosen = options.find((u) => u.id === userId)?.id ?? options[0]?.id ?? '';
  const grant = useMutation({
    mutationFn: () => post('/case-supervisors', { userId: chosen, receivesIntake }),
    onSuccess: () => {
      setUserId('');
      setReceivesIntake(false);
      onDone();
    },
  });
  return (
    <PanelForm
      title={t('Name a supervisor')}
      onSubmit={() => grant.mutate()}
      error={candidates.error ?? grant.error}
      submit={{ label: t('Name supervisor'), pending: grant.isPending, disabled: !chosen }}
    >
      <NativeSelect
        label={t('Colleague')}
        value={chosen}
        onChange={(e) => setUserId(e.currentTarget.value)}
        data={
          options.length
            ? options.map((u) => ({ value: u.id, label: `${u.name} (${u.email})` }))
            : [{ value: '', label: t('No other case workers in your organisation') }]
        }
      />
      <Checkbox
        label={t('Intake desk: receives Get-help requests')}
        checked={receivesIntake}
        onChange={(e) => setReceivesIntake(e.currentTarget.checked)}
      />
    </PanelForm>
  );
}
