import { Anchor, Button, Card, Loader, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../app/api.ts';
import { can, useMe } from '../../app/session.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Panel, PlainList } from '../../ui/Panel.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { CourseForm } from './CourseForm.tsx';
import type { Course } from './types.ts';

export function CourseList() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const list = useQuery({
    queryKey: ['trainings'],
    queryFn: async () => (await api<{ data: Course[] }>('/trainings')).data,
  });
  return (
    <>
      <PageHeader
        title={t('Training courses')}
        lead={t('Each cohort is a training-course event: invite, register and record attendance there.')}
        actions={
          can(me?.abilities, 'training', 'create') && (
            <Button component={Link} to="/trainings/new">
              {t('New training course')}
            </Button>
          )
        }
      />
      {list.isPending && <Loader aria-label={t('Loading')} />}
      <ProblemAlert error={list.error} />
      {list.data?.length === 0 && <Text c="dimmed">{t('No training courses yet.')}</Text>}
      <PlainList label={t('Training courses')}>
        {list.data?.map((c) => (
          <li key={c.id}>
            <Card withBorder padding="sm">
              <Anchor component={Link} to={`/trainings/${c.id}`} fw={600}>
                {c.title}
              </Anchor>
              {c.issuer && (
                <Text size="sm" c="dimmed">
                  {c.issuer}
                </Text>
              )}
            </Card>
          </li>
        ))}
      </PlainList>
    </>
  );
}

export function NewCourse() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  return (
    <>
      <PageHeader title={t('New training course')} />
      <Panel title={t('About the course')}>
        <CourseForm
          onDone={(c) => {
            void client.invalidateQueries({ queryKey: ['trainings'] });
            navigate(`/trainings/${c.id}`);
          }}
        />
      </Panel>
    </>
  );
}
