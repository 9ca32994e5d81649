import { Anchor, Badge, Button, Card, Group, Loader, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useNavigate, useParams } from 'react-router';
import { api } from '../../app/api.ts';
import { can, useMe } from '../../app/session.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { PublicationDetail } from './PublicationDetail.tsx';
import { PublicationForm } from './PublicationForm.tsx';
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
  return (
    <>
      <PageHeader title={t('Add a publication')} />
      <PublicationForm onSaved={(p) => navigate(`/library/${p.id}`)} />
    </>
  );
}

function EditPublication() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const publication = useQuery({
    queryKey: ['publication', id],
    queryFn: async () => (await api<{ data: Publication }>(`/publications/${id}`)).data,
  });
  if (publication.isPending) return <Loader aria-label={t('Loading')} />;
  if (publication.error) return <ProblemAlert error={publication.error} />;
  return (
    <>
      <PageHeader title={t('Edit the publication')} lead={publication.data.localTitle} />
      <PublicationForm
        publication={publication.data}
        onSaved={(p) => {
          client.setQueryData(['publication', id], p);
          void client.invalidateQueries({ queryKey: ['publications'] });
          navigate(`/library/${p.id}`);
        }}
      />
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
      <Route path=":id/edit" element={<EditPublication />} />
    </Routes>
  );
}
