import {
  Alert,
  Anchor,
  Button,
  Group,
  Loader,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ROLES } from '../../../shared/roles.ts';
import { ApiError, api, patch, post, queryString } from '../../app/api.ts';
import { can, useMe } from '../../app/session.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { LoadMore } from '../../ui/LoadMore.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { roleLabels } from '../../ui/roles.ts';
import { InviteForm } from './InviteForm.tsx';
import { PendingInvitations } from './PendingInvitations.tsx';
import { RolesCard } from './RolesCard.tsx';
import type { UserRow } from './types.ts';
import { UserCard, type UserChange } from './UserCard.tsx';

/**
 * Account administration: search, invite, change role, suspend, reset 2FA, and role 2FA rules. An
 * organisation's administrator sees and manages their own organisation; a network administrator all.
 */
export function UsersPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const client = useQueryClient();
  const [q, setQ] = useState('');
  const [role, setRole] = useState('');
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const [inviting, setInviting] = useState(false);
  const [invited, setInvited] = useState<string | null>(null);
  const [resetting, setResetting] = useState<UserRow | null>(null);
  const [reason, setReason] = useState('');
  const network = can(me?.abilities, 'user', 'actAcrossOrganisations');

  const users = useInfiniteQuery({
    queryKey: ['users', debouncedQ, role],
    queryFn: ({ pageParam }) =>
      api<{ data: UserRow[]; nextCursor: string | null }>(
        `/users${queryString({ q: debouncedQ, role, limit: 50, cursor: pageParam })}`,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const refresh = () => client.invalidateQueries({ queryKey: ['users'] });
  const update = useMutation({
    mutationFn: ({ user, ...change }: UserChange) =>
      patch(`/users/${user.id}`, { ...change, version: user.version }),
    onSuccess: refresh,
  });
  const resetTwoFactor = useMutation({
    mutationFn: (user: UserRow) => post(`/users/${user.id}/two-factor/reset`, { reason: reason.trim() }),
    onSuccess: () => {
      setResetting(null);
      setReason('');
      return refresh();
    },
  });

  const conflict = update.error instanceof ApiError && update.error.code === 'version_conflict';
  const rows = users.data?.pages.flatMap((p) => p.data) ?? [];

  return (
    <>
      <PageHeader
        title={t('Users')}
        lead={
          network
            ? t('Everyone who can sign in to Tulay, and what they may do.')
            : t('Everyone in {{organisation}} who can sign in to Tulay, and what they may do.', {
                organisation: me?.organisation.name ?? '',
              })
        }
        actions={
          can(me?.abilities, 'user', 'invite') && (
            <Button onClick={() => setInviting(true)}>{t('Invite someone')}</Button>
          )
        }
      />
      <Stack gap="md">
        {invited && (
          <Alert
            color="green"
            role="status"
            withCloseButton
            onClose={() => setInvited(null)}
            closeButtonLabel={t('Close')}
          >
            {t('Invitation sent to {{email}}.', { email: invited })}{' '}
            {can(me?.abilities, 'outbox', 'read') && (
              <Anchor component={Link} to="/outbox">
                {t('See it in the outbox')}
              </Anchor>
            )}
          </Alert>
        )}
        {conflict ? (
          <Alert color="orange" role="alert" title={(update.error as ApiError).problem.title}>
            <Button
              size="xs"
              mt="xs"
              variant="light"
              onClick={() => {
                update.reset();
                void refresh();
              }}
            >
              {t('Reload')}
            </Button>
          </Alert>
        ) : (
          <ProblemAlert error={update.error} />
        )}
        <Group gap="sm" align="flex-end" role="search" aria-label={t('Filter users')}>
          <TextInput
            label={t('Search')}
            placeholder={t('Name or email')}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            style={{ flex: '1 1 220px' }}
          />
          <NativeSelect
            label={t('Role')}
            value={role}
            onChange={(e) => setRole(e.currentTarget.value)}
            data={[
              { value: '', label: t('All roles') },
              ...ROLES.map((r) => ({ value: r, label: t(roleLabels[r]) })),
            ]}
            style={{ flex: '0 1 200px' }}
          />
        </Group>
        <ProblemAlert error={users.error} />
        {users.isPending && <Loader aria-label={t('Loading')} />}
        {users.isSuccess && rows.length === 0 && <Text c="dimmed">{t('No users match.')}</Text>}
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('Users')}>
          {rows.map((u) => (
            <UserCard
              key={u.id}
              user={u}
              busy={update.isPending}
              onChange={(change) => update.mutate(change)}
              onResetTwoFactor={setResetting}
              network={network}
            />
          ))}
        </Stack>
        <LoadMore list={users} />
        {can(me?.abilities, 'user', 'listInvitations') && <PendingInvitations showOrganisation={network} />}
        {can(me?.abilities, 'roleSetting', 'list') && (
          <RolesCard editable={can(me?.abilities, 'roleSetting', 'update')} />
        )}
      </Stack>

      <Dialog opened={inviting} onClose={() => setInviting(false)} title={t('Invite someone')}>
        <InviteForm
          onDone={(email) => {
            setInviting(false);
            setInvited(email);
            void refresh();
            void client.invalidateQueries({ queryKey: ['invitations'] });
          }}
        />
      </Dialog>
      <Dialog
        opened={resetting !== null}
        onClose={() => {
          setResetting(null);
          setReason('');
        }}
        title={t('Reset two-factor authentication?')}
      >
        <Stack>
          <Text size="sm">
            {t(
              '{{name}} will be signed out and emailed a link to set up two-factor authentication again. Do this only after checking who is asking, for example by phone.',
              {
                name: resetting?.name ?? '',
              },
            )}
          </Text>
          <Textarea
            label={t('Reason')}
            description={t(
              'Why, and how you checked who asked. It is sent to the person and kept in the audit log.',
            )}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            minLength={10}
            maxLength={500}
            autosize
            minRows={2}
            required
          />
          <ProblemAlert error={resetTwoFactor.error} />
          <Group justify="flex-end">
            <Button variant="subtle" color="gray" onClick={() => setResetting(null)}>
              {t('Cancel')}
            </Button>
            <Button
              color="red.9"
              loading={resetTwoFactor.isPending}
              disabled={reason.trim().length < 10}
              onClick={() => resetting && resetTwoFactor.mutate(resetting)}
            >
              {t('Reset 2FA')}
            </Button>
          </Group>
        </Stack>
      </Dialog>
    </>
  );
}
