import { Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ALWAYS_TWO_FACTOR_ROLES, type Role } from '../../../shared/roles.ts';
import { api, patch } from '../../app/api.ts';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { roleLabels } from '../../ui/roles.ts';

type RoleSetting = { role: Role; requiresTwoFactor: boolean };

/** Which roles must use two-factor authentication (administrators always do). */
export function RolesCard({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const roles = useQuery({ queryKey: ['roles'], queryFn: () => api<{ data: RoleSetting[] }>('/roles') });
  const change = useMutation({
    mutationFn: (s: RoleSetting) => patch(`/roles/${s.role}`, { requiresTwoFactor: s.requiresTwoFactor }),
    onSettled: () => client.invalidateQueries({ queryKey: ['roles'] }),
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="roles-title">
      <Title order={2} fz="lg" id="roles-title" mb={4}>
        {t('Roles and two-factor authentication')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t(
          'People in a role that requires it must set up two-factor authentication before they can do anything else.',
        )}
      </Text>
      <ProblemAlert error={roles.error ?? change.error} />
      <Stack gap="sm">
        {roles.data?.data.map((s) => (
          <Switch
            key={s.role}
            label={t(roleLabels[s.role] ?? s.role)}
            description={
              ALWAYS_TWO_FACTOR_ROLES.includes(s.role) ? t('Administrators always need it.') : undefined
            }
            checked={s.requiresTwoFactor}
            disabled={!editable || ALWAYS_TWO_FACTOR_ROLES.includes(s.role) || change.isPending}
            onChange={(e) => change.mutate({ role: s.role, requiresTwoFactor: e.currentTarget.checked })}
          />
        ))}
      </Stack>
    </Paper>
  );
}
