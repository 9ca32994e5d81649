import { Badge, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, del } from '../../app/api.ts';
import { useFormat } from '../../app/format.ts';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { Section } from './AccountPage.tsx';

type Session = {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  ip: string | null;
  userAgent: string | null;
  current: boolean;
};

/** A short, human name for a browser from its user-agent string. */
function deviceName(ua: string | null): string {
  if (!ua) return '—';
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : '';
  const os = /Android/.test(ua)
    ? 'Android'
    : /iPhone|iPad/.test(ua)
      ? 'iOS'
      : /Windows/.test(ua)
        ? 'Windows'
        : /Mac OS/.test(ua)
          ? 'macOS'
          : /Linux/.test(ua)
            ? 'Linux'
            : '';
  return [browser, os].filter(Boolean).join(' · ') || ua.slice(0, 60);
}

/** Where the account is signed in; any other session can be ended from here. */
export function SessionsCard() {
  const { t } = useTranslation();
  const format = useFormat();
  const client = useQueryClient();
  const sessions = useQuery({
    queryKey: ['auth', 'sessions'],
    queryFn: () => api<{ data: Session[] }>('/auth/sessions'),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => del(`/auth/sessions/${id}`),
    onSettled: () => client.invalidateQueries({ queryKey: ['auth', 'sessions'] }),
  });
  return (
    <Section id="sessions-title" title={t('Active sessions')}>
      <ProblemAlert error={sessions.error ?? revoke.error} />
      {sessions.isPending && <Loader size="sm" aria-label={t('Loading')} />}
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {sessions.data?.data.map((s) => (
          <Group key={s.id} component="li" justify="space-between" gap="xs" wrap="wrap" py={4}>
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Group gap={6}>
                <Text size="sm" fw={600}>
                  {deviceName(s.userAgent)}
                </Text>
                {s.current && (
                  <Badge size="sm" variant="light">
                    {t('This device')}
                  </Badge>
                )}
              </Group>
              <Text size="xs" c="dimmed">
                {t('Signed in {{created}} · last active {{seen}}', {
                  created: format.dateTime(s.createdAt),
                  seen: format.dateTime(s.lastSeenAt),
                })}
                {s.ip ? ` · ${s.ip}` : ''}
              </Text>
            </Stack>
            {!s.current && (
              <Button
                size="xs"
                variant="light"
                color="red"
                loading={revoke.isPending && revoke.variables === s.id}
                onClick={() => revoke.mutate(s.id)}
              >
                {t('Revoke')}
              </Button>
            )}
          </Group>
        ))}
      </Stack>
    </Section>
  );
}
