import { Anchor, Box, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EventListItem } from './types.ts';

/**
 * A month as a list of its days that have events (a 7-column grid is unreadable at 360 px):
 * each event appears on every local day it covers, in the event's own zone.
 */
export function MonthView({ month, events }: { month: string; events: EventListItem[] }) {
  const { t, i18n } = useTranslation();
  const [y, m] = month.split('-').map(Number);
  const daysInMonth = new Date(Date.UTC(y!, m!, 0)).getUTCDate();
  const days = Array.from({ length: daysInMonth }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
  const on = (day: string) =>
    events.filter((e) => e.startsLocal.slice(0, 10) <= day && day <= e.endsLocal.slice(0, 10));
  const title = new Intl.DateTimeFormat(i18n.language, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y!, m! - 1, 1)));
  const busy = days.filter((d) => on(d).length > 0);
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {title}
      </Title>
      {busy.length === 0 && <Text c="dimmed">{t('No events this month.')}</Text>}
      <SimpleGrid
        cols={{ base: 1, sm: 2, lg: 3 }}
        spacing="sm"
        component="ol"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
        aria-label={title}
      >
        {busy.map((day) => (
          <Box
            component="li"
            key={day}
            p="xs"
            style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 6 }}
          >
            <Text fw={700} size="sm">
              {new Intl.DateTimeFormat(i18n.language, {
                weekday: 'short',
                day: 'numeric',
                month: 'short',
                timeZone: 'UTC',
              }).format(new Date(`${day}T00:00:00Z`))}
            </Text>
            <Stack gap={2}>
              {on(day).map((e) => (
                <Anchor
                  key={e.id}
                  component={Link}
                  to={`/convenings/${e.id}`}
                  size="sm"
                  style={{ overflowWrap: 'anywhere' }}
                >
                  {e.startsLocal.slice(0, 10) === day ? `${e.startsLocal.slice(11)} ` : ''}
                  {e.title}
                </Anchor>
              ))}
            </Stack>
          </Box>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
