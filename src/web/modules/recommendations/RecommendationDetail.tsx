import { Alert, Anchor, Badge, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../app/api.ts';
import { type Fact, FactList } from '../../ui/FactList.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Panel, PlainList } from '../../ui/Panel.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { BASE, statusColor, statusLabel } from './labels.ts';
import { RecommendationForm } from './RecommendationForm.tsx';
import type { Recommendation } from './types.ts';
import { UpdateForm } from './UpdateForm.tsx';

/** One recommendation: its facts, its status history with evidence, and the "record an update" form. */
export function RecommendationDetail() {
  const { t } = useTranslation();
  const { id } = useParams();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const query = useQuery({
    queryKey: ['recommendation', id],
    queryFn: async () => (await api<{ data: Recommendation }>(`/recommendations/${id}`)).data,
  });
  const saved = (r: Recommendation) => {
    client.setQueryData(['recommendation', id], r);
    void client.invalidateQueries({ queryKey: ['recommendations'] });
  };
  const undo = useMutation({
    mutationFn: async (updateId: string) =>
      (
        await api<{ data: Recommendation }>(
          `/recommendations/${id}/updates/${updateId}?version=${query.data!.version}`,
          { method: 'DELETE' },
        )
      ).data,
    onSuccess: saved,
  });
  const remove = useMutation({
    mutationFn: () => api(`/recommendations/${id}?version=${query.data!.version}`, { method: 'DELETE' }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['recommendations'] });
      navigate(BASE);
    },
  });
  if (query.isPending) return <Loader aria-label={t('Loading')} />;
  if (!query.data) return <ProblemAlert error={query.error} />;
  const r = query.data;
  if (editing)
    return (
      <>
        <PageHeader title={t('Edit the recommendation')} />
        <RecommendationForm
          recommendation={r}
          onDone={(x) => {
            saved(x);
            setEditing(false);
          }}
        />
        <Button variant="subtle" mt="sm" onClick={() => setEditing(false)}>
          {t('Cancel')}
        </Button>
      </>
    );
  const facts: Fact[] = [
    [t('Status'), `${statusLabel(t, r.status)}${r.statusSince ? ` (${r.statusSince})` : ''}`],
    [t('Addressed to'), r.addressee.name],
    [t('Themes'), r.themes.map((x) => x.label).join(', ')],
    [t('Countries'), r.countries.map((c) => c.name).join(', ')],
  ];
  return (
    <>
      <PageHeader
        title={t('Recommendation')}
        actions={
          <Group>
            <Anchor component={Link} to={BASE}>
              {t('All recommendations')}
            </Anchor>
            {r.dialogue.visibility === 'public' && (
              <Button component="a" href={`/recommendations/${r.id}`} variant="light">
                {t('Public page')}
              </Button>
            )}
            {r.abilities.update && <Button onClick={() => setEditing(true)}>{t('Edit')}</Button>}
          </Group>
        }
      />
      <Stack>
        {r.demonstration && (
          <Alert color="yellow" title={t('Demonstration data')}>
            {t('The seed documents do not state this recommendation; it is invented for the demonstration.')}
          </Alert>
        )}
        <Panel title={t('About the recommendation')}>
          <Text dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
            {r.localText}
          </Text>
          <Group gap="xs">
            <Badge color={statusColor[r.status]} variant="light">
              {statusLabel(t, r.status)}
            </Badge>
          </Group>
          <FactList facts={facts} />
          <Text size="sm">
            {t('Dialogue')}:{' '}
            <Anchor component={Link} to={`/convenings/${r.dialogue.id}`}>
              {r.dialogue.title}
            </Anchor>
          </Text>
        </Panel>
        <Panel title={t('History')} error={undo.error}>
          {r.updates.length === 0 && <Text c="dimmed">{t('No updates yet.')}</Text>}
          <PlainList label={t('History')}>
            {r.updates.map((u, i) => (
              <li key={u.id}>
                <Text fw={600}>
                  {u.date}: {statusLabel(t, u.fromStatus)} → {statusLabel(t, u.status)}
                  {u.demonstration ? ` · ${t('Demonstration data')}` : ''}
                </Text>
                <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
                  {u.note}
                </Text>
                {u.document && (
                  <Text size="sm">
                    {t('Evidence')}:{' '}
                    <Anchor component={Link} to={`/library/${u.document.id}`}>
                      {u.document.title}
                    </Anchor>
                  </Text>
                )}
                {u.evidenceUrl && (
                  <Text size="sm">
                    {t('Evidence')}:{' '}
                    <Anchor href={u.evidenceUrl} rel="noopener noreferrer" target="_blank">
                      {u.evidenceUrl}
                    </Anchor>
                  </Text>
                )}
                {i === 0 && r.abilities.track && (
                  <Button
                    size="xs"
                    variant="subtle"
                    loading={undo.isPending}
                    onClick={() => window.confirm(t('Undo this update?')) && undo.mutate(u.id)}
                  >
                    {t('Undo this update')}
                  </Button>
                )}
              </li>
            ))}
          </PlainList>
        </Panel>
        {r.abilities.track && r.next.length > 0 && (
          <Panel title={t('Follow-up')}>
            <UpdateForm recommendation={r} onDone={saved} />
          </Panel>
        )}
        {r.abilities.delete && (
          <Panel title={t('Delete the recommendation')} error={remove.error}>
            <Text size="sm">{t('This deletes the recommendation with its history.')}</Text>
            <Group>
              <Button
                color="red"
                variant="light"
                loading={remove.isPending}
                onClick={() => window.confirm(t('Delete this recommendation?')) && remove.mutate()}
              >
                {t('Delete')}
              </Button>
            </Group>
          </Panel>
        )}
      </Stack>
    </>
  );
}
