import { Button, Card, Group, NativeSelect, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NEXT_STATUSES } from '../../../shared/case-workflow.ts';
import { patch, post } from '../../app/api.ts';
import { useFormat } from '../../app/format.ts';
import { Panel, PanelForm } from '../../ui/Panel.tsx';
import { OUTCOME_LABELS, optionsOf, STATUS_LABELS } from './labels.ts';
import type { CaseDetail } from './types.ts';

/**
 * Moves a case along its workflow, or closes it with an outcome. Both send the version the page
 * read, so a change made meanwhile by a colleague comes back as a conflict instead of being lost.
 */
export function CaseStatusPanel({ kase }: { kase: CaseDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: ['case', kase.id] });
  const move = useMutation({
    mutationFn: (status: string) => patch(`/cases/${kase.id}`, { status, version: kase.version }),
    onSettled: refresh,
  });
  const next = NEXT_STATUSES[kase.status] ?? [];
  if (kase.status === 'closed') {
    return (
      <Card withBorder>
        <Text>
          {t('Closed with outcome: {{outcome}}', {
            outcome: t(OUTCOME_LABELS[String(kase.facts?.outcome)] ?? String(kase.facts?.outcome ?? '')),
          })}
        </Text>
        {kase.retentionUntil && (
          <Text size="sm" c="dimmed">
            {t('The client’s identity will be destroyed after {{date}}.', {
              date: format.dateTime(kase.retentionUntil),
            })}
          </Text>
        )}
      </Card>
    );
  }
  if (!kase.abilities.update && !kase.abilities.close) return null;
  return (
    <Panel title={t('Status')} error={move.error}>
      {kase.abilities.update && next.length > 0 && (
        <Group gap="xs" wrap="wrap">
          {next.map((status) => (
            <Button
              key={status}
              size="xs"
              variant="default"
              loading={move.isPending && move.variables === status}
              onClick={() => move.mutate(status)}
            >
              {t('Move to: {{status}}', { status: t(STATUS_LABELS[status] ?? status) })}
            </Button>
          ))}
        </Group>
      )}
      {kase.abilities.close && <CloseCaseForm kase={kase} onDone={refresh} />}
    </Panel>
  );
}

function CloseCaseForm({ kase, onDone }: { kase: CaseDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState('resolved');
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState('');
  const [note, setNote] = useState('');
  const close = useMutation({
    mutationFn: () =>
      post(`/cases/${kase.id}/close`, {
        outcome,
        version: kase.version,
        ...(amount ? { amount: Number(amount), currency: currency.toUpperCase() } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      }),
    onSettled: onDone,
  });
  return (
    <PanelForm
      title={t('Close the case')}
      onSubmit={() => close.mutate()}
      error={close.error}
      submit={{ label: t('Close the case'), pending: close.isPending, color: 'red', variant: 'light' }}
    >
      <NativeSelect
        label={t('Outcome')}
        value={outcome}
        onChange={(e) => setOutcome(e.currentTarget.value)}
        data={optionsOf(OUTCOME_LABELS, t)}
      />
      {outcome === 'compensation_recovered' && (
        <Group grow wrap="wrap" align="flex-end">
          <TextInput
            label={t('Amount recovered')}
            inputMode="decimal"
            value={amount}
            onChange={(e) => setAmount(e.currentTarget.value.trim())}
            dir="ltr"
          />
          <TextInput
            label={t('Currency (three-letter code)')}
            value={currency}
            maxLength={3}
            onChange={(e) => setCurrency(e.currentTarget.value.trim())}
            dir="ltr"
          />
        </Group>
      )}
      <Textarea
        label={t('Closing note (encrypted, for the team)')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        autosize
        minRows={2}
        maxLength={4000}
      />
    </PanelForm>
  );
}
