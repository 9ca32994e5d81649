import { Badge, Button, Card, Group, NativeSelect, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { del, patch } from '../../app/api.ts';
import { MultiPicker } from '../../ui/Pickers.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { useOutcomes, useTrainingOptions } from './labels.ts';
import type { FollowUp } from './types.ts';

/** One follow-up task: who and when, reassigning it, and recording the outcome (which closes it). */
export function FollowUpCard({ task: f, onChange }: { task: FollowUp; onChange: () => void }) {
  const { t } = useTranslation();
  const outcomes = useOutcomes();
  const options = useTrainingOptions();
  const [codes, setCodes] = useState<string[]>([]);
  const [note, setNote] = useState(f.note);
  const close = useMutation({
    mutationFn: () =>
      patch(`/training-follow-ups/${f.id}`, { outcomeCodes: codes, note, version: f.version }),
    onSuccess: onChange,
  });
  const reassign = useMutation({
    mutationFn: (assigneeId: string) =>
      patch(`/training-follow-ups/${f.id}`, { assigneeId: assigneeId || null, version: f.version }),
    onSuccess: onChange,
  });
  const reopen = useMutation({
    mutationFn: () => patch(`/training-follow-ups/${f.id}`, { reopen: true, version: f.version }),
    onSuccess: onChange,
  });
  const remove = useMutation({
    mutationFn: () => del(`/training-follow-ups/${f.id}?version=${f.version}`),
    onSuccess: onChange,
  });
  const title = t('{{n}}-month follow-up of {{name}}', { n: f.monthsAfter, name: f.participantName });
  return (
    <Card withBorder padding="sm" component="li">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h5">
            {title}
          </Title>
          {f.closedAt ? (
            <Badge color="green">{t('Done')}</Badge>
          ) : f.overdue ? (
            <Badge color="red">{t('Overdue')}</Badge>
          ) : (
            <Badge variant="light">{t('To do')}</Badge>
          )}
        </Group>
        <Text size="sm">
          {f.courseTitle} · {f.eventTitle}
        </Text>
        <Text size="sm">
          {t('Due')}: {f.dueOn} · {t('Assigned to')}: {f.assigneeName ?? t('Nobody')}
        </Text>
        {f.closedAt && (
          <Text size="sm">
            {t('Outcome')}: {f.outcomeLabels.join(', ')}
            {f.note ? ` — ${f.note}` : ''}
          </Text>
        )}
        {f.abilities.graduates && !f.closedAt && (
          <NativeSelect
            label={t('Assigned to')}
            value={f.assigneeId ?? ''}
            onChange={(e) => reassign.mutate(e.currentTarget.value)}
            data={[
              { value: '', label: t('Nobody') },
              ...(options.data?.assignees ?? []).map((u) => ({ value: u.id, label: u.name })),
            ]}
            maw={300}
          />
        )}
        <ProblemAlert error={reassign.error ?? reopen.error ?? remove.error} />
        {f.abilities.followUp && !f.closedAt && (
          <Stack
            component="form"
            gap="xs"
            // Named after the task: a page lists many, and each form landmark needs its own name.
            aria-label={t('Outcome of the {{n}}-month follow-up of {{name}}', {
              n: f.monthsAfter,
              name: f.participantName,
            })}
            onSubmit={(e) => {
              e.preventDefault();
              close.mutate();
            }}
          >
            <Title order={3} size="h6">
              {t('Record the outcome')}
            </Title>
            <MultiPicker
              label={t('Outcomes')}
              value={codes}
              onChange={setCodes}
              data={(outcomes.data ?? []).map((o) => ({ value: o.code, label: o.label }))}
            />
            <Textarea
              label={t('Note')}
              autosize
              minRows={2}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
            />
            <ProblemAlert error={close.error} />
            <Group>
              <Button type="submit" loading={close.isPending} disabled={codes.length === 0}>
                {t('Record and close')}
              </Button>
            </Group>
          </Stack>
        )}
        {f.abilities.graduates && (
          <Group gap="xs">
            {f.closedAt && (
              <Button size="xs" variant="subtle" onClick={() => reopen.mutate()}>
                {t('Reopen')}
              </Button>
            )}
            <Button
              size="xs"
              variant="subtle"
              color="red"
              onClick={() => window.confirm(t('Delete this follow-up?')) && remove.mutate()}
            >
              {t('Delete')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
