import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Loader,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useNavigate } from 'react-router';
import { api, post } from '../../app/api.ts';
import { can, useMe } from '../../app/session.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { useTerms } from '../directory/lookups.ts';
import { ProgrammePicker } from '../programmes/ProgrammePicker.tsx';
import { PublicationDetail } from './PublicationDetail.tsx';
import type { Publication, PublicationRow } from './types.ts';

function PublicationList() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const list = useQuery({
    queryKey: ['publications'],
    queryFn: () => api<{ data: PublicationRow[] }>('/publications?limit=100'),
  });
  return (
    <>
      <PageHeader
        title={t('Library')}
        lead={t('Research, policy briefs, yearbooks, reports, statements and training material.')}
        actions={
          can(me?.abilities, 'publication', 'create') && (
            <Button component={Link} to="/library/new">
              {t('Add a publication')}
            </Button>
          )
        }
      />
      <ProblemAlert error={list.error} />
      {list.isPending && <Loader aria-label={t('Loading')} />}
      {list.data?.data.length === 0 && <Text c="dimmed">{t('No publications yet.')}</Text>}
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('Publications')}>
        {list.data?.data.map((p) => (
          <Card component="li" withBorder key={p.id} padding="sm">
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Anchor
                component={Link}
                to={`/library/${p.id}`}
                fw={600}
                style={{ minWidth: 0, overflowWrap: 'anywhere' }}
              >
                {p.title}
              </Anchor>
              <Badge variant="light">{p.isPublic ? t('Public') : t('Private')}</Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {p.publishedOn ?? ''}
            </Text>
          </Card>
        ))}
      </Stack>
    </>
  );
}

function NewPublication() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const types = useTerms('publication_type');
  const [title, setTitle] = useState('');
  const [typeCode, setTypeCode] = useState('policy_brief');
  const [abstract, setAbstract] = useState('');
  const [publishedOn, setPublishedOn] = useState('');
  const [isPublic, setIsPublic] = useState(true);
  const [programmeId, setProgrammeId] = useState('');
  const save = useMutation({
    mutationFn: async () =>
      (
        await post<{ data: Publication }>('/publications', {
          title,
          typeCode,
          abstract,
          isPublic,
          ...(publishedOn ? { publishedOn } : {}),
          ...(programmeId ? { programmeId } : {}),
        })
      ).data,
    onSuccess: (p) => navigate(`/library/${p.id}`),
  });
  return (
    <>
      <PageHeader title={t('Add a publication')} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack>
          <ProblemAlert error={save.error} />
          <TextInput
            label={t('Title')}
            required
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          <NativeSelect
            label={t('Type')}
            value={typeCode}
            onChange={(e) => setTypeCode(e.currentTarget.value)}
            data={(types.data ?? []).map((x) => ({ value: x.code, label: x.label }))}
          />
          <Textarea
            label={t('Abstract')}
            autosize
            minRows={3}
            value={abstract}
            onChange={(e) => setAbstract(e.currentTarget.value)}
          />
          <TextInput
            label={t('Date (YYYY, YYYY-MM or YYYY-MM-DD)')}
            value={publishedOn}
            onChange={(e) => setPublishedOn(e.currentTarget.value)}
          />
          <ProgrammePicker value={programmeId} onChange={setProgrammeId} />
          <Checkbox
            label={t('Public: anyone may find and download it')}
            checked={isPublic}
            onChange={(e) => setIsPublic(e.currentTarget.checked)}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {t('Save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}

/** The publications library for staff: list, add, upload files. */
export function LibraryPage() {
  return (
    <Routes>
      <Route index element={<PublicationList />} />
      <Route path="new" element={<NewPublication />} />
      <Route path=":id" element={<PublicationDetail />} />
    </Routes>
  );
}
