import { Badge, Button, Checkbox, Group, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, post } from '../../app/api.ts';
import { useFormat } from '../../app/format.ts';
import { Panel, PanelForm, PlainList } from '../../ui/Panel.tsx';
import { OrganisationPicker } from '../directory/OrganisationPicker.tsx';
import type { Organisation } from '../directory/types.ts';
import { REFERRAL_STATUS_LABELS, SHAREABLE_FIELD_LABELS } from './labels.ts';
import type { Referral } from './types.ts';

/** The referrals the case team sent: who to, what they share, the answer; and a form to send one. */
export function ReferralPanel({
  caseId,
  organisationId,
  abilities,
}: {
  caseId: string;
  /** The handling organisation: a case is not referred to itself. */
  organisationId: string;
  abilities: Record<string, boolean>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const client = useQueryClient();
  const key = ['case', caseId, 'referrals'];
  const referrals = useQuery({
    queryKey: key,
    queryFn: async () => (await api<{ data: Referral[] }>(`/cases/${caseId}/referrals`)).data,
    enabled: !!abilities.refer,
  });
  const refresh = () => {
    void client.invalidateQueries({ queryKey: key });
    void client.invalidateQueries({ queryKey: ['case', caseId], exact: true });
  };
  const revoke = useMutation({
    mutationFn: (r: Referral) => post(`/cases/${caseId}/referrals/${r.id}/revoke`, { version: r.version }),
    onSuccess: refresh,
    onError: refresh,
  });
  if (!abilities.refer) return null;
  return (
    <Panel title={t('Referrals')} error={referrals.error ?? revoke.error}>
      {referrals.data?.length === 0 && <Text c="dimmed">{t('Not referred yet.')}</Text>}
      <PlainList label={t('Referrals')}>
        {referrals.data?.map((r) => (
          <Stack key={r.id} component="li" gap={2}>
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Text fw={600}>
                {r.toOrganisationName}
                {r.toCountry && ` (${r.toCountry})`}
              </Text>
              <Badge variant="light">{t(REFERRAL_STATUS_LABELS[r.status] ?? r.status)}</Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {t('Sent {{when}}; shares: {{fields}}', {
                when: format.dateTime(r.createdAt),
                fields: r.sharedFields.map((f) => t(SHAREABLE_FIELD_LABELS[f] ?? f)).join(', '),
              })}
            </Text>
            {r.overridden && (
              <Text size="sm">
                {t('Sent without consent: {{reason}}', { reason: r.overrideReason ?? '' })}
              </Text>
            )}
            {r.responseReason && (
              <Text size="sm">{t('Answer: {{reason}}', { reason: r.responseReason })}</Text>
            )}
            {r.abilities.revoke && (
              <Group>
                <Button
                  size="xs"
                  variant="default"
                  loading={revoke.isPending && revoke.variables?.id === r.id}
                  onClick={() => revoke.mutate(r)}
                >
                  {t('Revoke referral')}
                </Button>
              </Group>
            )}
          </Stack>
        ))}
      </PlainList>
      <ReferForm caseId={caseId} organisationId={organisationId} abilities={abilities} onDone={refresh} />
    </Panel>
  );
}

function ReferForm({
  caseId,
  organisationId,
  abilities,
  onDone,
}: {
  caseId: string;
  organisationId: string;
  abilities: Record<string, boolean>;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [to, setTo] = useState<Organisation | null>(null);
  const [fields, setFields] = useState<string[]>(['facts', 'narrative']);
  const [note, setNote] = useState('');
  const [overrideReason, setOverrideReason] = useState('');
  const [round, setRound] = useState(0);
  const refer = useMutation({
    mutationFn: () =>
      post(`/cases/${caseId}/referrals`, {
        toOrganisationId: to?.id,
        sharedFields: fields,
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(overrideReason.trim() ? { overrideReason: overrideReason.trim() } : {}),
      }),
    onSuccess: () => {
      setRound((r) => r + 1);
      setNote('');
      setOverrideReason('');
      onDone();
    },
  });
  // Without a matching sharing consent the server refuses; a supervisor may then override in writing.
  const needsConsent = refer.error instanceof ApiError && refer.error.code === 'consent_required';
  return (
    <PanelForm
      title={t('Refer the case')}
      onSubmit={() => refer.mutate()}
      error={refer.error}
      submit={{ label: t('Send referral'), pending: refer.isPending, disabled: !to || fields.length === 0 }}
    >
      <OrganisationPicker
        key={round}
        label={t('Refer to organisation')}
        exclude={organisationId}
        onChange={setTo}
      />
      <Checkbox.Group label={t('What the receiver may see')} value={fields} onChange={setFields} required>
        <Stack gap={4} mt={4}>
          {Object.entries(SHAREABLE_FIELD_LABELS).map(([value, label]) => (
            <Checkbox key={value} value={value} label={t(label)} />
          ))}
        </Stack>
      </Checkbox.Group>
      <Textarea
        label={t('Note for the receiver')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        autosize
        minRows={2}
        maxLength={4000}
      />
      {needsConsent && abilities.overrideConsent && (
        <Textarea
          label={t('Reason to refer without the client’s consent')}
          value={overrideReason}
          onChange={(e) => setOverrideReason(e.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={4000}
        />
      )}
    </PanelForm>
  );
}
