import { Alert, Button, Group, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, patch } from '../../app/api.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { draftOfPerson, PersonFields, personBody } from './PersonFields.tsx';
import type { PersonProfile } from './types.ts';

/**
 * Edits a person with the version they were read at: when someone else saved first, the server
 * answers 409 and the dialog offers to reload instead of overwriting their change.
 */
export function EditPersonDialog({
  person,
  opened,
  onClose,
  onSaved,
  reload,
}: {
  person: PersonProfile;
  opened: boolean;
  onClose: () => void;
  onSaved: () => Promise<unknown>;
  reload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const withContact = person.email !== undefined;
  const [draft, setDraft] = useState(() => draftOfPerson(person));
  const save = useMutation({
    mutationFn: () =>
      patch(`/people/${person.id}`, { ...personBody(draft, withContact), version: person.version }),
    onSuccess: async () => {
      await onSaved();
      onClose();
    },
  });
  const conflict = save.error instanceof ApiError && save.error.code === 'version_conflict';
  return (
    <Dialog opened={opened} onClose={onClose} title={t('Edit person')}>
      <Stack
        component="form"
        gap="md"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        {conflict ? (
          <Alert color="orange" role="alert" title={(save.error as ApiError).problem.title}>
            <Group>
              <Button
                size="xs"
                variant="light"
                onClick={() => {
                  save.reset();
                  void reload().then(onClose);
                }}
              >
                {t('Reload')}
              </Button>
            </Group>
          </Alert>
        ) : (
          <ProblemAlert error={save.error} />
        )}
        <PersonFields draft={draft} onChange={setDraft} withContact={withContact} />
        <Group>
          <Button type="submit" loading={save.isPending} disabled={!draft.name.trim()}>
            {t('Save')}
          </Button>
          <Button variant="subtle" onClick={onClose}>
            {t('Cancel')}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
