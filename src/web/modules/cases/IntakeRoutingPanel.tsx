import { Badge, Group, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { can, useMe } from '../../app/session.ts';
import { Panel, PanelForm, PlainList } from '../../ui/Panel.tsx';
import { OrganisationPicker } from '../directory/OrganisationPicker.tsx';
import type { Organisation } from '../directory/types.ts';

export interface IntakeRouting {
  defaultOrganisation: { id: string; name: string };
  provisional: boolean;
  version: number;
  desks: { organisationId: string; name: string; countryCode: string | null; receivers: number }[];
}

export const intakeRoutingKey = ['intake-routing'];

/**
 * Where Get-help requests go: the intake desk of their destination country, or else the default
 * intake (the network secretariat's), which a network administrator may change here.
 */
export function IntakeRoutingPanel() {
  const { t } = useTranslation();
  const me = useMe();
  const client = useQueryClient();
  const routing = useQuery({
    queryKey: intakeRoutingKey,
    queryFn: async () => (await api<{ data: IntakeRouting }>('/intake-routing')).data,
  });
  const [to, setTo] = useState<Organisation | null>(null);
  const [round, setRound] = useState(0);
  const change = useMutation({
    mutationFn: () =>
      api('/intake-routing', {
        method: 'PUT',
        body: { organisationId: to?.id, version: routing.data?.version },
      }),
    onSuccess: () => setRound((r) => r + 1),
    onSettled: () => client.invalidateQueries({ queryKey: intakeRoutingKey }),
  });
  const data = routing.data;
  return (
    <Panel title={t('Where Get-help requests go')} error={routing.error}>
      {data && (
        <>
          <Text>
            {t('Requests for a country without an intake desk go to {{organisation}}.', {
              organisation: data.defaultOrganisation.name,
            })}{' '}
            {data.provisional && <Badge variant="light">{t('Set up automatically')}</Badge>}
          </Text>
          {data.desks.length === 0 ? (
            <Text c="dimmed">{t('No organisation has an intake desk yet.')}</Text>
          ) : (
            <PlainList label={t('Intake desks')}>
              {data.desks.map((d) => (
                <Group key={d.organisationId} component="li" gap="xs">
                  <Text fw={600}>{d.name}</Text>
                  {d.countryCode && <Badge variant="outline">{d.countryCode}</Badge>}
                  <Text size="sm" c="dimmed">
                    {t('Receiving requests: {{number}}', { number: d.receivers })}
                  </Text>
                </Group>
              ))}
            </PlainList>
          )}
        </>
      )}
      {data && can(me.data?.abilities, 'intakeRouting', 'update') && (
        <PanelForm
          title={t('Change the default intake')}
          onSubmit={() => change.mutate()}
          error={change.error}
          submit={{ label: t('Save'), pending: change.isPending, disabled: !to }}
        >
          <OrganisationPicker
            key={round}
            label={t('Organisation receiving requests no desk covers')}
            exclude={data.defaultOrganisation.id}
            onChange={setTo}
          />
        </PanelForm>
      )}
    </Panel>
  );
}
