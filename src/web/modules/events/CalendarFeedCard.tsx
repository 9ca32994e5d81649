import { Button, Code, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, post } from '../../app/api.ts';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';

/** The person's private calendar feed: turn it on (the address is shown once), renew or revoke it. */
export function CalendarFeedCard() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [url, setUrl] = useState('');
  const status = useQuery({
    queryKey: ['calendar-feed'],
    queryFn: async () => (await api<{ data: { active: boolean } }>('/account/calendar-feed')).data,
  });
  const renew = useMutation({
    mutationFn: async () => (await post<{ data: { url: string } }>('/account/calendar-feed')).data,
    onSuccess: (d) => {
      setUrl(d.url);
      void client.invalidateQueries({ queryKey: ['calendar-feed'] });
    },
  });
  const revoke = useMutation({
    mutationFn: () => api('/account/calendar-feed', { method: 'DELETE' }),
    onSuccess: () => {
      setUrl('');
      void client.invalidateQueries({ queryKey: ['calendar-feed'] });
    },
  });
  return (
    <Stack gap="sm">
      <Text size="sm">
        {t(
          'A private address for your calendar app with the events you are invited to or registered for. Anyone with the address can read it: revoke it if it leaks.',
        )}
      </Text>
      {url && (
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('Your calendar address (shown only now):')}
          </Text>
          <Code block style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
            {url}
          </Code>
        </Stack>
      )}
      {status.data && !url && (
        <Text size="sm">
          {status.data.active ? t('Your private feed is on.') : t('Your private feed is off.')}
        </Text>
      )}
      <ProblemAlert error={status.error ?? renew.error ?? revoke.error} />
      <Group>
        <Button variant="light" loading={renew.isPending} onClick={() => renew.mutate()}>
          {status.data?.active ? t('Make a new address') : t('Turn on my calendar feed')}
        </Button>
        {status.data?.active && (
          <Button variant="subtle" color="red" loading={revoke.isPending} onClick={() => revoke.mutate()}>
            {t('Revoke')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
