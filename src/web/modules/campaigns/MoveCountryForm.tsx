import { Button, Checkbox, Group, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../app/api.ts';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import type { Campaign, CountryTracker } from './types.ts';

/**
 * Moves one country to a stage with its date, source and note. It offers the next stage; going
 * back, staying or dating before the latest change needs "This corrects an earlier entry" and a note.
 */
export function MoveCountryForm({
  campaign,
  tracker,
  onDone,
}: {
  campaign: Campaign;
  tracker: CountryTracker;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const next = campaign.stages[Math.min(tracker.stagePosition + 1, campaign.stages.length - 1)]!;
  const [stage, setStage] = useState(next.code);
  const [date, setDate] = useState('');
  const [sourceUrl, setSourceUrl] = useState('');
  const [note, setNote] = useState('');
  const [demonstration, setDemonstration] = useState(false);
  const [correction, setCorrection] = useState(false);
  const move = useMutation({
    mutationFn: () =>
      post(`/campaigns/${campaign.id}/countries/${tracker.country}/changes`, {
        stage,
        date,
        sourceUrl: sourceUrl.trim() || null,
        note,
        demonstration,
        correction,
        version: tracker.version,
      }),
    onSuccess: onDone,
  });
  return (
    <form
      aria-label={t('Move {{country}} to a stage', { country: tracker.countryName })}
      onSubmit={(e) => {
        e.preventDefault();
        move.mutate();
      }}
    >
      <Stack gap="sm">
        <NativeSelect
          label={t('New stage')}
          value={stage}
          onChange={(e) => setStage(e.currentTarget.value)}
          data={campaign.stages.map((s) => ({ value: s.code, label: s.localLabel }))}
        />
        <TextInput
          type="date"
          label={t('Date')}
          required
          min={campaign.periodStart}
          max={campaign.periodEnd ?? undefined}
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
        />
        <TextInput
          type="url"
          label={t('Source (web address)')}
          value={sourceUrl}
          onChange={(e) => setSourceUrl(e.currentTarget.value)}
        />
        <Textarea
          label={t('Note')}
          autosize
          minRows={2}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <Checkbox
          label={t('Demonstration data (not a fact)')}
          checked={demonstration}
          onChange={(e) => setDemonstration(e.currentTarget.checked)}
        />
        <Checkbox
          label={t('This corrects an earlier entry (may go back; say why in the note)')}
          checked={correction}
          onChange={(e) => setCorrection(e.currentTarget.checked)}
        />
        <ProblemAlert error={move.error} />
        <Group justify="flex-end">
          <Button type="submit" loading={move.isPending}>
            {t('Record the change')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
