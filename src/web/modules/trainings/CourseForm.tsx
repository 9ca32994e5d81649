import { NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { PanelForm } from '../../ui/Panel.tsx';
import { useEventOptions } from '../events/EventList.tsx';
import type { Course } from './types.ts';

const parseMonths = (s: string) =>
  s
    .split(/[,\s،、]+/)
    .filter(Boolean)
    .map(Number);

/**
 * Creates or edits a course. Only the fields shown are sent, so what the form does not show (the
 * title's translations) is kept as it is.
 */
export function CourseForm({ course, onDone }: { course?: Course; onDone: (c: Course) => void }) {
  const { t } = useTranslation();
  const options = useEventOptions();
  const [title, setTitle] = useState(course?.sourceTitle ?? '');
  const [description, setDescription] = useState(course?.description ?? '');
  const [issuer, setIssuer] = useState(course?.issuer ?? '');
  const [programmeId, setProgrammeId] = useState(course?.programmeId ?? '');
  const [months, setMonths] = useState((course?.followUpMonths ?? [3, 6, 12]).join(', '));
  const save = useMutation({
    mutationFn: async () => {
      const body = {
        title,
        description,
        ...(issuer.trim() ? { issuer } : {}),
        programmeId: programmeId || null,
        followUpMonths: parseMonths(months),
      };
      const sent = course
        ? await api<{ data: Course }>(`/trainings/${course.id}`, {
            method: 'PATCH',
            body: { ...body, version: course.version },
          })
        : await api<{ data: Course }>('/trainings', { method: 'POST', body });
      return sent.data;
    },
    onSuccess: onDone,
  });
  return (
    <PanelForm
      title={course ? t('Edit the course') : t('New training course')}
      onSubmit={() => save.mutate()}
      error={save.error}
      submit={{ label: t('Save'), pending: save.isPending, disabled: !title.trim() }}
    >
      <Stack gap="sm">
        <TextInput
          label={t('Title')}
          required
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
        />
        <Textarea
          label={t('Description')}
          autosize
          minRows={2}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
        />
        <TextInput
          label={t('Issuer printed on certificates')}
          value={issuer}
          onChange={(e) => setIssuer(e.currentTarget.value)}
        />
        <NativeSelect
          label={t('Programme')}
          value={programmeId}
          onChange={(e) => setProgrammeId(e.currentTarget.value)}
          data={[
            { value: '', label: t('No programme') },
            ...(options.data?.programmes ?? []).map((p) => ({ value: p.id, label: p.name })),
          ]}
        />
        <TextInput
          label={t('Follow-ups, in months after the cohort ends')}
          description={t('For example: 3, 6, 12')}
          value={months}
          onChange={(e) => setMonths(e.currentTarget.value)}
        />
      </Stack>
    </PanelForm>
  );
}
