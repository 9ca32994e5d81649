import { Anchor, Badge, Button, FileInput, Group, Loader, NativeSelect, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../app/api.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { ProgrammeLink } from '../programmes/ProgrammePicker.tsx';
import type { Publication } from './types.ts';
import { uploadFile } from './upload.ts';

/** A publication with its files: upload new files and new versions, download, preview. */
export function PublicationDetail() {
  const { t } = useTranslation();
  const { id } = useParams();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [replaces, setReplaces] = useState('');
  const publication = useQuery({
    queryKey: ['publication', id],
    queryFn: async () => (await api<{ data: Publication }>(`/publications/${id}`)).data,
  });
  const upload = useMutation({
    mutationFn: () => uploadFile(id!, file!, replaces || undefined),
    onSuccess: () => {
      setFile(null);
      setReplaces('');
      return client.invalidateQueries({ queryKey: ['publication', id] });
    },
  });
  if (publication.isPending) return <Loader aria-label={t('Loading')} />;
  if (publication.error) return <ProblemAlert error={publication.error} />;
  const p = publication.data;
  return (
    <>
      <PageHeader
        title={p.localTitle}
        lead={p.type.label}
        actions={<Badge variant="light">{p.isPublic ? t('Public') : t('Private')}</Badge>}
      />
      <Stack>
        <Anchor component={Link} to="/library">
          {t('All publications')}
        </Anchor>
        {p.isPublic && <Anchor href={`/publications/${p.id}`}>{t('See the public page')}</Anchor>}
        {p.programmeId && <ProgrammeLink id={p.programmeId} />}
        {p.abstract && <Text>{p.abstract}</Text>}
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('Files')}>
          {p.files.map((f) => (
            <Text component="li" key={f.id} size="sm">
              <Anchor href={f.downloadUrl}>{f.fileName}</Anchor> · {t('version')} {f.versionNo}
              {f.extraction === 'empty' ? ` · ${t('no text found (a scan?)')}` : ''}
              {f.extraction === 'failed'
                ? ` · ${t('text not read: the file is too large or too complex')}`
                : ''}
            </Text>
          ))}
        </Stack>
        {p.abilities.upload && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (file) upload.mutate();
            }}
          >
            <Stack gap="xs">
              <ProblemAlert error={upload.error} />
              <FileInput
                label={t('Add a file (PDF, DOCX or text, up to 100 MB)')}
                value={file}
                onChange={setFile}
                accept=".pdf,.docx,.txt,application/pdf,text/plain"
                clearable
              />
              {p.files.length > 0 && (
                <NativeSelect
                  label={t('This file is')}
                  value={replaces}
                  onChange={(e) => setReplaces(e.currentTarget.value)}
                  data={[
                    { value: '', label: t('A new file') },
                    ...p.files
                      .filter(
                        (f) =>
                          !p.files.some((o) => o.fileGroupId === f.fileGroupId && o.versionNo > f.versionNo),
                      )
                      .map((f) => ({
                        value: f.id,
                        label: t('A new version of {{name}}', { name: f.fileName }),
                      })),
                  ]}
                />
              )}
              <Group>
                <Button type="submit" disabled={!file} loading={upload.isPending}>
                  {t('Upload')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </>
  );
}
