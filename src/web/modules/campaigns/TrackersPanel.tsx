import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { del } from '../../app/api.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { Panel, PlainList } from '../../ui/Panel.tsx';
import { MoveCountryForm } from './MoveCountryForm.tsx';
import type { Campaign, CountryTracker } from './types.ts';

/** Where each country stands; trackers move a country on, or undo its latest change. */
export function TrackersPanel({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [moving, setMoving] = useState<CountryTracker | null>(null);
  const refresh = () => void client.invalidateQueries({ queryKey: ['campaign', campaign.id] });
  const undo = useMutation({
    mutationFn: ({ tracker, changeId }: { tracker: CountryTracker; changeId: string }) =>
      del(
        `/campaigns/${campaign.id}/countries/${tracker.country}/changes/${changeId}?version=${tracker.version}`,
      ),
    onSuccess: refresh,
  });
  const latestOf = (country: string) =>
    campaign.timeline
      .filter((e) => e.country === country)
      .sort((a, b) => b.recordedAt.localeCompare(a.recordedAt))[0];
  const track = campaign.abilities.track;
  return (
    <Panel title={t('Countries')} error={undo.error}>
      {campaign.countries.length === 0 && <Text c="dimmed">{t('No countries yet.')}</Text>}
      <PlainList label={t('Countries')} gap="sm">
        {campaign.countries.map((c) => {
          const latest = latestOf(c.country);
          return (
            <Group
              component="li"
              key={c.country}
              data-country={c.country}
              justify="space-between"
              gap="xs"
              pb="xs"
              style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
            >
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Text fw={600}>{c.countryName}</Text>
                <Text size="sm">
                  {c.stageLabel}
                  {c.since ? ` · ${c.since}` : ''}
                </Text>
                {c.demonstration && (
                  <Badge size="sm" color="violet.9">
                    {t('Demonstration')}
                  </Badge>
                )}
              </Stack>
              {track && (
                <Group gap="xs">
                  <Button size="xs" onClick={() => setMoving(c)}>
                    {t('Move {{country}}', { country: c.countryName })}
                  </Button>
                  {latest && (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      loading={undo.isPending && undo.variables?.tracker.country === c.country}
                      onClick={() => undo.mutate({ tracker: c, changeId: latest.id })}
                    >
                      {t('Undo the latest change of {{country}}', { country: c.countryName })}
                    </Button>
                  )}
                </Group>
              )}
            </Group>
          );
        })}
      </PlainList>
      <Dialog
        opened={moving !== null}
        onClose={() => setMoving(null)}
        title={moving ? t('Move {{country}} to a stage', { country: moving.countryName }) : ''}
      >
        {moving && (
          <MoveCountryForm
            campaign={campaign}
            tracker={moving}
            onDone={() => {
              setMoving(null);
              refresh();
            }}
          />
        )}
      </Dialog>
    </Panel>
  );
}
