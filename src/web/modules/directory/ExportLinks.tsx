import { Anchor, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { queryString } from '../../app/api.ts';

const FORMATS = [
  ['csv', 'CSV'],
  ['xlsx', 'XLSX'],
  ['popolo', 'Popolo JSON'],
] as const;

/** Downloads of exactly the list on screen: the same filters, in each export format. */
export function ExportLinks({
  path,
  filters,
}: {
  /** The list's API path, e.g. "/organisations". */
  path: string;
  filters: Record<string, string>;
}) {
  const { t } = useTranslation();
  return (
    <Group gap="xs">
      <Text size="sm" c="dimmed">
        {t('Export this list:')}
      </Text>
      {FORMATS.map(([format, name]) => (
        <Anchor key={format} href={`/api/v1${path}${queryString({ ...filters, format })}`} download size="sm">
          {name}
        </Anchor>
      ))}
    </Group>
  );
}
