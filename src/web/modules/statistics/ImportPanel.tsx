import { Anchor, Button, FileInput, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post, sendForm } from '../../app/api.ts';
import { Panel } from '../../ui/Panel.tsx';
import type { StatisticsImport } from './types.ts';

function Summary({ imp }: { imp: StatisticsImport }) {
  const { t } = useTranslation();
  const s = imp.summary;
  const skipped = Object.entries(s.skipped);
  return (
    <Stack gap="xs">
      <Text>
        {t(
          '{{read}} figures read: {{new}} new, {{changed}} changed, {{unchanged}} unchanged, {{refused}} refused.',
          {
            read: s.read,
            new: s.new,
            changed: s.changed,
            unchanged: s.unchanged,
            refused: s.refused,
          },
        )}
      </Text>
      {skipped.length > 0 && (
        <Text size="sm">
          {t('Rows skipped')}: {skipped.map(([reason, n]) => `${n} × ${reason}`).join(', ')}
        </Text>
      )}
      {s.newIndicators.length > 0 && (
        <Text size="sm">
          {t('New indicators')}: {s.newIndicators.join(', ')}
        </Text>
      )}
      {imp.refused.length > 0 && (
        <Table.ScrollContainer minWidth={320}>
          <Table striped>
            <Table.Caption>{t('Refused rows: correct them in the file and import it again.')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('Line')}</Table.Th>
                <Table.Th>{t('Reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {imp.refused.map((r) => (
                <Table.Tr key={`${r.line}-${r.reason}`}>
                  <Table.Td>{r.line}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{r.reason}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

/** Import into a data set: choose a file, see what it would do, then write it all or nothing. */
export function ImportPanel({ datasetId }: { datasetId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState('');
  const [previewed, setPreviewed] = useState<StatisticsImport | null>(null);
  const preview = useMutation({
    mutationFn: async () => {
      const form = new FormData();
      form.append('file', file!, file!.name);
      const query = format ? `?format=${format}` : '';
      return (
        await sendForm<{ data: StatisticsImport }>(`/statistics/datasets/${datasetId}/imports${query}`, form)
      ).data;
    },
    onSuccess: setPreviewed,
  });
  const commit = useMutation({
    mutationFn: async () =>
      (
        await post<{ data: StatisticsImport }>(`/statistics/imports/${previewed!.id}/commit`, {
          version: previewed!.version,
        })
      ).data,
    onSuccess: (done) => {
      setPreviewed(done);
      client.invalidateQueries({ queryKey: ['statistics'] });
    },
  });
  return (
    <Panel title={t('Import figures')} error={preview.error ?? commit.error}>
      <Text size="sm">
        {t(
          'An ILOSTAT bulk CSV (plain or .gz), a UN DESA International Migrant Stock workbook, or Tulay’s own CSV.',
        )}{' '}
        <Anchor href="/api/v1/statistics/template.csv">{t('Download the template of Tulay’s CSV')}</Anchor>
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (file) preview.mutate();
        }}
      >
        <Stack gap="sm">
          <FileInput
            label={t('File')}
            value={file}
            onChange={(f) => {
              setFile(f);
              setPreviewed(null);
            }}
            accept=".csv,.gz,.xlsx,text/csv,application/gzip,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            clearable
            clearButtonProps={{ 'aria-label': t('Remove the file') }}
          />
          <NativeSelect
            label={t('Format')}
            value={format}
            onChange={(e) => setFormat(e.currentTarget.value)}
            data={[
              { value: '', label: t('Recognise from the file') },
              { value: 'ilostat', label: 'ILOSTAT' },
              { value: 'undesa', label: 'UN DESA' },
              { value: 'tulay', label: t('Tulay’s CSV') },
            ]}
          />
          <Group justify="flex-end">
            <Button type="submit" variant="light" disabled={!file} loading={preview.isPending}>
              {t('Preview')}
            </Button>
          </Group>
        </Stack>
      </form>
      {previewed && (
        <Stack gap="xs" aria-live="polite">
          <Summary imp={previewed} />
          {previewed.status === 'committed' ? (
            <Text fw={600}>{t('Written.')}</Text>
          ) : (
            <Group justify="flex-end">
              <Button
                onClick={() => commit.mutate()}
                loading={commit.isPending}
                disabled={previewed.summary.refused > 0}
              >
                {t('Write these figures')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Panel>
  );
}
