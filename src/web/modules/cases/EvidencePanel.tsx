import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import i18n from 'i18next';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, sendForm } from '../../app/api.ts';
import { useFormat } from '../../app/format.ts';
import { Panel, PlainList } from '../../ui/Panel.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';

/** An evidence file as GET/POST /cases/:id/files present it (files-service.ts). */
interface EvidenceFile {
  id: string;
  /** null once the case is crypto-shredded: the name was encrypted with the case's key. */
  name: string | null;
  contentType: string;
  size: number;
  createdAt: string;
  /** /api/v1/cases/:id/files/:fileId, served as an attachment. */
  url: string;
}

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/** "2.4 MB" or "512 bytes" in the reader's language: Intl knows the unit names, so no catalog entries are needed. */
function formatSize(bytes: number, locale: string): string {
  const step = Math.min(UNITS.length - 1, Math.floor(Math.log(Math.max(bytes, 1)) / Math.log(1024)));
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: UNITS[step],
    // The short form of a bare byte count reads "512 byte" in English.
    unitDisplay: step === 0 ? 'long' : 'short',
    maximumFractionDigits: 1,
  }).format(bytes / 1024 ** step);
}

/** The server states its limit only in the English detail of its 413; the number is all we need. */
function withLimit(error: unknown): unknown {
  if (!(error instanceof ApiError) || error.status !== 413) return error;
  const limit = Number(error.problem.detail?.match(/\d+/)?.[0]);
  if (!limit) return error;
  const size = formatSize(limit, i18n.language || 'en');
  return new ApiError({
    ...error.problem,
    title: `${error.problem.title} ${i18n.t('Files can be at most {{size}}.', { size })}`,
  });
}

/** Sends one file as multipart/form-data, field "file". */
async function uploadEvidence(caseId: string, file: File): Promise<void> {
  const form = new FormData();
  form.append('file', file, file.name);
  try {
    await sendForm(`/cases/${caseId}/files`, form);
  } catch (error) {
    throw withLimit(error);
  }
}

/** Evidence files of the case: download them, and upload one more (stored encrypted). */
export function EvidencePanel({ caseId, abilities }: { caseId: string; abilities: Record<string, boolean> }) {
  const { t, i18n: current } = useTranslation();
  const locale = current.language || 'en';
  const format = useFormat();
  const client = useQueryClient();
  const key = ['case', caseId, 'files'];
  const files = useQuery({
    queryKey: key,
    queryFn: async () => (await api<{ data: EvidenceFile[] }>(`/cases/${caseId}/files`)).data,
    enabled: !!abilities.readFiles,
  });
  const upload = useMutation({
    mutationFn: (file: File) => uploadEvidence(caseId, file),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
  if (!abilities.readFiles && !abilities.uploadFile) return null;
  const submit = (event: FormEvent<HTMLDivElement>) => {
    event.preventDefault();
    const target = event.currentTarget as unknown as HTMLFormElement;
    const file = new FormData(target).get('file');
    if (file instanceof File) upload.mutate(file, { onSuccess: () => target.reset() });
  };
  return (
    <Panel title={t('Evidence')} error={files.error}>
      {files.data?.length === 0 && <Text c="dimmed">{t('No files yet.')}</Text>}
      <PlainList label={t('Evidence')}>
        {files.data?.map((f) => (
          <Stack key={f.id} component="li" gap={2}>
            {f.name === null ? (
              <Text>{t('This file can no longer be read.')}</Text>
            ) : (
              <Anchor href={f.url} dir="auto" style={{ overflowWrap: 'anywhere' }}>
                {f.name}
              </Anchor>
            )}
            <Text size="sm" c="dimmed">
              {formatSize(f.size, locale)} · <bdi>{f.contentType}</bdi> · {format.dateTime(f.createdAt)}
            </Text>
          </Stack>
        ))}
      </PlainList>
      {abilities.uploadFile && (
        <Stack component="form" gap="sm" onSubmit={submit} aria-label={t('Upload evidence')}>
          <Text component="label" htmlFor={`evidence-file-${caseId}`} fw={500} size="sm">
            {t('Evidence file')}
          </Text>
          <input id={`evidence-file-${caseId}`} name="file" type="file" required />
          <ProblemAlert error={upload.error} />
          <Group>
            <Button type="submit" loading={upload.isPending}>
              {t('Upload')}
            </Button>
          </Group>
        </Stack>
      )}
    </Panel>
  );
}
