import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Chosen records (organisations, people) as a labelled list of buttons that each remove one. */
export function RemovableChips({
  label,
  list,
  onRemove,
}: {
  label: string;
  list: { id: string; name: string }[];
  onRemove: (id: string) => void;
}) {
  const { t } = useTranslation();
  if (!list.length) return null;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Group gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={label}>
        {list.map((o) => (
          <li key={o.id}>
            <Button
              size="compact-sm"
              variant="default"
              onClick={() => onRemove(o.id)}
              aria-label={`${t('Remove')} ${o.name}`}
            >
              {o.name} ×
            </Button>
          </li>
        ))}
      </Group>
    </Stack>
  );
}
