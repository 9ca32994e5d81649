import { Badge, Button, Group, NativeSelect, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, post } from '../../app/api.ts';
import { useFormat } from '../../app/format.ts';
import { Panel, PanelForm, PlainList } from '../../ui/Panel.tsx';
import { CountryPicker } from '../directory/CountryPicker.tsx';
import { OrganisationPicker } from '../directory/OrganisationPicker.tsx';
import type { Organisation } from '../directory/types.ts';
import { CONSENT_METHOD_LABELS, CONSENT_PURPOSE_LABELS, optionsOf } from './labels.ts';
import type { Consent } from './types.ts';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The client's consents, one per purpose, with when and how each was given. Withdrawing one takes
 * effect at once (the server revokes the referrals that relied on it).
 */
export function ConsentPanel({ caseId, abilities }: { caseId: string; abilities: Record<string, boolean> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const client = useQueryClient();
  const key = ['case', caseId, 'consents'];
  const consents = useQuery({
    queryKey: key,
    queryFn: async () => (await api<{ data: Consent[] }>(`/cases/${caseId}/consents`)).data,
    enabled: !!abilities.manageConsent,
  });
  const refresh = () => {
    void client.invalidateQueries({ queryKey: key });
    void client.invalidateQueries({ queryKey: ['case', caseId, 'referrals'] });
  };
  const withdraw = useMutation({
    mutationFn: (id: string) => post(`/cases/${caseId}/consents/${id}/withdraw`),
    onSuccess: refresh,
  });
  if (!abilities.manageConsent) return null;
  return (
    <Panel title={t('Consent')} error={consents.error ?? withdraw.error}>
      {consents.data?.length === 0 && <Text c="dimmed">{t('No consent recorded yet.')}</Text>}
      <PlainList label={t('Consent')}>
        {consents.data?.map((c) => (
          <Group key={c.id} component="li" justify="space-between" wrap="wrap" gap="xs">
            <div>
              <Text fw={600}>
                {t(CONSENT_PURPOSE_LABELS[c.purpose] ?? c.purpose)}
                {(c.scopeOrganisationName ?? c.scopeCountry) &&
                  `: ${c.scopeOrganisationName ?? c.scopeCountry}`}
              </Text>
              <Text size="sm" c="dimmed">
                {t('{{method}}, given on {{date}}', {
                  method: t(CONSENT_METHOD_LABELS[c.method] ?? c.method),
                  date: c.obtainedOn,
                })}
                {c.withdrawnAt && ` · ${t('withdrawn {{when}}', { when: format.dateTime(c.withdrawnAt) })}`}
              </Text>
            </div>
            {c.active ? (
              <Button
                size="xs"
                variant="default"
                loading={withdraw.isPending && withdraw.variables === c.id}
                onClick={() => withdraw.mutate(c.id)}
              >
                {t('Withdraw')}
              </Button>
            ) : (
              <Badge color="gray">{t('Withdrawn')}</Badge>
            )}
          </Group>
        ))}
      </PlainList>
      <RecordConsentForm caseId={caseId} onDone={refresh} />
    </Panel>
  );
}

function RecordConsentForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [purpose, setPurpose] = useState('handling');
  const [method, setMethod] = useState('written');
  const [obtainedOn, setObtainedOn] = useState(today);
  const [scopeOrganisation, setScopeOrganisation] = useState<Organisation | null>(null);
  const [scopeCountry, setScopeCountry] = useState('');
  const [round, setRound] = useState(0);
  const record = useMutation({
    mutationFn: () =>
      post(`/cases/${caseId}/consents`, {
        purpose,
        method,
        obtainedOn,
        ...(purpose === 'sharing' && scopeOrganisation ? { scopeOrganisationId: scopeOrganisation.id } : {}),
        ...(purpose === 'sharing' && !scopeOrganisation && scopeCountry
          ? { scopeCountry: scopeCountry.toUpperCase() }
          : {}),
      }),
    onSuccess: () => {
      setRound((r) => r + 1);
      setScopeCountry('');
      onDone();
    },
  });
  return (
    <PanelForm
      title={t('Record consent')}
      onSubmit={() => record.mutate()}
      error={record.error}
      submit={{ label: t('Record consent'), pending: record.isPending }}
    >
      <NativeSelect
        label={t('Purpose')}
        value={purpose}
        onChange={(e) => setPurpose(e.currentTarget.value)}
        data={optionsOf(CONSENT_PURPOSE_LABELS, t)}
      />
      {purpose === 'sharing' && (
        <>
          <OrganisationPicker
            key={round}
            label={t('Share with organisation')}
            onChange={setScopeOrganisation}
          />
          <CountryPicker
            label={t('Or with any organisation in country')}
            value={scopeCountry}
            onChange={setScopeCountry}
            disabled={!!scopeOrganisation}
          />
        </>
      )}
      <Group grow align="flex-end" wrap="wrap">
        <NativeSelect
          label={t('How it was given')}
          value={method}
          onChange={(e) => setMethod(e.currentTarget.value)}
          data={optionsOf(CONSENT_METHOD_LABELS, t)}
        />
        <TextInput
          type="date"
          label={t('Given on')}
          value={obtainedOn}
          max={today()}
          onChange={(e) => setObtainedOn(e.currentTarget.value)}
          required
        />
      </Group>
    </PanelForm>
  );
}
