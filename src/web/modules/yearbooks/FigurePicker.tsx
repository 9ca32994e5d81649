import { Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, post } from '../../app/api.ts';
import { PlainList } from '../../ui/Panel.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import type { Block, FigureSpec } from './types.ts';

/** The preview of one figure as the server draws it: its SVG chart (our own markup) and its table. */
function Preview({ blocks }: { blocks: Block[] }) {
  const { t } = useTranslation();
  if (blocks.length === 0) return <Text c="dimmed">{t('No published figures match these filters.')}</Text>;
  return (
    <Stack gap="xs">
      {blocks.map((b) =>
        b.kind === 'figure' ? (
          // biome-ignore lint/security/noDangerouslySetInnerHtml: the server's chart renderer escapes every label it draws
          <div key={`f-${b.caption}`} dangerouslySetInnerHTML={{ __html: b.svg }} />
        ) : b.kind === 'table' ? (
          <div key={`t-${b.caption}`} style={{ overflowX: 'auto' }}>
            <Table withTableBorder>
              <caption>{b.caption}</caption>
              <Table.Thead>
                <Table.Tr>
                  {b.columns.map((c) => (
                    <Table.Th key={c}>{c}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {b.rows.map((r) => (
                  <Table.Tr key={r.join('|')}>
                    {r.map((v, j) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: a row's cells never move
                      <Table.Td key={j}>{v}</Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {b.source && <Text size="xs">{b.source}</Text>}
          </div>
        ) : null,
      )}
    </Stack>
  );
}

/** Chooses figures from the data (indicator, area, counterpart, periods, sex, display) with a live preview. */
export function FigurePicker({
  figures,
  onChange,
}: {
  figures: FigureSpec[];
  onChange: (f: FigureSpec[]) => void;
}) {
  const { t } = useTranslation();
  const options = useQuery({
    queryKey: ['yearbooks', 'figure-options'],
    queryFn: async () =>
      (
        await api<{ data: { indicators: { code: string; label: string }[]; areas: { area: string }[] } }>(
          '/yearbooks/figure-options',
        )
      ).data,
  });
  const [spec, setSpec] = useState<FigureSpec>({ indicator: '', area: '', sex: 'all', display: 'line' });
  const [debounced] = useDebouncedValue(spec, 400);
  const ready = debounced.indicator !== '' && debounced.area !== '';
  const preview = useQuery({
    queryKey: ['yearbooks', 'preview', debounced],
    queryFn: async () =>
      (await post<{ data: { blocks: Block[] } }>('/yearbooks/figure-preview', clean(debounced))).data.blocks,
    enabled: ready,
  });
  const set = (patch: Partial<FigureSpec>) => setSpec((s) => ({ ...s, ...patch }));
  const areas = (options.data?.areas ?? []).map((a) => a.area);
  return (
    <Stack gap="xs">
      <Text fw={600}>{t('Figures from the data')}</Text>
      <PlainList label={t('Chosen figures')}>
        {figures.map((f, i) => (
          <li key={JSON.stringify(f)}>
            <Group gap="xs">
              <Text size="sm">
                {f.indicator} · {f.area}
                {f.counterpart ? ` ← ${f.counterpart}` : ''} · {f.periodFrom ?? '…'}–{f.periodTo ?? '…'} ·{' '}
                {f.display}
              </Text>
              <Button
                size="xs"
                variant="subtle"
                color="red"
                onClick={() => onChange(figures.filter((_, j) => j !== i))}
              >
                {t('Remove')}
              </Button>
            </Group>
          </li>
        ))}
      </PlainList>
      <ProblemAlert error={options.error} />
      <Group wrap="wrap" align="end" gap="xs">
        <Select
          label={t('Indicator')}
          searchable
          value={spec.indicator || null}
          onChange={(v) => set({ indicator: v ?? '' })}
          data={(options.data?.indicators ?? []).map((i) => ({ value: i.code, label: i.label }))}
        />
        <Select
          label={t('Area')}
          searchable
          value={spec.area || null}
          onChange={(v) => set({ area: v ?? '' })}
          data={areas}
        />
        <Select
          label={t('Counterpart')}
          clearable
          searchable
          value={spec.counterpart || null}
          onChange={(v) => set({ counterpart: v ?? undefined })}
          data={[{ value: '*', label: t('Each counterpart') }, ...areas.map((a) => ({ value: a, label: a }))]}
        />
        <TextInput
          label={t('From (year)')}
          w={110}
          value={spec.periodFrom ?? ''}
          onChange={(e) => set({ periodFrom: e.currentTarget.value || undefined })}
        />
        <TextInput
          label={t('To (year)')}
          w={110}
          value={spec.periodTo ?? ''}
          onChange={(e) => set({ periodTo: e.currentTarget.value || undefined })}
        />
        <Select
          label={t('Sex')}
          allowDeselect={false}
          value={spec.sex ?? 'all'}
          onChange={(v) => set({ sex: (v ?? 'all') as FigureSpec['sex'] })}
          data={[
            { value: 'all', label: t('All') },
            { value: 'T', label: t('Total') },
            { value: 'F', label: t('Female') },
            { value: 'M', label: t('Male') },
          ]}
        />
        <Select
          label={t('Display')}
          allowDeselect={false}
          value={spec.display}
          onChange={(v) => set({ display: (v ?? 'line') as FigureSpec['display'] })}
          data={[
            { value: 'line', label: t('Line chart') },
            { value: 'bar', label: t('Bar chart') },
            { value: 'table', label: t('Table only') },
          ]}
        />
        <Button variant="light" disabled={!ready} onClick={() => onChange([...figures, clean(spec)])}>
          {t('Add the figure')}
        </Button>
      </Group>
      {ready && <ProblemAlert error={preview.error} />}
      {ready && preview.data && <Preview blocks={preview.data} />}
    </Stack>
  );
}

const clean = (spec: FigureSpec): FigureSpec =>
  Object.fromEntries(
    Object.entries(spec).filter(([, v]) => v !== undefined && v !== ''),
  ) as unknown as FigureSpec;
