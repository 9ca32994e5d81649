import { Group, Stack, Text } from '@mantine/core';

export type Fact = [label: string, value: string | number | null | undefined];

/** The facts of a record as a description list; a fact without a value is left out. */
export function FactList({ facts, labelWidth = 140 }: { facts: Fact[]; labelWidth?: number }) {
  const shown = facts.filter(([, value]) => value !== null && value !== undefined && value !== '');
  if (shown.length === 0) return null;
  return (
    <Stack component="dl" gap={4} m={0}>
      {shown.map(([label, value]) => (
        <Group key={label} gap="xs" wrap="nowrap" align="flex-start">
          <Text component="dt" fw={600} size="sm" miw={labelWidth}>
            {label}
          </Text>
          <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>
            {value}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
