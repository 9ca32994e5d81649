import { Alert, Anchor, Badge, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, del } from '../../app/api.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { FactList } from '../../ui/FactList.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Panel, PlainList } from '../../ui/Panel.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { BASE } from './base.ts';
import { CampaignForm } from './CampaignForm.tsx';
import { EndorsementsPanel } from './EndorsementsPanel.tsx';
import { STATUS_LABELS } from './labels.ts';
import { TrackersPanel } from './TrackersPanel.tsx';
import type { Campaign } from './types.ts';

/** One campaign: its facts, edit and delete, the country trackers, the timeline and the sign-ons. */
export function CampaignDetail() {
  const { t, i18n } = useTranslation();
  const { id } = useParams();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const campaign = useQuery({
    // Stage and type labels come translated from the server: a new language is a new answer.
    queryKey: ['campaign', id, i18n.language],
    queryFn: async () => (await api<{ data: Campaign }>(`/campaigns/${id}`)).data,
  });
  const remove = useMutation({
    mutationFn: () => del(`/campaigns/${id}?version=${campaign.data!.version}`),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['campaigns'] });
      navigate(BASE);
    },
  });
  if (campaign.isPending) return <Loader aria-label={t('Loading')} />;
  if (campaign.error) return <ProblemAlert error={campaign.error} />;
  const c = campaign.data;
  return (
    <>
      <PageHeader
        title={c.localName}
        lead={c.localGoal}
        actions={
          <Badge size="lg" color={c.status === 'published' ? 'teal.9' : 'gray.8'}>
            {t(STATUS_LABELS[c.status] ?? c.status)}
          </Badge>
        }
      />
      <Stack gap="md">
        <Anchor component={Link} to={BASE}>
          {t('All campaigns')}
        </Anchor>
        {c.status === 'published' && (
          <Alert color="green" role="status">
            <Anchor href={`/campaigns/${c.slug}`}>{t('See the public tracker')}</Anchor>
          </Alert>
        )}
        {editing ? (
          <CampaignForm
            campaign={c}
            onDone={(updated) => {
              setEditing(false);
              client.setQueryData(['campaign', id, i18n.language], updated);
              void client.invalidateQueries({ queryKey: ['campaigns'] });
            }}
          />
        ) : (
          <>
            <FactList
              facts={[
                [t('Type'), c.typeLabel],
                [t('Run by'), c.organisationName],
                [t('Programme'), c.programmeName],
                [t('Period'), `${c.periodStart} – ${c.periodEnd ?? t('ongoing')}`],
                [t('Statement'), c.statementTitle],
                [t('Stages'), c.stages.map((s) => s.localLabel).join(' → ')],
              ]}
            />
            <Group>
              {c.abilities.update && (
                <Button variant="light" onClick={() => setEditing(true)}>
                  {t('Edit')}
                </Button>
              )}
              {c.abilities.delete && (
                <Button variant="light" color="red" onClick={() => setDeleting(true)}>
                  {t('Delete')}
                </Button>
              )}
            </Group>
          </>
        )}
        <TrackersPanel campaign={c} />
        <Panel title={t('Timeline')}>
          {c.timeline.length === 0 && <Text c="dimmed">{t('No stage changes recorded yet.')}</Text>}
          <PlainList label={t('Timeline')}>
            {c.timeline.map((e) => (
              <Stack component="li" gap={2} key={e.id}>
                <Text size="sm" fw={600}>
                  {e.date} · {e.countryName}: {e.fromStageLabel ?? ''} → {e.stageLabel}
                </Text>
                <Group gap={4}>
                  {e.demonstration && (
                    <Badge size="sm" color="violet.9">
                      {t('Demonstration')}
                    </Badge>
                  )}
                  {e.correction && (
                    <Badge size="sm" color="red.9">
                      {t('Correction')}
                    </Badge>
                  )}
                </Group>
                {e.note && <Text size="sm">{e.note}</Text>}
                {e.sourceUrl && (
                  <Anchor size="sm" href={e.sourceUrl} rel="noreferrer" style={{ overflowWrap: 'anywhere' }}>
                    {e.sourceUrl}
                  </Anchor>
                )}
              </Stack>
            ))}
          </PlainList>
        </Panel>
        <EndorsementsPanel campaign={c} />
      </Stack>
      <Dialog opened={deleting} onClose={() => setDeleting(false)} title={t('Delete this campaign?')}>
        <Stack>
          <Text>{t('Its country trackers, their history and the signatures go with it.')}</Text>
          <ProblemAlert error={remove.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(false)}>
              {t('Cancel')}
            </Button>
            <Button color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
              {t('Delete')}
            </Button>
          </Group>
        </Stack>
      </Dialog>
    </>
  );
}
