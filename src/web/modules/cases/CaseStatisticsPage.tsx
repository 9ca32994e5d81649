import { Button, Checkbox, Group, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, queryString } from '../../app/api.ts';
import { msg } from '../../app/capability.ts';
import { useFormat } from '../../app/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { termLabel, useTerms } from '../directory/lookups.ts';
import { OUTCOME_LABELS } from './labels.ts';

const DIMENSIONS = [
  ['corridor', msg('Corridor')],
  ['sector', msg('Sector')],
  ['violation', msg('Violation')],
  ['outcome', msg('Outcome')],
  ['year', msg('Year')],
] as const;

interface Statistics {
  dimensions: string[];
  roundedTo: number;
  data: Array<Record<string, string | number> & { cases: number }>;
}

/**
 * Anonymised counts for advocacy: only cases whose clients consented to statistical use, every
 * figure summed by the server from one protected table (docs/decisions/case-statistics-disclosure-control.md), so nothing here is
 * hidden by the screen itself; exportable as CSV with HXL tags.
 */
export function CaseStatisticsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [by, setBy] = useState<string[]>(['corridor']);
  const violations = useTerms('case_violation');
  const sectors = useTerms('case_sector');
  const query = queryString({ by: by.join(',') });
  const stats = useQuery({
    queryKey: ['case-statistics', query],
    queryFn: () => api<Statistics>(`/case-statistics${query}`),
    enabled: by.length > 0,
  });
  const label = (dimension: string, value: unknown) => {
    const code = String(value ?? '');
    if (code === '' || code === 'null') return t('Not recorded');
    if (dimension === 'violation') return termLabel(violations.data, code);
    if (dimension === 'sector') return termLabel(sectors.data, code);
    if (dimension === 'outcome') return t(OUTCOME_LABELS[code] ?? code);
    return code;
  };
  const result = stats.data;
  const n = result?.roundedTo ?? 5;
  return (
    <Stack>
      <PageHeader
        title={t('Case statistics')}
        lead={t('Anonymised counts from cases whose clients consented to statistical use.')}
      />
      <Text size="sm">
        {t(
          'Figures below {{n}} are hidden, and every figure and total is added up from groups of cases that share all their characteristics, each group rounded down to a multiple of {{n}}, so that no one can be identified, not even by comparing tables. Figures can therefore be lower than the real number of cases.',
          { n },
        )}
      </Text>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Checkbox.Group label={t('Count by (up to three)')} value={by} onChange={(v) => setBy(v.slice(0, 3))}>
          <Group mt={4} gap="md">
            {DIMENSIONS.map(([value, name]) => (
              <Checkbox
                key={value}
                value={value}
                label={t(name)}
                disabled={by.length >= 3 && !by.includes(value)}
              />
            ))}
          </Group>
        </Checkbox.Group>
        <Button
          component="a"
          href={`/api/v1/case-statistics${queryString({ by: by.join(','), format: 'csv' })}`}
          variant="default"
          disabled={by.length === 0}
        >
          {t('Export CSV')}
        </Button>
      </Group>
      <ProblemAlert error={stats.error} />
      {result && result.data.length === 0 && (
        <Text c="dimmed">
          {t('Nothing to show yet: no {{n}} consented cases share all their characteristics.', { n })}
        </Text>
      )}
      {result && result.data.length > 0 && (
        <Table.ScrollContainer minWidth={320}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                {result.dimensions.map((d) => (
                  <Table.Th key={d}>{t(DIMENSIONS.find(([v]) => v === d)?.[1] ?? d)}</Table.Th>
                ))}
                <Table.Th ta="end">{t('Cases')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.data.map((row) => (
                <Table.Tr key={result.dimensions.map((d) => String(row[d])).join('|')}>
                  {result.dimensions.map((d) => (
                    <Table.Td key={d}>{label(d, row[d])}</Table.Td>
                  ))}
                  <Table.Td ta="end">{format.number(row.cases)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
