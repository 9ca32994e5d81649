import { Badge, Checkbox, Group, NativeSelect, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, patch, post } from '../../app/api.ts';
import { useFormat } from '../../app/format.ts';
import { Panel, PanelForm, PlainList } from '../../ui/Panel.tsx';
import type { Assignee } from './types.ts';

/** A task as GET/POST/PATCH /cases/:id/tasks present it (service-timeline.ts `presentTask`). */
interface CaseTask {
  id: string;
  title: string;
  dueAt: string | null;
  remindAt: string | null;
  doneAt: string | null;
  assigneeUserId: string | null;
  overdue: boolean;
  version: number;
}

/** A datetime-local value is wall-clock time without a zone; the API wants an instant with offset. */
const toIso = (value: string) => (value ? new Date(value).toISOString() : undefined);

/**
 * The case's tasks with deadlines and reminders: add one, tick it off. A reminder is emailed to
 * the task's assignee, so a task with a reminder names one of the people on the case.
 */
export function TaskPanel({
  caseId,
  abilities,
  assignees,
}: {
  caseId: string;
  abilities: Record<string, boolean>;
  assignees: Assignee[];
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const client = useQueryClient();
  const key = ['case', caseId, 'tasks'];
  const tasks = useQuery({
    queryKey: key,
    queryFn: async () => (await api<{ data: CaseTask[] }>(`/cases/${caseId}/tasks`)).data,
    enabled: !!abilities.manageTasks,
  });
  const add = useMutation({
    mutationFn: (body: { title: string; dueAt?: string; remindAt?: string; assigneeUserId?: string }) =>
      post(`/cases/${caseId}/tasks`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
  const toggle = useMutation({
    mutationFn: (task: CaseTask) =>
      patch(`/cases/${caseId}/tasks/${task.id}`, { done: !task.doneAt, version: task.version }),
    // After a 409 too: someone else changed the task, and the next click needs its new version.
    onSettled: () => client.invalidateQueries({ queryKey: key }),
  });
  if (!abilities.manageTasks) return null;
  // Tasks carry only the assignee's id; the case detail the page already read names the team.
  const assigneeName = (userId: string | null) => assignees.find((a) => a.userId === userId)?.name;
  const submit = (target: HTMLFormElement) => {
    const form = new FormData(target);
    const field = (name: string) => String(form.get(name) ?? '');
    add.mutate(
      {
        title: field('title').trim(),
        dueAt: toIso(field('dueAt')),
        remindAt: toIso(field('remindAt')),
        assigneeUserId: field('assigneeUserId') || undefined,
      },
      { onSuccess: () => target.reset() },
    );
  };
  return (
    <Panel title={t('Tasks')} error={tasks.error ?? toggle.error}>
      {tasks.data?.length === 0 && <Text c="dimmed">{t('No tasks yet.')}</Text>}
      <PlainList label={t('Tasks')}>
        {tasks.data?.map((task) => {
          const name = assigneeName(task.assigneeUserId);
          return (
            <Group
              key={task.id}
              component="li"
              justify="space-between"
              align="flex-start"
              wrap="wrap"
              gap="xs"
            >
              <Checkbox
                label={<span dir="auto">{task.title}</span>}
                checked={!!task.doneAt}
                disabled={toggle.isPending && toggle.variables?.id === task.id}
                onChange={() => toggle.mutate(task)}
                description={[
                  task.dueAt && t('Due {{date}}', { date: format.dateTime(task.dueAt) }),
                  task.remindAt && t('Reminder {{date}}', { date: format.dateTime(task.remindAt) }),
                  name && t('Assigned to {{name}}', { name }),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              />
              {task.overdue && (
                <Badge variant="light" color="red">
                  {t('Overdue')}
                </Badge>
              )}
            </Group>
          );
        })}
      </PlainList>
      <PanelForm
        title={t('Add a task')}
        onSubmit={submit}
        error={add.error}
        submit={{ label: t('Add task'), pending: add.isPending }}
      >
        <TextInput name="title" label={t('Task')} required maxLength={300} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput name="dueAt" type="datetime-local" label={t('Due')} />
          <TextInput name="remindAt" type="datetime-local" label={t('Remind on')} />
        </SimpleGrid>
        <NativeSelect
          name="assigneeUserId"
          label={t('Assign to (receives the reminder)')}
          data={[
            { value: '', label: t('Nobody yet') },
            ...assignees.map((a) => ({ value: a.userId, label: a.name })),
          ]}
        />
      </PanelForm>
    </Panel>
  );
}
