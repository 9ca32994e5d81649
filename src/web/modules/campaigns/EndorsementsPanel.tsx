import { Button, Group, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, del, post } from '../../app/api.ts';
import { can, useMe } from '../../app/session.ts';
import { Panel, PanelForm, PlainList } from '../../ui/Panel.tsx';
import { OrganisationPicker } from '../directory/OrganisationPicker.tsx';
import type { Organisation } from '../directory/types.ts';
import type { Campaign, Endorsement } from './types.ts';

/** The organisations that signed the campaign's statement: count, list, sign, withdraw. */
export function EndorsementsPanel({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { data: me } = useMe();
  const key = ['campaign', campaign.id, 'endorsements'];
  const list = useQuery({
    queryKey: key,
    queryFn: () => api<{ data: Endorsement[]; count: number }>(`/campaigns/${campaign.id}/endorsements`),
  });
  const [organisation, setOrganisation] = useState<Organisation | null>(null);
  const pick = useCallback((o: Organisation | null) => setOrganisation(o), []);
  const [endorsedOn, setEndorsedOn] = useState('');
  const refresh = () => {
    void client.invalidateQueries({ queryKey: key });
    void client.invalidateQueries({ queryKey: ['campaign', campaign.id] });
  };
  const sign = useMutation({
    mutationFn: () =>
      post(`/campaigns/${campaign.id}/endorsements`, {
        organisationId: organisation!.id,
        ...(endorsedOn ? { endorsedOn } : {}),
      }),
    onSuccess: refresh,
  });
  const withdraw = useMutation({
    mutationFn: (id: string) => del(`/campaigns/${campaign.id}/endorsements/${id}`),
    onSuccess: refresh,
  });
  return (
    <Panel
      title={t('Signatories ({{n}})', { n: list.data?.count ?? 0 })}
      error={list.error ?? withdraw.error}
    >
      {!campaign.statementId && <Text size="sm">{t('This campaign has no statement to sign yet.')}</Text>}
      {campaign.statementId && list.data?.count === 0 && (
        <Text c="dimmed">{t('No organisation has signed yet.')}</Text>
      )}
      <PlainList label={t('Signatories')}>
        {list.data?.data.map((e) => (
          <Group component="li" key={e.id} justify="space-between" gap="xs">
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {e.organisationName} · {e.endorsedOn}
            </Text>
            {e.abilities.delete && (
              <Button
                size="xs"
                variant="subtle"
                color="red"
                loading={withdraw.isPending && withdraw.variables === e.id}
                onClick={() => withdraw.mutate(e.id)}
              >
                {t('Withdraw the signature of {{name}}', { name: e.organisationName })}
              </Button>
            )}
          </Group>
        ))}
      </PlainList>
      {campaign.statementId && can(me?.abilities, 'campaign_endorsement', 'create') && (
        <PanelForm
          title={t('Sign the statement')}
          onSubmit={() => sign.mutate()}
          error={sign.error}
          submit={{ label: t('Sign'), pending: sign.isPending, disabled: !organisation }}
        >
          <OrganisationPicker label={t('Organisation that signs')} onChange={pick} />
          <TextInput
            type="date"
            label={t('Signed on')}
            value={endorsedOn}
            onChange={(e) => setEndorsedOn(e.currentTarget.value)}
          />
        </PanelForm>
      )}
    </Panel>
  );
}
