import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../app/api.ts';
import { useFormat } from '../../app/format.ts';
import { Panel, PlainList } from '../../ui/Panel.tsx';

interface Check {
  id: 'intake' | 'mail' | 'caseKeys' | 'backups';
  state: 'done' | 'todo';
  href?: string;
  doc?: string;
  facts: Record<string, string | number | boolean | null>;
}

/** The administrator's setup checklist: each item, its state, and where to fix it. */
export function SetupChecklist() {
  const { t } = useTranslation();
  const format = useFormat();
  const checks = useQuery({
    queryKey: ['setup-checklist'],
    queryFn: async () => (await api<{ data: Check[] }>('/setup-checklist')).data,
  });
  const titles: Record<Check['id'], string> = {
    intake: t('Intake desk'),
    mail: t('Mail'),
    caseKeys: t('Case keys'),
    backups: t('Backups'),
  };
  const explain = (c: Check): string => {
    const f = c.facts;
    switch (c.id) {
      case 'intake':
        return f.defaultHasDesk
          ? t('Requests no desk covers go to {{organisation}}, where someone receives them.', {
              organisation: f.organisation,
            })
          : t(
              'Requests no desk covers go to {{organisation}}, but nobody there is on the intake desk yet. Name someone on the Case supervisors page.',
              { organisation: f.organisation },
            );
      case 'mail':
        return f.smtp
          ? t('Mail is sent through the configured SMTP server.')
          : t('No SMTP server is configured: emails wait in the outbox. Set SMTP_URL.');
      case 'caseKeys':
        return f.configured
          ? t('Case keys come from the CASE_KEYS setting.')
          : t(
              'Case keys are in a file in the data directory and in no backup. Keep a copy elsewhere or set CASE_KEYS.',
            );
      case 'backups':
        return f.lastBackupAt
          ? t('Last backup: {{date}}.', { date: format.dateTime(String(f.lastBackupAt)) })
          : t('No backup has been made yet. Run "npx tulay backup".');
    }
  };
  if (!checks.data && !checks.error) return null;
  return (
    <Panel title={t('Setup checklist')} error={checks.error}>
      <PlainList label={t('Setup checklist')}>
        {checks.data?.map((c) => (
          <Stack key={c.id} component="li" gap={2} data-check={c.id}>
            <Group gap="xs">
              <Text fw={700} component="h3" m={0} fz="md">
                {titles[c.id]}
              </Text>
              <Badge variant="light" color={c.state === 'done' ? 'green' : 'orange'}>
                {c.state === 'done' ? t('Done') : t('To do')}
              </Badge>
            </Group>
            <Text size="sm">{explain(c)}</Text>
            <Group gap="md">
              {c.href && (
                <Anchor component={Link} to={c.href} size="sm">
                  {t('Open {{place}}', { place: titles[c.id] })}
                </Anchor>
              )}
              {c.doc && (
                <Text size="sm" c="dimmed" dir="ltr">
                  {t('See {{doc}}', { doc: c.doc })}
                </Text>
              )}
            </Group>
          </Stack>
        ))}
      </PlainList>
    </Panel>
  );
}
