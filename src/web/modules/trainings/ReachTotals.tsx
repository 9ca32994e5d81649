import { Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { reachChartSvg } from '../../../shared/reach-chart.ts';
import { api } from '../../app/api.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { SEX_LABELS } from './labels.ts';
import type { Reach } from './types.ts';

function Figures({ label, rows }: { label: string; rows: [string, number][] }) {
  const { t } = useTranslation();
  return (
    <Table withTableBorder w="auto" aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{label}</Table.Th>
          <Table.Th scope="col">{t('People trained')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map(([k, v]) => (
          <Table.Tr key={k}>
            <Table.Th scope="row">{k}</Table.Th>
            <Table.Td>{v}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** People trained per year (a chart with its table), per country and per sex. */
export function ReachTotals() {
  const { t } = useTranslation();
  const reach = useQuery({
    queryKey: ['training-reach'],
    queryFn: async () => (await api<{ data: Reach }>('/training-reach')).data,
  });
  if (reach.isPending) return <Loader aria-label={t('Loading')} />;
  if (!reach.data) return <ProblemAlert error={reach.error} />;
  const r = reach.data;
  const chartTitle = t('People trained per year');
  return (
    <>
      <PageHeader
        title={t('Reach')}
        lead={t('{{n}} people completed a training course recorded in Tulay.', { n: r.total })}
      />
      <Stack>
        <Panel title={chartTitle}>
          {r.byYear.length === 0 ? (
            <Text c="dimmed">{t('No figures yet.')}</Text>
          ) : (
            <Group align="flex-start" wrap="wrap" gap="md">
              <div
                // biome-ignore lint/security/noDangerouslySetInnerHtml: escaped SVG made by reachChartSvg from numbers
                dangerouslySetInnerHTML={{ __html: reachChartSvg(r.byYear, chartTitle) }}
              />
              <Figures label={t('Year')} rows={r.byYear.map((y) => [String(y.year), y.value])} />
            </Group>
          )}
        </Panel>
        <Panel title={t('People trained per country')}>
          <Figures
            label={t('Country')}
            rows={r.byCountry.map((c) => [c.countryName ?? t('Not stated'), c.value])}
          />
        </Panel>
        <Panel title={t('People trained per sex')}>
          <Figures label={t('Sex')} rows={r.bySex.map((s) => [t(SEX_LABELS[s.sex]), s.value])} />
        </Panel>
      </Stack>
    </>
  );
}
