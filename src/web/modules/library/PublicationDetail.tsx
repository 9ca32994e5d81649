import { Anchor, Badge, Button, FileInput, Group, Loader, NativeSelect, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, del } from '../../app/api.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { ProgrammeLink } from '../programmes/ProgrammePicker.tsx';
import type { Publication, PublicationFile } from './types.ts';
import { uploadFile } from './upload.ts';

/** A publication with its files: upload new files and new versions, download, preview. */
export function PublicationDetail() {
  const { t } = useTranslation();
  const { id } = useParams();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [replaces, setReplaces] = useState('');
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [sameNameAs, setSameNameAs] = useState<PublicationFile | null>(null);
  const navigate = useNavigate();
  const publication = useQuery({
    queryKey: ['publication', id],
    queryFn: async () => (await api<{ data: Publication }>(`/publications/${id}`)).data,
  });
  const upload = useMutation({
    mutationFn: (asVersionOf: string) => uploadFile(id!, file!, asVersionOf || undefined),
    onSuccess: () => {
      setFile(null);
      setReplaces('');
      return client.invalidateQueries({ queryKey: ['publication', id] });
    },
  });
  const remove = useMutation({
    mutationFn: () => del(`/publications/${id}?version=${publication.data!.version}`),
    onSuccess: () => {
      client.removeQueries({ queryKey: ['publication', id] });
      void client.invalidateQueries({ queryKey: ['publications'] });
      navigate('/library');
    },
  });
  if (publication.isPending) return <Loader aria-label={t('Loading')} />;
  if (publication.error) return <ProblemAlert error={publication.error} />;
  const p = publication.data;
  const latestFiles = p.files.filter(
    (f) => !p.files.some((o) => o.fileGroupId === f.fileGroupId && o.versionNo > f.versionNo),
  );
  const uploadAs = (asVersionOf: string) => {
    setSameNameAs(null);
    upload.mutate(asVersionOf);
  };
  return (
    <>
      <PageHeader
        title={p.localTitle}
        lead={p.type.label}
        actions={
          <Group gap="xs">
            <Badge variant="light">{p.isPublic ? t('Public') : t('Private')}</Badge>
            {p.abilities.update && (
              <Button component={Link} to={`/library/${p.id}/edit`} variant="light">
                {t('Edit')}
              </Button>
            )}
            {p.abilities.delete && (
              <Button variant="light" color="red" onClick={() => setConfirmingDelete(true)}>
                {t('Delete')}
              </Button>
            )}
          </Group>
        }
      />
      <Dialog
        opened={confirmingDelete}
        onClose={() => setConfirmingDelete(false)}
        title={t('Delete this publication?')}
      >
        <Stack>
          <Text size="sm">
            {t('“{{title}}” and all its files leave the library and the search. This cannot be undone.', {
              title: p.localTitle,
            })}
          </Text>
          <ProblemAlert error={remove.error} />
          <Group justify="flex-end">
            <Button variant="subtle" color="gray" onClick={() => setConfirmingDelete(false)}>
              {t('Cancel')}
            </Button>
            <Button color="red.9" loading={remove.isPending} onClick={() => remove.mutate()}>
              {t('Delete the publication')}
            </Button>
          </Group>
        </Stack>
      </Dialog>
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
              if (!file) return;
              // The same name again, sent as "a new file": ask whether it replaces the one already here.
              const sameName = latestFiles.find((f) => f.fileName === file.name);
              if (!replaces && sameName) setSameNameAs(sameName);
              else upload.mutate(replaces);
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
                    ...latestFiles.map((f) => ({
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
      <Dialog
        opened={sameNameAs !== null}
        onClose={() => setSameNameAs(null)}
        title={t('This file name is already here')}
      >
        <Stack>
          <Text size="sm">
            {t(
              '{{name}} is already in this publication (version {{version}}). Is the new file a new version of it, or a separate file?',
              {
                name: sameNameAs?.fileName ?? '',
                version: sameNameAs?.versionNo ?? 1,
              },
            )}
          </Text>
          <Group justify="flex-end">
            <Button variant="subtle" color="gray" onClick={() => setSameNameAs(null)}>
              {t('Cancel')}
            </Button>
            <Button variant="light" onClick={() => uploadAs('')}>
              {t('Add as a separate file')}
            </Button>
            <Button onClick={() => sameNameAs && uploadAs(sameNameAs.id)}>
              {t('Replace with a new version')}
            </Button>
          </Group>
        </Stack>
      </Dialog>
    </>
  );
}
