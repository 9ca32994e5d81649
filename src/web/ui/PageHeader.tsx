import { Group, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useEffect } from 'react';

/** The page's single <h1>, an optional lead sentence and actions; also names the browser tab. */
export function PageHeader({ title, lead, actions }: { title: string; lead?: string; actions?: ReactNode }) {
  useEffect(() => {
    document.title = `${title} · Tulay`;
  }, [title]);
  return (
    <Group justify="space-between" align="flex-end" mb="lg" gap="sm">
      <Stack gap={4} style={{ minWidth: 0 }}>
        <Title order={1} fz={{ base: 24, sm: 28 }}>
          {title}
        </Title>
        {lead && (
          <Text c="dimmed" size="sm" maw={640}>
            {lead}
          </Text>
        )}
      </Stack>
      {actions}
    </Group>
  );
}
