import { Anchor, Button, Group, Loader, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, del, post } from '../../app/api.ts';
import { FactList } from '../../ui/FactList.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Panel, PanelForm, PlainList } from '../../ui/Panel.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { localText } from '../events/labels.ts';
import { CourseForm } from './CourseForm.tsx';
import { useTrainingOptions } from './labels.ts';
import type { CourseDetail as Detail } from './types.ts';

/** A course: its facts, its cohorts (events), adding one, editing and deleting the course. */
export function CourseDetail() {
  const { t, i18n } = useTranslation();
  const { id } = useParams();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [eventId, setEventId] = useState('');
  const [label, setLabel] = useState('');
  const course = useQuery({
    queryKey: ['training', id],
    queryFn: async () => (await api<{ data: Detail }>(`/trainings/${id}`)).data,
  });
  const options = useTrainingOptions();
  const refresh = () => {
    void client.invalidateQueries({ queryKey: ['training', id] });
    void client.invalidateQueries({ queryKey: ['trainings'] });
  };
  const add = useMutation({
    mutationFn: () => post(`/trainings/${id}/cohorts`, { eventId, label: label.trim() || null }),
    onSuccess: () => {
      setEventId('');
      setLabel('');
      refresh();
    },
  });
  const unlink = useMutation({
    mutationFn: (cohort: string) => del(`/trainings/${id}/cohorts/${cohort}`),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: () => del(`/trainings/${id}?version=${course.data!.version}`),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['trainings'] });
      navigate('/trainings');
    },
  });
  if (course.isPending) return <Loader aria-label={t('Loading')} />;
  if (!course.data) return <ProblemAlert error={course.error} />;
  const c = course.data;
  if (editing)
    return (
      <>
        <PageHeader title={c.title} />
        <Panel title={t('About the course')}>
          <CourseForm
            course={c}
            onDone={() => {
              refresh();
              setEditing(false);
            }}
          />
          <Group>
            <Button variant="subtle" onClick={() => setEditing(false)}>
              {t('Cancel')}
            </Button>
          </Group>
        </Panel>
      </>
    );
  return (
    <>
      <PageHeader
        title={c.title}
        actions={c.abilities.update && <Button onClick={() => setEditing(true)}>{t('Edit')}</Button>}
      />
      <Stack>
        <Panel title={t('About the course')}>
          {c.description && <Text style={{ whiteSpace: 'pre-wrap' }}>{c.description}</Text>}
          <FactList
            facts={[
              [t('Issuer printed on certificates'), c.issuer],
              [t('Follow-ups, in months after the cohort ends'), c.followUpMonths.join(', ')],
            ]}
          />
        </Panel>
        <Panel title={t('Cohorts')} error={unlink.error}>
          {c.cohorts.length === 0 && <Text c="dimmed">{t('No cohorts yet.')}</Text>}
          <PlainList label={t('Cohorts')}>
            {c.cohorts.map((h) => (
              <li key={h.eventId}>
                <Group justify="space-between" wrap="wrap">
                  <Stack gap={0}>
                    <Anchor component={Link} to={`/trainings/cohorts/${h.eventId}`} fw={600}>
                      {h.label ? `${h.label} · ${h.title}` : h.title}
                    </Anchor>
                    <Text size="sm" c="dimmed">
                      {localText(h.startsLocal, i18n.language)} – {localText(h.endsLocal, i18n.language)}
                      {h.city || h.countryName
                        ? ` · ${[h.city, h.countryName].filter(Boolean).join(', ')}`
                        : ''}
                    </Text>
                  </Stack>
                  <Group gap="xs">
                    <Anchor component={Link} to={`/convenings/${h.eventId}`} size="sm">
                      {t('Sessions, participants and attendance')}
                    </Anchor>
                    {c.abilities.update && (
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        onClick={() =>
                          window.confirm(t('Remove this cohort from the course? The event stays.')) &&
                          unlink.mutate(h.eventId)
                        }
                      >
                        {t('Remove')}
                      </Button>
                    )}
                  </Group>
                </Group>
              </li>
            ))}
          </PlainList>
          {c.abilities.update && (
            <PanelForm
              title={t('Add a cohort')}
              onSubmit={() => add.mutate()}
              error={add.error}
              submit={{ label: t('Add the cohort'), pending: add.isPending, disabled: !eventId }}
            >
              <Text size="sm" c="dimmed">
                {t('Create the cohort as an event of the kind “Training course” first, with its sessions.')}{' '}
                <Anchor component={Link} to="/convenings/new">
                  {t('New event')}
                </Anchor>
              </Text>
              <NativeSelect
                label={t('Training-course event')}
                value={eventId}
                onChange={(e) => setEventId(e.currentTarget.value)}
                data={[
                  { value: '', label: t('Choose an event') },
                  ...(options.data?.events ?? []).map((e) => ({
                    value: e.id,
                    label: `${e.title} (${e.startsLocal.slice(0, 10)})`,
                  })),
                ]}
              />
              <TextInput
                label={t('Cohort label')}
                value={label}
                onChange={(e) => setLabel(e.currentTarget.value)}
              />
            </PanelForm>
          )}
        </Panel>
        {c.abilities.delete && (
          <Panel title={t('Delete the course')} error={remove.error}>
            <Text size="sm">
              {t('This deletes the course; the cohorts’ events and their participants stay.')}
            </Text>
            <Group>
              <Button
                color="red"
                variant="light"
                loading={remove.isPending}
                onClick={() => window.confirm(t('Delete this course?')) && remove.mutate()}
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
