import { Alert, Anchor, Badge, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, del } from '../../app/api.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Panel, PlainList } from '../../ui/Panel.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { BASE, KIND_LABELS } from './labels.ts';
import { ResolutionForm } from './ResolutionForm.tsx';
import type { Resolution } from './types.ts';

/** A resolution with its signatories; edit and delete for those who keep the caucus records. */
export function ResolutionPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [editing, setEditing] = useState(false);
  const resolution = useQuery({
    queryKey: ['caucus', 'resolution', id],
    queryFn: async () => (await api<{ data: Resolution }>(`/caucus/resolutions/${id}`)).data,
  });
  const remove = useMutation({
    mutationFn: () => del(`/caucus/resolutions/${id}?version=${resolution.data!.version}`),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['caucus'] });
      navigate(BASE);
    },
  });
  if (resolution.isPending) return <Loader aria-label={t('Loading')} />;
  if (resolution.error) return <ProblemAlert error={resolution.error} />;
  const r = resolution.data;
  return (
    <>
      <PageHeader
        title={r.localTitle}
        actions={<Badge size="lg">{t(KIND_LABELS[r.kind] ?? r.kind)}</Badge>}
      />
      <Stack gap="md">
        <Anchor component={Link} to={BASE}>
          {t('Inter-parliamentary caucus')}
        </Anchor>
        {r.demonstration && (
          <Alert color="yellow" role="note">
            {t('Demonstration data: this record says more than the seed documents do.')}
          </Alert>
        )}
        {r.published && (
          <Alert color="green" role="status">
            <Anchor href={`/caucus/resolutions/${r.id}`}>{t('See the public page')}</Anchor>
          </Alert>
        )}
        {editing ? (
          <Panel title={t('Edit the resolution')}>
            <ResolutionForm
              resolution={r}
              onDone={() => {
                setEditing(false);
                void resolution.refetch();
              }}
            />
            <Group>
              <Button variant="subtle" onClick={() => setEditing(false)}>
                {t('Cancel')}
              </Button>
            </Group>
          </Panel>
        ) : (
          <Panel title={t('Resolution')} error={remove.error}>
            <Text size="sm">
              {[r.identifier, r.adoptedOn, r.meeting ? r.meeting.title : r.caucusName]
                .filter(Boolean)
                .join(' · ')}
            </Text>
            {r.localText && <Text style={{ whiteSpace: 'pre-line' }}>{r.localText}</Text>}
            <Text fw={600}>{t('Signatories')}</Text>
            {r.signatories.length === 0 && <Text c="dimmed">{t('None recorded.')}</Text>}
            <PlainList label={t('Signatories')}>
              {r.signatories.map((s) => (
                <li key={s.personId}>
                  <Text size="sm">{[s.name, s.postLabel].filter(Boolean).join(' — ')}</Text>
                </li>
              ))}
            </PlainList>
            <Group>
              {r.abilities.update && <Button onClick={() => setEditing(true)}>{t('Edit')}</Button>}
              {r.abilities.delete && (
                <Button
                  color="red"
                  variant="light"
                  loading={remove.isPending}
                  onClick={() => remove.mutate()}
                >
                  {t('Delete')}
                </Button>
              )}
            </Group>
          </Panel>
        )}
      </Stack>
    </>
  );
}
