import { Badge, Button, Group, NativeSelect, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/roles.ts';
import { useFormat } from '../../app/format.ts';
import { assignableRoles, roleLabels } from '../../ui/roles.ts';
import type { UserRow } from './types.ts';

export interface UserChange {
  user: UserRow;
  role?: Role;
  disabled?: boolean;
}

/** One account; its buttons appear only when the server's abilities for this row allow them. */
export function UserCard({
  user,
  busy,
  onChange,
  onResetTwoFactor,
  network,
}: {
  user: UserRow;
  /** The viewer is a network administrator: may give the network administrator role. */
  network: boolean;
  busy: boolean;
  onChange: (change: UserChange) => void;
  onResetTwoFactor: (user: UserRow) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const locked = user.lockedUntil && new Date(user.lockedUntil) > new Date();
  return (
    <Paper withBorder p="md" component="li">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={2} style={{ minWidth: 0, flex: '1 1 220px' }}>
          <Text fw={600}>{user.name}</Text>
          <Text size="sm" className="wrap-anywhere">
            {user.email}
          </Text>
          <Text size="sm" c="dimmed">
            {user.organisationName}
          </Text>
          <Group gap={6} mt={4}>
            {!user.abilities.update && <Badge variant="light">{t(roleLabels[user.role] ?? user.role)}</Badge>}
            <Badge variant="light" color={user.totpEnabled ? 'green' : 'gray'}>
              {user.totpEnabled ? t('2FA on') : t('2FA off')}
            </Badge>
            {user.disabled && (
              <Badge variant="light" color="red">
                {t('Suspended')}
              </Badge>
            )}
            {locked && (
              <Badge variant="light" color="orange">
                {t('Locked until {{time}}', { time: format.dateTime(user.lockedUntil) })}
              </Badge>
            )}
          </Group>
        </Stack>
        {(user.abilities.update || user.abilities.resetTwoFactor) && (
          <Stack gap="xs" style={{ flex: '0 1 220px' }}>
            {user.abilities.update && (
              <NativeSelect
                label={t('Role')}
                size="sm"
                disabled={busy}
                value={user.role}
                onChange={(e) => onChange({ user, role: e.currentTarget.value as Role })}
                data={assignableRoles(network).map((r) => ({ value: r, label: t(roleLabels[r]) }))}
              />
            )}
            <Group gap="xs">
              {user.abilities.update && (
                <Button
                  size="xs"
                  variant="light"
                  color={user.disabled ? 'tulay' : 'red'}
                  disabled={busy}
                  onClick={() => onChange({ user, disabled: !user.disabled })}
                >
                  {user.disabled ? t('Reactivate') : t('Suspend')}
                </Button>
              )}
              {user.abilities.resetTwoFactor && user.totpEnabled && (
                <Button
                  size="xs"
                  variant="light"
                  color="gray"
                  disabled={busy}
                  onClick={() => onResetTwoFactor(user)}
                >
                  {t('Reset 2FA')}
                </Button>
              )}
            </Group>
          </Stack>
        )}
      </Group>
    </Paper>
  );
}
