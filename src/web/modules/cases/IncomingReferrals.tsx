import { Anchor, Badge, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, post } from '../../app/api.ts';
import { useFormat } from '../../app/format.ts';
import { Panel, PlainList } from '../../ui/Panel.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { REFERRAL_STATUS_LABELS, SHAREABLE_FIELD_LABELS } from './labels.ts';
import type { Referral } from './types.ts';

/**
 * Referrals sent to the signed-in person or to an organisation they supervise. The receiver reads
 * the shared parts of the case first, then accepts or rejects (a rejection says why).
 */
export function IncomingReferrals() {
  const { t } = useTranslation();
  const incoming = useQuery({
    queryKey: ['case-referrals', 'incoming'],
    queryFn: async () => (await api<{ data: Referral[] }>('/case-referrals/incoming')).data,
  });
  const open = (incoming.data ?? []).filter((r) => r.status === 'pending');
  if (incoming.error) return <ProblemAlert error={incoming.error} />;
  if (open.length === 0) return null;
  return (
    <Panel title={t('Referrals waiting for your answer')}>
      <PlainList label={t('Referrals waiting for your answer')} gap="md">
        {open.map((r) => (
          <IncomingReferral key={r.id} referral={r} />
        ))}
      </PlainList>
    </Panel>
  );
}

function IncomingReferral({ referral: r }: { referral: Referral }) {
  const { t } = useTranslation();
  const format = useFormat();
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const respond = useMutation({
    mutationFn: (decision: 'accept' | 'reject') =>
      post(`/cases/${r.caseId}/referrals/${r.id}/respond`, {
        decision,
        version: r.version,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      }),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: ['case-referrals'] });
      void client.invalidateQueries({ queryKey: ['cases'] });
    },
  });
  const caseName = r.caseTitle ?? r.caseReference ?? t('Case');
  return (
    <Stack component="li" gap="xs">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Anchor component={Link} to={`/cases/${r.caseId}`} fw={600}>
          {caseName}
        </Anchor>
        <Badge variant="light">{t(REFERRAL_STATUS_LABELS[r.status] ?? r.status)}</Badge>
      </Group>
      <Text size="sm">
        {t('From {{organisation}}, {{when}}', {
          organisation: r.fromOrganisationName,
          when: format.dateTime(r.createdAt),
        })}
      </Text>
      <Text size="sm" c="dimmed">
        {t('Shared with you: {{fields}}', {
          fields: r.sharedFields.map((f) => t(SHAREABLE_FIELD_LABELS[f] ?? f)).join(', '),
        })}
      </Text>
      {r.note && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} dir="auto">
          {r.note}
        </Text>
      )}
      {r.abilities.respond && (
        <>
          <Textarea
            label={t('Reason (needed to reject)')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            autosize
            minRows={1}
            maxLength={4000}
          />
          <ProblemAlert error={respond.error} />
          <Group>
            <Button
              size="sm"
              loading={respond.isPending && respond.variables === 'accept'}
              onClick={() => respond.mutate('accept')}
              aria-label={t('Accept referral of {{name}}', { name: caseName })}
            >
              {t('Accept')}
            </Button>
            <Button
              size="sm"
              variant="default"
              loading={respond.isPending && respond.variables === 'reject'}
              onClick={() => respond.mutate('reject')}
              aria-label={t('Reject referral of {{name}}', { name: caseName })}
            >
              {t('Reject')}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
