import { Button, Group, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';

/** The form of an "add" page: the problem of the last try, the fields, then Save and Cancel. */
export function NewRecordForm({
  onSubmit,
  error,
  pending,
  canSave,
  cancelTo,
  children,
}: {
  onSubmit: () => void;
  error: unknown;
  pending: boolean;
  canSave: boolean;
  /** Where Cancel goes back to. */
  cancelTo: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Stack
      component="form"
      maw={640}
      gap="md"
      onSubmit={(e) => {
        e.preventDefault();
        // One record per try: a second submit while the first is on its way would make a duplicate.
        if (!pending) onSubmit();
      }}
    >
      <ProblemAlert error={error} />
      {children}
      <Group>
        <Button type="submit" loading={pending} disabled={!canSave}>
          {t('Save')}
        </Button>
        <Button component={Link} to={cancelTo} variant="subtle">
          {t('Cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
