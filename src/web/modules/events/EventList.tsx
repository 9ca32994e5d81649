import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  NativeSelect,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, queryString } from '../../app/api.ts';
import { can, useMe } from '../../app/session.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { PlainList } from '../../ui/Panel.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { countryOptions, termOptions, useCountries, useTerms } from '../directory/lookups.ts';
import { localText } from './labels.ts';
import { MonthView } from './MonthView.tsx';
import type { EventListItem } from './types.ts';

export function useEventOptions() {
  return useQuery({
    queryKey: ['events', 'options'],
    queryFn: async () =>
      (await api<{ data: { programmes: { id: string; name: string }[] } }>('/events/options')).data,
    staleTime: 300_000,
  });
}

const monthStart = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;

/** Events as a list or a month, filtered by kind, country, programme and date range. */
export function EventList() {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const kinds = useTerms('event_kind');
  const countries = useCountries();
  const options = useEventOptions();
  const [view, setView] = useState<'list' | 'month'>('list');
  const [kind, setKind] = useState('');
  const [country, setCountry] = useState('');
  const [programmeId, setProgramme] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [month, setMonth] = useState(monthStart(new Date()));
  // The month view asks for its own month; the list for the chosen range.
  const range =
    view === 'month'
      ? { from: `${month}-01T00:00:00Z`, to: nextMonth(month) }
      : { from: from ? `${from}T00:00:00Z` : undefined, to: to ? `${to}T23:59:59Z` : undefined };
  const filters = { kind, country, programmeId, ...range, limit: 500 };
  const list = useQuery({
    queryKey: ['events', filters],
    queryFn: () => api<{ data: EventListItem[] }>(`/events${queryString(filters)}`),
  });
  return (
    <>
      <PageHeader
        title={t('Events')}
        lead={t('Conferences, workshops, trainings, dialogues and caucus meetings, with their participants.')}
        actions={
          <Group>
            <Button component="a" href="/events" variant="light">
              {t('Public events')}
            </Button>
            {can(me?.abilities, 'event', 'create') && (
              <Button component={Link} to="/convenings/new">
                {t('New event')}
              </Button>
            )}
          </Group>
        }
      />
      <Stack>
        <Group
          align="end"
          wrap="wrap"
          gap="sm"
          component="form"
          aria-label={t('Filter events')}
          onSubmit={(e) => e.preventDefault()}
        >
          <NativeSelect
            label={t('Kind')}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value)}
            data={[{ value: '', label: t('All kinds') }, ...termOptions(kinds.data)]}
          />
          <NativeSelect
            label={t('Country')}
            value={country}
            onChange={(e) => setCountry(e.currentTarget.value)}
            data={[{ value: '', label: t('All countries') }, ...countryOptions(countries.data)]}
            maw={220}
          />
          <NativeSelect
            label={t('Programme')}
            value={programmeId}
            onChange={(e) => setProgramme(e.currentTarget.value)}
            data={[
              { value: '', label: t('All programmes') },
              ...(options.data?.programmes ?? []).map((p) => ({ value: p.id, label: p.name })),
            ]}
            maw={260}
          />
          {view === 'list' ? (
            <>
              <TextInput
                type="date"
                label={t('From')}
                value={from}
                onChange={(e) => setFrom(e.currentTarget.value)}
              />
              <TextInput
                type="date"
                label={t('To')}
                value={to}
                onChange={(e) => setTo(e.currentTarget.value)}
              />
            </>
          ) : (
            <TextInput
              type="month"
              label={t('Month')}
              value={month}
              onChange={(e) => e.currentTarget.value && setMonth(e.currentTarget.value)}
            />
          )}
          <NativeSelect
            label={t('View')}
            value={view}
            onChange={(e) => setView(e.currentTarget.value as 'list' | 'month')}
            data={[
              { value: 'list', label: t('List') },
              { value: 'month', label: t('Month') },
            ]}
          />
        </Group>
        <Group gap="xs">
          <Anchor href={`/events.ics`}>{t('Public calendar (iCalendar)')}</Anchor>
        </Group>
        <ProblemAlert error={list.error} />
        {list.isPending && <Loader aria-label={t('Loading')} />}
        {view === 'month' && list.data && <MonthView month={month} events={list.data.data} />}
        {view === 'list' && list.data?.data.length === 0 && <Text c="dimmed">{t('No events match.')}</Text>}
        {view === 'list' && (
          <PlainList label={t('Events')} gap="sm">
            {list.data?.data.map((e) => (
              <Card component="li" withBorder key={e.id} padding="sm">
                <Group justify="space-between" wrap="nowrap" gap="xs" align="start">
                  <Anchor
                    component={Link}
                    to={`/convenings/${e.id}`}
                    fw={600}
                    style={{ minWidth: 0, overflowWrap: 'anywhere' }}
                  >
                    {e.title}
                  </Anchor>
                  <Badge variant="light">{e.kindLabel}</Badge>
                </Group>
                <Text size="sm">
                  {localText(e.startsLocal, i18n.language)} ({e.timeZone}) ·{' '}
                  {e.online ? t('Online') : [e.city, e.countryName].filter(Boolean).join(', ')}
                </Text>
                <Text size="sm" c="dimmed">
                  {[
                    e.organisationName,
                    e.programmeName,
                    e.visibility === 'public' ? t('Public') : t('Private'),
                    e.demonstration ? t('Demonstration data') : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              </Card>
            ))}
          </PlainList>
        )}
      </Stack>
    </>
  );
}

function nextMonth(month: string) {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y!, m!, 1)).toISOString();
}
