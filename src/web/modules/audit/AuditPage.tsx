import { Badge, Button, Code, Group, Loader, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, queryString } from '../../app/api.ts';
import { msg } from '../../app/capability.ts';
import { useFormat } from '../../app/format.ts';
import { LoadMore } from '../../ui/LoadMore.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Picker } from '../../ui/Pickers.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';

type AuditEvent = {
  id: number;
  at: string;
  actorEmail: string | null;
  action: string;
  resourceType: string | null;
  resourceId: string | null;
  outcome: 'success' | 'denied' | 'failed';
  status: number | null;
  ip: string | null;
};
type Page = { data: AuditEvent[]; nextCursor: string | null };
type Filters = { q: string; action: string; outcome: string; from: string; to: string };

const outcomes = {
  success: { label: msg('Success'), color: 'green' },
  denied: { label: msg('Denied'), color: 'orange' },
  failed: { label: msg('Failed'), color: 'red' },
} as const;

/** Dates from the form are whole local days; the API takes instants. */
function toParams(f: Filters) {
  return {
    q: f.q.trim(),
    action: f.action.trim(),
    outcome: f.outcome,
    from: f.from ? new Date(`${f.from}T00:00:00`).toISOString() : undefined,
    to: f.to ? new Date(`${f.to}T23:59:59.999`).toISOString() : undefined,
  };
}

const empty: Filters = { q: '', action: '', outcome: '', from: '', to: '' };

/** The audit log, newest first, with the same filters driving the list and the CSV export. */
export function AuditPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [draft, setDraft] = useState<Filters>(empty);
  const [applied, setApplied] = useState<Filters>(empty);
  const params = toParams(applied);
  const events = useInfiniteQuery({
    queryKey: ['audit', params],
    queryFn: ({ pageParam }) =>
      api<Page>(`/audit${queryString({ ...params, limit: 50, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setApplied(draft);
  };
  const rows = events.data?.pages.flatMap((p) => p.data) ?? [];

  return (
    <>
      <PageHeader
        title={t('Audit log')}
        lead={t(
          'Every sign-in, change and refusal, newest first. The export contains exactly what the filters select.',
        )}
        actions={
          <Button
            component="a"
            variant="light"
            href={`/api/v1/audit${queryString({ ...params, format: 'csv' })}`}
            download
          >
            {t('Export CSV')}
          </Button>
        }
      />
      <Paper
        withBorder
        p="md"
        mb="md"
        component="form"
        onSubmit={submit}
        role="search"
        aria-label={t('Filter the audit log')}
      >
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
          <TextInput
            label={t('Search')}
            description={t('Email, action, record or address')}
            value={draft.q}
            onChange={(e) => setDraft({ ...draft, q: e.currentTarget.value })}
          />
          <TextInput
            label={t('Action starts with')}
            description={t('For example auth. or user.')}
            value={draft.action}
            onChange={(e) => setDraft({ ...draft, action: e.currentTarget.value })}
            dir="ltr"
          />
          <Picker
            label={t('Outcome')}
            searchable={false}
            description={t('Success, denied or failed')}
            data={[
              { value: '', label: t('Any outcome') },
              ...Object.entries(outcomes).map(([value, o]) => ({ value, label: t(o.label) })),
            ]}
            value={draft.outcome}
            onChange={(value) => setDraft({ ...draft, outcome: value ?? '' })}
            allowDeselect={false}
          />
          <TextInput
            type="date"
            label={t('From')}
            value={draft.from}
            onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })}
          />
          <TextInput
            type="date"
            label={t('To')}
            value={draft.to}
            onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value })}
          />
          <Group align="flex-end" gap="xs">
            <Button type="submit">{t('Apply filters')}</Button>
            <Button
              variant="subtle"
              onClick={() => {
                setDraft(empty);
                setApplied(empty);
              }}
            >
              {t('Clear')}
            </Button>
          </Group>
        </SimpleGrid>
      </Paper>
      <ProblemAlert error={events.error} />
      {events.isPending && <Loader aria-label={t('Loading')} />}
      {events.isSuccess && rows.length === 0 && <Text c="dimmed">{t('No events match these filters.')}</Text>}
      <Stack gap={0} component="ol" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('Audit events')}>
        {rows.map((e) => (
          <Paper key={e.id} component="li" withBorder radius={0} p="sm" style={{ marginTop: -1 }}>
            <Group justify="space-between" gap="xs" wrap="wrap">
              <Group gap="xs" wrap="wrap" style={{ minWidth: 0 }}>
                <Code dir="ltr">{e.action}</Code>
                <Badge color={outcomes[e.outcome]?.color ?? 'gray'} variant="light">
                  {t(outcomes[e.outcome]?.label ?? e.outcome)}
                </Badge>
              </Group>
              <Text size="xs" c="dimmed">
                <time dateTime={e.at}>{format.dateTime(e.at)}</time>
              </Text>
            </Group>
            <Text size="sm" mt={4} className="wrap-anywhere">
              {e.actorEmail ?? t('Anonymous')}
              {e.resourceType ? ` · ${e.resourceType}${e.resourceId ? ` ${e.resourceId}` : ''}` : ''}
              {e.ip ? ` · ${e.ip}` : ''}
            </Text>
          </Paper>
        ))}
      </Stack>
      <LoadMore list={events} />
    </>
  );
}
