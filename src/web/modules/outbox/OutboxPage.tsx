import { Badge, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useFormat } from '../../app/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';

type Mail = {
  id: string;
  to: string;
  subject: string;
  body: string;
  purpose: string;
  createdAt: string;
  sentAt: string | null;
  lastError: string | null;
};

/** Emails as Tulay queued them, with every link's secret hidden and delivered bodies dropped. */
export function OutboxPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const outbox = useQuery({
    queryKey: ['outbox'],
    queryFn: () => api<{ data: Mail[] }>('/outbox?limit=200'),
  });
  return (
    <>
      <PageHeader
        title={t('Outbox')}
        lead={t(
          'Every email Tulay sends. Links are hidden here, so nobody can use someone else’s link; a delivered email keeps only its subject. Without a mail server, create accounts from the command line instead.',
        )}
      />
      {outbox.isPending && <Loader aria-label={t('Loading')} />}
      <ProblemAlert error={outbox.error} />
      {outbox.data && outbox.data.data.length === 0 && <Text c="dimmed">{t('No emails yet.')}</Text>}
      <Stack gap="sm">
        {outbox.data?.data.map((m) => (
          <Paper key={m.id} withBorder p="md" component="article" aria-labelledby={`mail-${m.id}`}>
            <Group justify="space-between" align="flex-start" gap="xs" mb="xs">
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Text fw={600} id={`mail-${m.id}`} component="h2" fz="md" m={0}>
                  {m.subject}
                </Text>
                <Text size="sm" className="wrap-anywhere">
                  {t('To')}: {m.to}
                </Text>
              </Stack>
              {m.sentAt ? (
                <Badge color="green" variant="light">
                  {t('Sent')}
                </Badge>
              ) : (
                <Badge color="yellow" variant="light">
                  {t('Not sent')}
                </Badge>
              )}
            </Group>
            <Text
              size="sm"
              className="wrap-anywhere"
              style={{ whiteSpace: 'pre-wrap' }}
              bg="gray.0"
              p="sm"
              data-testid="mail-body"
            >
              {m.body}
            </Text>
            <Text size="xs" c="dimmed" mt="xs">
              {t('Created')}: {format.dateTime(m.createdAt)}
              {m.sentAt ? ` · ${t('Sent')}: ${format.dateTime(m.sentAt)}` : ''}
            </Text>
            {m.lastError && (
              <Text size="xs" c="red.8" mt={4}>
                {m.lastError}
              </Text>
            )}
          </Paper>
        ))}
      </Stack>
    </>
  );
}
