import { Alert, Badge, Button, Card, Group, NativeSelect, Progress, Stack, Table, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import i18n from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, api, type Problem, post } from '../../app/api.ts';
import { useFormat } from '../../app/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { ColumnMapping } from './ColumnMapping.tsx';

interface Summary {
  total: number;
  create: number;
  update: number;
  unchanged: number;
  error: number;
  newTypes: { code: string; label: string }[];
}
interface Preview {
  id: string;
  version: number;
  summary: Summary;
  header: string[];
  mapping: Record<string, string>;
  rows: { line: number; action: string; name: string | null; changes: string[]; errors: string[] }[];
}

const COLORS: Record<string, string> = { create: 'green', update: 'blue', unchanged: 'gray', error: 'red' };

/** Uploads with XMLHttpRequest, the one browser API that reports upload progress. */
function upload(
  file: File,
  query: string,
  mapping: Record<string, string> | null,
  onProgress: (fraction: number) => void,
): Promise<Preview> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/directory/imports${query}`);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', i18n.language || 'en');
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      const body = (() => {
        try {
          return JSON.parse(xhr.responseText);
        } catch {
          return null;
        }
      })();
      if (xhr.status === 201) resolve(body.data as Preview);
      else
        reject(
          new ApiError(
            (body as Problem) ?? {
              status: xhr.status,
              code: 'unexpected',
              title: i18n.t('Something went wrong on our side.'),
            },
          ),
        );
    };
    xhr.onerror = () =>
      reject(
        new ApiError({
          status: 0,
          code: 'network',
          title: i18n.t('Could not reach Tulay. Check your connection and try again.'),
        }),
      );
    const form = new FormData();
    // Fields before the file, so the server has the mapping when it reads the rows.
    if (mapping) form.append('mapping', JSON.stringify(mapping));
    form.append('file', file);
    xhr.send(form);
  });
}

/** Import: choose a file → dry-run preview per row → commit all or nothing, with progress for both. */
export function ImportPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [file, setFile] = useState<File | null>(null);
  const [key, setKey] = useState('external_id');
  const [policy, setPolicy] = useState('reject');
  const [sent, setSent] = useState(0);
  const [written, setWritten] = useState<{ done: number; total: number } | null>(null);
  // null until the first preview: then the server's proposal, which the person may correct.
  const [mapping, setMapping] = useState<Record<string, string> | null>(null);
  const [header, setHeader] = useState<string[]>([]);
  const preview = useMutation({
    mutationFn: () => upload(file!, `?key=${key}&vocabularyPolicy=${policy}`, mapping, setSent),
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
        title={t('Import organisations')}
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
                label={t('Match rows on')}
                value={key}
                onChange={(e) => setKey(e.currentTarget.value)}
                data={[
                  { value: 'external_id', label: t('External id') },
                  { value: 'name_country', label: t('Name and country') },
                  { value: 'id', label: t('Tulay id') },
                ]}
              />
              <NativeSelect
                label={t('Unknown organisation types')}
                value={policy}
                onChange={(e) => setPolicy(e.currentTarget.value)}
                data={[
                  { value: 'reject', label: t('Reject the row') },
                  { value: 'create', label: t('Add them to the vocabulary') },
                ]}
              />
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
                  <Link to="/directory">{t('Back to the directory')}</Link>
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
