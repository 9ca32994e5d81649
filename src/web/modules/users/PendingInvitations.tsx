import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/roles.ts';
import { api, del, post, queryString } from '../../app/api.ts';
import { useFormat } from '../../app/format.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { LoadMore } from '../../ui/LoadMore.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { roleLabels } from '../../ui/roles.ts';

/** A row of GET /api/v1/users/invitations. */
interface Invitation {
  id: string;
  email: string;
  role: Role;
  organisationName: string;
  invitedByName: string | null;
  createdAt: string;
  expiresAt: string;
  expired: boolean;
  abilities: { resend: boolean; revoke: boolean };
}

/**
 * Invitations nobody has accepted yet: sent again with a fresh link (the old one stops working) or
 * revoked. An organisation's administrator sees their organisation's; a network administrator all.
 */
export function PendingInvitations({ showOrganisation }: { showOrganisation: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const client = useQueryClient();
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  const [resent, setResent] = useState<string | null>(null);
  const list = useInfiniteQuery({
    queryKey: ['invitations'],
    queryFn: ({ pageParam }) =>
      api<{ data: Invitation[]; nextCursor: string | null }>(
        `/users/invitations${queryString({ limit: 50, cursor: pageParam })}`,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const refresh = () => client.invalidateQueries({ queryKey: ['invitations'] });
  const resend = useMutation({
    mutationFn: (i: Invitation) => post(`/users/invitations/${i.id}/resend`),
    onSuccess: (_, i) => {
      setResent(i.email);
      return refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: (i: Invitation) => del(`/users/invitations/${i.id}`),
    onSuccess: () => {
      setRevoking(null);
      return refresh();
    },
  });
  const rows = list.data?.pages.flatMap((p) => p.data) ?? [];

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="invitations-title">
      <Title order={2} fz="lg" id="invitations-title" mb={4}>
        {t('Pending invitations')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t(
          'Invitations nobody has accepted yet. Sending one again makes a new link; the old link stops working.',
        )}
      </Text>
      <ProblemAlert error={list.error ?? resend.error} />
      {resent && (
        <Alert
          color="green"
          role="status"
          mb="sm"
          withCloseButton
          onClose={() => setResent(null)}
          closeButtonLabel={t('Close')}
        >
          {t('Invitation sent to {{email}}.', { email: resent })}
        </Alert>
      )}
      {list.isSuccess && rows.length === 0 && <Text c="dimmed">{t('No pending invitations.')}</Text>}
      <Stack
        gap="sm"
        component="ul"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
        aria-label={t('Pending invitations')}
      >
        {rows.map((i) => (
          <Paper key={i.id} component="li" withBorder p="sm">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Stack gap={2} style={{ minWidth: 0, flex: '1 1 220px' }}>
                <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {i.email}
                </Text>
                <Text size="sm">
                  {t(roleLabels[i.role] ?? i.role)}
                  {showOrganisation ? ` · ${i.organisationName}` : ''}
                </Text>
                <Text size="sm" c="dimmed">
                  {i.invitedByName
                    ? t('Invited by {{name}} on {{date}}', {
                        name: i.invitedByName,
                        date: format.dateTime(i.createdAt),
                      })
                    : t('Invited on {{date}}', { date: format.dateTime(i.createdAt) })}
                </Text>
                {i.expired ? (
                  <Badge color="orange.9" variant="light">
                    {t('Link expired')}
                  </Badge>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('Link works until {{date}}', { date: format.dateTime(i.expiresAt) })}
                  </Text>
                )}
              </Stack>
              <Group gap="xs">
                {i.abilities.resend && (
                  <Button
                    size="xs"
                    variant="light"
                    loading={resend.isPending && resend.variables?.id === i.id}
                    onClick={() => resend.mutate(i)}
                    aria-label={t('Send the invitation to {{email}} again', { email: i.email })}
                  >
                    {t('Send again')}
                  </Button>
                )}
                {i.abilities.revoke && (
                  <Button
                    size="xs"
                    variant="light"
                    color="red"
                    onClick={() => setRevoking(i)}
                    aria-label={t('Revoke the invitation to {{email}}', { email: i.email })}
                  >
                    {t('Revoke invitation')}
                  </Button>
                )}
              </Group>
            </Group>
          </Paper>
        ))}
      </Stack>
      <LoadMore list={list} />
      <Dialog
        opened={revoking !== null}
        onClose={() => setRevoking(null)}
        title={t('Revoke this invitation?')}
      >
        <Stack>
          <Text size="sm">
            {t('The link sent to {{email}} stops working. You can invite them again later.', {
              email: revoking?.email ?? '',
            })}
          </Text>
          <ProblemAlert error={revoke.error} />
          <Group justify="flex-end">
            <Button variant="subtle" color="gray" onClick={() => setRevoking(null)}>
              {t('Cancel')}
            </Button>
            <Button
              color="red.9"
              loading={revoke.isPending}
              onClick={() => revoking && revoke.mutate(revoking)}
            >
              {t('Revoke invitation')}
            </Button>
          </Group>
        </Stack>
      </Dialog>
    </Paper>
  );
}
