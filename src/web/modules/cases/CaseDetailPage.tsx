import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api } from '../../app/api.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { CaseFactsCard } from './CaseFactsCard.tsx';
import { CaseStatusPanel } from './CaseStatusPanel.tsx';
import { ConsentPanel } from './ConsentPanel.tsx';
import { EvidencePanel } from './EvidencePanel.tsx';
import { STATUS_LABELS } from './labels.ts';
import { ReferralPanel } from './ReferralPanel.tsx';
import { TaskPanel } from './TaskPanel.tsx';
import { TimelinePanel } from './TimelinePanel.tsx';
import type { CaseDetail } from './types.ts';

/**
 * One case: what the person may see of it (the server decides, and says with `abilities` what
 * they may do), then one panel per part of the work.
 */
export function CaseDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const kase = useQuery({ queryKey: ['case', id], queryFn: () => api<{ data: CaseDetail }>(`/cases/${id}`) });
  if (kase.error) return <ProblemAlert error={kase.error} />;
  if (!kase.data) return null;
  const c = kase.data.data;
  const abilities = c.abilities;
  return (
    <Stack>
      <PageHeader title={c.title ?? c.reference} lead={`${c.reference} · ${c.organisationName}`} />
      <Group>
        <Badge>{t(STATUS_LABELS[c.status] ?? c.status)}</Badge>
        {c.access === 'referral' && (
          <Badge color="grape">{t('Referred to you: you see only what is shared')}</Badge>
        )}
      </Group>
      {c.client && (
        <Card withBorder>
          <Title order={2} size="h4">
            {t('Client')}
          </Title>
          <Text>{c.client.name ?? t('Name not given')}</Text>
          {c.client.contacts?.map((k) => (
            <Text key={k.kind + k.value} size="sm" dir="auto">{`${k.kind}: ${k.value}`}</Text>
          ))}
        </Card>
      )}
      {c.facts && <CaseFactsCard facts={c.facts} />}
      {c.narrative && (
        <Card withBorder>
          <Title order={2} size="h4">
            {t('Narrative')}
          </Title>
          <Text style={{ whiteSpace: 'pre-wrap' }} dir="auto">
            {c.narrative}
          </Text>
        </Card>
      )}
      <CaseStatusPanel kase={c} />
      <ConsentPanel caseId={c.id} abilities={abilities} />
      <ReferralPanel caseId={c.id} organisationId={c.organisationId} abilities={abilities} />
      <TaskPanel caseId={c.id} abilities={abilities} assignees={c.assignees ?? []} />
      <EvidencePanel caseId={c.id} abilities={abilities} />
      <TimelinePanel caseId={c.id} abilities={abilities} />
    </Stack>
  );
}
