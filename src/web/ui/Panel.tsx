import { Button, Card, Group, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { ProblemAlert } from './ProblemAlert.tsx';

/** One part of a record's page: a bordered card with its heading and the problem of its last call. */
export function Panel({ title, error, children }: { title: string; error?: unknown; children: ReactNode }) {
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        <ProblemAlert error={error ?? null} />
        {children}
      </Stack>
    </Card>
  );
}

/** A list without bullets or indent whose items lay themselves out; named for screen readers. */
export function PlainList({
  label,
  gap = 'xs',
  children,
}: {
  label: string;
  gap?: string;
  children: ReactNode;
}) {
  return (
    <Stack component="ul" gap={gap} p={0} m={0} style={{ listStyle: 'none' }} aria-label={label}>
      {children}
    </Stack>
  );
}

/**
 * A form inside a panel: its own smaller heading (which also names the form for screen readers),
 * the fields, the problem of its last submission and one submit button.
 */
export function PanelForm({
  title,
  onSubmit,
  error,
  submit,
  children,
}: {
  title: string;
  onSubmit: (form: HTMLFormElement) => void;
  error: unknown;
  submit: { label: string; pending: boolean; disabled?: boolean; color?: string; variant?: string };
  children: ReactNode;
}) {
  return (
    <Stack
      component="form"
      gap="sm"
      aria-label={title}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(event.currentTarget as unknown as HTMLFormElement);
      }}
    >
      <Title order={3} size="h5">
        {title}
      </Title>
      {children}
      <ProblemAlert error={error} />
      <Group>
        <Button
          type="submit"
          loading={submit.pending}
          disabled={submit.disabled}
          color={submit.color}
          variant={submit.variant}
        >
          {submit.label}
        </Button>
      </Group>
    </Stack>
  );
}
