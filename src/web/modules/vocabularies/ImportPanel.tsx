import { Alert, Badge, Button, Group, List, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sendRaw } from '../../app/api.ts';
import { useFormat } from '../../app/format.ts';
import { Panel } from '../../ui/Panel.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { useInvalidateVocabulary } from './queries.ts';
import type { ImportResult } from './types.ts';

/** CSV import: choose a file → dry-run preview (new, changed, errors) → import all or nothing. */
export function ImportPanel({ vocabularyKey }: { vocabularyKey: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const invalidate = useInvalidateVocabulary();
  const [file, setFile] = useState<File | null>(null);
  const send = (dryRun: boolean) =>
    sendRaw<{ data: ImportResult }>(
      `/vocabularies/${vocabularyKey}/import?dryRun=${dryRun}`,
      file!,
      'text/csv',
    ).then((r) => r.data);
  const preview = useMutation({ mutationFn: () => send(true) });
  const commit = useMutation({ mutationFn: () => send(false), onSuccess: () => invalidate(vocabularyKey) });
  const p = preview.data;
  const counts = p && [
    { label: t('New'), value: p.created.length, color: 'green' },
    { label: t('Changed'), value: p.updated.length, color: 'blue' },
    { label: t('Unchanged'), value: p.unchanged.length, color: 'gray' },
    { label: t('Errors'), value: p.errors.length, color: 'red' },
  ];
  const inputId = `vocabulary-import-${vocabularyKey}`;
  return (
    <Panel title={t('Import from CSV')}>
      <Text size="sm" c="dimmed">
        {t(
          'Columns: code, parent_code, position, label_en, label_fil … scope_note, retired. Rows are matched on their code; terms not in the file, and columns the file leaves out, stay as they are.',
        )}
      </Text>
      <Stack
        component="form"
        gap="sm"
        aria-label={t('Preview a CSV import')}
        onSubmit={(e) => {
          e.preventDefault();
          commit.reset();
          preview.mutate();
        }}
      >
        <label htmlFor={inputId}>
          <Text fw={500} size="sm">
            {t('CSV file')}
          </Text>
        </label>
        <input
          id={inputId}
          type="file"
          accept=".csv,text/csv"
          style={{ maxWidth: '100%' }}
          onChange={(e) => {
            setFile(e.currentTarget.files?.[0] ?? null);
            preview.reset();
            commit.reset();
          }}
        />
        <ProblemAlert error={preview.error} />
        <Group>
          <Button type="submit" disabled={!file} loading={preview.isPending}>
            {t('Preview')}
          </Button>
        </Group>
      </Stack>
      {p && counts && (
        <Stack gap="sm" aria-label={t('Import preview')} component="section">
          <Group gap="xs" data-testid="vocabulary-import-summary">
            {counts.map((c) => (
              <Badge key={c.label} color={c.color} variant="light" size="lg">
                {`${c.label}: ${format.number(c.value)}`}
              </Badge>
            ))}
          </Group>
          {p.created.length > 0 && <CodeLine label={t('New terms')} codes={p.created} />}
          {p.updated.length > 0 && <CodeLine label={t('Changed terms')} codes={p.updated} />}
          {p.errors.length > 0 && (
            <List size="sm" aria-label={t('Errors in the file')}>
              {p.errors.map((e) => (
                <List.Item key={`${e.field}:${e.code}`} style={{ overflowWrap: 'anywhere' }}>
                  {`${e.field}: ${e.message}`}
                </List.Item>
              ))}
            </List>
          )}
          <ProblemAlert error={commit.error} />
          {commit.isSuccess ? (
            <Alert color="green" role="status" title={t('Import done')}>
              {t('{{created}} added, {{updated}} changed, {{unchanged}} unchanged.', {
                created: commit.data.created.length,
                updated: commit.data.updated.length,
                unchanged: commit.data.unchanged.length,
              })}
            </Alert>
          ) : (
            <Group>
              <Button
                onClick={() => commit.mutate()}
                loading={commit.isPending}
                disabled={p.errors.length > 0 || p.created.length + p.updated.length === 0}
              >
                {t('Import {{count}} terms', { count: p.created.length + p.updated.length })}
              </Button>
              {p.errors.length > 0 && (
                <Text size="sm">
                  {t('Fix the errors and preview again: nothing is written while the file has an error.')}
                </Text>
              )}
            </Group>
          )}
        </Stack>
      )}
    </Panel>
  );
}

function CodeLine({ label, codes }: { label: string; codes: string[] }) {
  return (
    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
      <Text span fw={600}>
        {`${label}: `}
      </Text>
      <span dir="ltr">{codes.join(', ')}</span>
    </Text>
  );
}
