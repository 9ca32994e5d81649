import { Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { reachChartSvg } from '../../../shared/reach-chart.ts';
import type { Indicator } from './types.ts';

/** One indicator: a small SVG chart and, beside it, the same figures as a table. */
export function ReachChart({ indicator }: { indicator: Indicator }) {
  const { t } = useTranslation();
  if (indicator.withheld)
    return (
      <Stack gap={4}>
        <Title order={3} size="h5">
          {indicator.localLabel}
        </Title>
        <Text size="sm" c="dimmed">
          {t('Computed from case statistics, which your role may not see.')}
        </Text>
      </Stack>
    );
  return (
    <Stack gap={4}>
      <Title order={3} size="h5">
        {indicator.localLabel}
      </Title>
      {indicator.values.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('No figures yet.')}
        </Text>
      ) : (
        <Group align="flex-start" wrap="wrap" gap="md">
          {/* The SVG is built from numbers and escaped text only (shared/reach-chart.ts). */}
          <div
            // biome-ignore lint/security/noDangerouslySetInnerHtml: escaped SVG made by reachChartSvg
            dangerouslySetInnerHTML={{ __html: reachChartSvg(indicator.values, indicator.localLabel) }}
          />
          <Table withTableBorder w="auto" aria-label={indicator.localLabel}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('Year')}</Table.Th>
                <Table.Th scope="col">{t('Figure')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {indicator.values.map((v) => (
                <Table.Tr key={v.year}>
                  <Table.Th scope="row">{v.year}</Table.Th>
                  <Table.Td>{v.value}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Group>
      )}
      {indicator.source !== 'manual' && (
        <Text size="xs" c="dimmed">
          {t('Computed from Tulay’s own records.')}
        </Text>
      )}
    </Stack>
  );
}
