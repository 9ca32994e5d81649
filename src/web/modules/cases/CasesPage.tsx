import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, queryString } from '../../app/api.ts';
import { useFormat } from '../../app/format.ts';
import { can, useMe } from '../../app/session.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { IncomingReferrals } from './IncomingReferrals.tsx';
import { STATUS_LABELS } from './labels.ts';
import type { CaseListItem } from './types.ts';

/** The cases the signed-in person may see: never a client's identity in the list. */
export function CasesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const [q, setQ] = useState('');
  const list = useQuery({
    queryKey: ['cases', q],
    queryFn: () => api<{ data: CaseListItem[] }>(`/cases${queryString({ q, limit: 100 })}`),
  });
  return (
    <Stack>
      <PageHeader
        title={t('Cases')}
        lead={t('Cases you are assigned to, supervise, or that were referred to you.')}
        actions={
          can(me.data?.abilities, 'case', 'create') && (
            <Button component={Link} to="/cases/new">
              {t('New case')}
            </Button>
          )
        }
      />
      <IncomingReferrals />
      <Group>
        <TextInput
          label={t('Search')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          placeholder={t('Reference, employer, agency, sector')}
          style={{ flex: 1, minWidth: 0 }}
        />
        <Button
          component="a"
          href={`/api/v1/cases${queryString({ q, format: 'csv' })}`}
          variant="default"
          mt="xl"
        >
          {t('Export CSV')}
        </Button>
      </Group>
      <ProblemAlert error={list.error} />
      {list.data && list.data.data.length === 0 && <Text c="dimmed">{t('No cases.')}</Text>}
      {list.data && list.data.data.length > 0 && (
        // On a phone, one card per case: a four-column table would clip its status and dates.
        <Stack
          component="ul"
          gap="xs"
          hiddenFrom="sm"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('Cases')}
        >
          {list.data.data.map((c) => (
            <Paper component="li" key={c.id} withBorder p="sm">
              <Anchor component={Link} to={`/cases/${c.id}`} fw={600}>
                {c.title ?? c.reference}
              </Anchor>
              <Text size="xs" c="dimmed" dir="ltr" ta="start">
                {c.reference}
              </Text>
              <Group gap="xs" mt={4} wrap="wrap">
                <Badge variant="light" style={{ maxWidth: '100%' }}>
                  {t(STATUS_LABELS[c.status] ?? c.status)}
                </Badge>
                <Text
                  size="sm"
                  dir="ltr"
                >{`${c.originCountry ?? '?'} → ${c.destinationCountry ?? '?'}`}</Text>
                <Text size="sm" c="dimmed">
                  {format.dateTime(c.updatedAt)}
                </Text>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      {list.data && list.data.data.length > 0 && (
        <Table.ScrollContainer minWidth={480} visibleFrom="sm">
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('Case')}</Table.Th>
                <Table.Th>{t('Status')}</Table.Th>
                <Table.Th>{t('Corridor')}</Table.Th>
                <Table.Th>{t('Updated')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.data.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/cases/${c.id}`}>
                      {c.title ?? c.reference}
                    </Anchor>
                    <Text size="xs" c="dimmed" dir="ltr">
                      {c.reference}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light">{t(STATUS_LABELS[c.status] ?? c.status)}</Badge>
                  </Table.Td>
                  <Table.Td dir="ltr">{`${c.originCountry ?? '?'} → ${c.destinationCountry ?? '?'}`}</Table.Td>
                  <Table.Td>{format.dateTime(c.updatedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
