import { Anchor, Group, Loader, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../app/api.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Panel, PlainList } from '../../ui/Panel.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { localText } from '../events/labels.ts';
import { CompletionRow } from './CompletionRow.tsx';
import type { Cohort } from './types.ts';

/** A cohort's participants: who completed, their certificates, their follow-ups. */
export function CohortPage() {
  const { t, i18n } = useTranslation();
  const { eventId } = useParams();
  const client = useQueryClient();
  const cohort = useQuery({
    queryKey: ['training-cohort', eventId],
    queryFn: async () => (await api<{ data: Cohort }>(`/training-cohorts/${eventId}`)).data,
  });
  if (cohort.isPending) return <Loader aria-label={t('Loading')} />;
  if (!cohort.data) return <ProblemAlert error={cohort.error} />;
  const c = cohort.data;
  const refresh = () => {
    void client.invalidateQueries({ queryKey: ['training-cohort', eventId] });
    void client.invalidateQueries({ queryKey: ['training-follow-ups'] });
  };
  return (
    <>
      <PageHeader
        title={c.label ? `${c.label} · ${c.title}` : c.title}
        lead={`${localText(c.startsLocal, i18n.language)} – ${localText(c.endsLocal, i18n.language)}`}
        actions={
          <Group>
            <Anchor component={Link} to={`/trainings/${c.courseId}`}>
              {c.courseTitle}
            </Anchor>
            <Anchor component={Link} to={`/convenings/${c.eventId}`}>
              {t('Sessions, participants and attendance')}
            </Anchor>
          </Group>
        }
      />
      <Panel title={t('Completion')}>
        <Text size="sm" c="dimmed">
          {t(
            'Marking someone as completed schedules their follow-ups: {{months}} months after the cohort ends.',
            {
              months: c.followUpMonths.join(', '),
            },
          )}
        </Text>
        {c.participants.length === 0 && <Text c="dimmed">{t('No participants yet.')}</Text>}
        <PlainList label={t('Participants')} gap="sm">
          {c.participants.map((p) => (
            <CompletionRow
              key={`${p.id}-${p.completion?.version ?? 0}`}
              eventId={c.eventId}
              participant={p}
              onChange={refresh}
            />
          ))}
        </PlainList>
      </Panel>
    </>
  );
}
