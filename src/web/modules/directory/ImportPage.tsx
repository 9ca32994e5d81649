import { Alert, Badge, Button, Card, Group, NativeSelect, Progress, Stack, Table, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { ImportEntity } from '../../../shared/import-targets.ts';
import { ApiError, api, post } from '../../app/api.ts';
import { useFormat } from '../../app/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { ColumnMapping } from './ColumnMapping.tsx';
import { type Preview, type Summary, upload } from './import-upload.ts';

const COLORS: Record<string, string> = { create: 'green', update: 'blue', unchanged: 'gray', error: 'red' };

/** Import: choose a file → dry-run preview per row → commit all or nothing, with progress for both. */
export function ImportPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [params] = useSearchParams();
  // The people page links here with ?entity=people.
  const [entity, setEntity] = useState<ImportEntity>(
    params.get('entity') === 'people' ? 'people' : 'organisations',
  );
  const [file, setFile] = useState<File | null>(null);
  const [key, setKey] = useState('external_id');
  const [policy, setPolicy] = useState('reject');
  const [sent, setSent] = useState(0);
  const [written, setWritten] = useState<{ done: number; total: number } | null>(null);
  // null until the first preview: then the server's proposal, which the person may correct.
  const [mapping, setMapping] = useState<Record<string, string> | null>(null);
  const [header, setHeader] = useState<string[]>([]);
  const preview = useMutation({
    mutationFn: () =>
      upload(file!, `?entity=${entity}&key=${key}&vocabularyPolicy=${policy}`, mapping, setSent),
    onSuccess: (p) => {
      setMapping(p.mapping);
      setHeader(p.header);
    },
  });
  const runPreview = () => {
    commit.reset();
    setSent(0);
    preview.mutate();
  };
  const commit = useMutation({
    mutationFn: (p: Preview) =>
      post<{ data: Summary }>(`/directory/imports/${p.id}/commit`, { version: p.version }),
  });

  // While the commit runs, ask how far it got (answered from memory, not the busy database).
  useEffect(() => {
    if (!commit.isPending || !preview.data) return;
    const id = preview.data.id;
    const timer = setInterval(async () => {
      const p = await api<{ data: { done: number; total: number } | null }>(
        `/directory/imports/${id}/progress`,
      ).catch(() => null);
      if (p?.data) setWritten(p.data);
    }, 500);
    return () => clearInterval(timer);
  }, [commit.isPending, preview.data]);

  const p = preview.data;
  const labels: Record<string, string> = {
    create: t('New'),
    update: t('Changed'),
    unchanged: t('Unchanged'),
    error: t('Errors'),
  };
  return (
    <>
      <PageHeader
        title={entity === 'people' ? t('Import people') : t('Import organisations')}
        lead={t('CSV or XLSX. Rows are matched on a key, so importing the same file again changes nothing.')}
      />
      <Stack gap="md" maw={900}>
        <Card
          withBorder
          component="form"
          onSubmit={(e) => {
            e.preventDefault();
            runPreview();
          }}
        >
          <Stack gap="sm">
            <label htmlFor="import-file">
              <Text fw={500} size="sm">
                {t('File (CSV or XLSX, up to 50 MB)')}
              </Text>
            </label>
            <input
              id="import-file"
              type="file"
              accept=".csv,.xlsx,text/csv"
              onChange={(e) => {
                setFile(e.currentTarget.files?.[0] ?? null);
                setMapping(null);
                preview.reset();
              }}
            />
            <Group grow>
              <NativeSelect
                label={t('What the rows hold')}
                value={entity}
                onChange={(e) => {
                  // Another kind of record has other fields: the server proposes a new mapping.
                  setEntity(e.currentTarget.value as ImportEntity);
                  setMapping(null);
                  preview.reset();
                }}
                data={[
                  { value: 'organisations', label: t('Organisations') },
                  { value: 'people', label: t('People') },
                ]}
              />
              <NativeSelect
                label={t('Match rows on')}
                value={key}
                onChange={(e) => setKey(e.currentTarget.value)}
                data={[
                  { value: 'external_id', label: t('External id') },
                  { value: 'name_country', label: t('Name and country') },
                  { value: 'id', label: t('Tulay id') },
                ]}
              />
              {entity === 'organisations' && (
                <NativeSelect
                  label={t('Unknown organisation types')}
                  value={policy}
                  onChange={(e) => setPolicy(e.currentTarget.value)}
                  data={[
                    { value: 'reject', label: t('Reject the row') },
                    { value: 'create', label: t('Add them to the vocabulary') },
                  ]}
                />
              )}
            </Group>
            {preview.isPending && <Progress value={sent * 100} aria-label={t('Upload progress')} animated />}
            <ProblemAlert error={preview.error} />
            {preview.error instanceof ApiError && preview.error.problem.detail && (
              <Text size="sm" role="status">
                {preview.error.problem.detail}
              </Text>
            )}
            <Group>
              <Button type="submit" disabled={!file} loading={preview.isPending}>
                {t('Preview')}
              </Button>
            </Group>
          </Stack>
        </Card>
        {mapping && (
          <ColumnMapping
            entity={entity}
            header={header}
            mapping={mapping}
            onChange={setMapping}
            onPreview={runPreview}
            pending={preview.isPending}
          />
        )}
        {p && (
          <Card withBorder>
            <Stack gap="sm">
              <Group gap="xs" aria-label={t('Preview summary')} data-testid="import-summary">
                {(['create', 'update', 'unchanged', 'error'] as const).map((a) => (
                  <Badge key={a} color={COLORS[a]} variant="light" size="lg">
                    {`${labels[a]}: ${format.number(p.summary[a])}`}
                  </Badge>
                ))}
              </Group>
              {p.summary.newTypes.length > 0 && (
                <Text size="sm">
                  {t('New organisation types: {{types}}', {
                    types: p.summary.newTypes.map((x) => x.label).join(', '),
                  })}
                </Text>
              )}
              {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1) */}
              <section style={{ overflowX: 'auto' }} tabIndex={0} aria-label={t('Rows of the file')}>
                <Table striped miw={320}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('Line')}</Table.Th>
                      <Table.Th>{t('Action')}</Table.Th>
                      <Table.Th>{t('Name')}</Table.Th>
                      <Table.Th>{t('Details')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {p.rows.map((r) => (
                      <Table.Tr key={r.line}>
                        <Table.Td>{r.line}</Table.Td>
                        <Table.Td>{labels[r.action]}</Table.Td>
                        <Table.Td style={{ overflowWrap: 'anywhere' }}>{r.name}</Table.Td>
                        <Table.Td style={{ overflowWrap: 'anywhere' }}>
                          {[...r.errors, ...r.changes].join('; ')}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </section>
              {commit.isPending && (
                <Text size="sm" role="status">
                  {t(
                    'The import is written all at once, so that it is all or nothing. Until it is done, other pages of Tulay may wait.',
                  )}
                </Text>
              )}
              {commit.isPending && written && (
                <Progress
                  value={written.total ? (written.done / written.total) * 100 : 0}
                  aria-label={t('Import progress')}
                />
              )}
              <ProblemAlert error={commit.error} />
              {commit.isSuccess ? (
                <Alert color="green" role="status" title={t('Import done')}>
                  {t('{{create}} added, {{update}} changed, {{unchanged}} unchanged.', {
                    create: commit.data.data.create,
                    update: commit.data.data.update,
                    unchanged: commit.data.data.unchanged,
                  })}{' '}
                  {entity === 'people' ? (
                    <Link to="/directory/people">{t('Back to the people')}</Link>
                  ) : (
                    <Link to="/directory">{t('Back to the directory')}</Link>
                  )}
                </Alert>
              ) : (
                <Group>
                  <Button
                    onClick={() => commit.mutate(p)}
                    loading={commit.isPending}
                    disabled={p.summary.error > 0}
                  >
                    {t('Import {{count}} rows', { count: p.summary.create + p.summary.update })}
                  </Button>
                  {p.summary.error > 0 && (
                    <Text size="sm">
                      {t(
                        'Fix the rows with errors and preview again: nothing is written while any row has an error.',
                      )}
                    </Text>
                  )}
                </Group>
              )}
            </Stack>
          </Card>
        )}
      </Stack>
    </>
  );
}
