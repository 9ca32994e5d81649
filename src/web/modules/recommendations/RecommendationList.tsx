import { Anchor, Badge, Button, Card, Group, Loader, NativeSelect, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, queryString } from '../../app/api.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { PlainList } from '../../ui/Panel.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { countryOptions, useCountries } from '../directory/lookups.ts';
import { BASE, STATUSES, statusColor, statusLabel, useRecommendationOptions } from './labels.ts';
import type { RecommendationListItem } from './types.ts';

/** Recommendations of the dialogues this person sees, filtered by dialogue, status, country and theme. */
export function RecommendationList() {
  const { t } = useTranslation();
  const options = useRecommendationOptions();
  const countries = useCountries();
  const [dialogue, setDialogue] = useState('');
  const [status, setStatus] = useState('');
  const [country, setCountry] = useState('');
  const [theme, setTheme] = useState('');
  const filters = { dialogue, status, country, theme, limit: 500 };
  const list = useQuery({
    queryKey: ['recommendations', filters],
    queryFn: () => api<{ data: RecommendationListItem[] }>(`/recommendations${queryString(filters)}`),
  });
  const publicQuery = new URLSearchParams(
    Object.entries({ dialogue, status, country, theme }).filter(([, v]) => v),
  ).toString();
  const canAdd = options.data?.dialogues.some((d) => d.canAdd);
  return (
    <>
      <PageHeader
        title={t('Recommendations')}
        lead={t(
          'Recommendations adopted in dialogues with governments and their missions, and how far each has come.',
        )}
        actions={
          <Group>
            <Button
              component="a"
              href={`/recommendations${publicQuery ? `?${publicQuery}` : ''}`}
              variant="light"
            >
              {t('Public tracker')}
            </Button>
            {canAdd && (
              <Button component={Link} to={`${BASE}/new`}>
                {t('New recommendation')}
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
          aria-label={t('Filter recommendations')}
          onSubmit={(e) => e.preventDefault()}
        >
          <NativeSelect
            label={t('Dialogue')}
            value={dialogue}
            onChange={(e) => setDialogue(e.currentTarget.value)}
            data={[
              { value: '', label: t('All dialogues') },
              ...(options.data?.dialogues ?? []).map((d) => ({ value: d.id, label: d.title })),
            ]}
            maw={280}
          />
          <NativeSelect
            label={t('Status')}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value)}
            data={[
              { value: '', label: t('All statuses') },
              ...STATUSES.map((s) => ({ value: s, label: statusLabel(t, s) })),
            ]}
          />
          <NativeSelect
            label={t('Country')}
            value={country}
            onChange={(e) => setCountry(e.currentTarget.value)}
            data={[{ value: '', label: t('All countries') }, ...countryOptions(countries.data)]}
            maw={220}
          />
          <NativeSelect
            label={t('Theme')}
            value={theme}
            onChange={(e) => setTheme(e.currentTarget.value)}
            data={[
              { value: '', label: t('All themes') },
              ...(options.data?.themes ?? []).map((x) => ({ value: x.code, label: x.label })),
            ]}
            maw={260}
          />
        </Group>
        <ProblemAlert error={list.error} />
        {list.isPending && <Loader aria-label={t('Loading')} />}
        {list.data?.data.length === 0 && <Text c="dimmed">{t('No recommendations match.')}</Text>}
        <PlainList label={t('Recommendations')}>
          {list.data?.data.map((r) => (
            <Card component="li" withBorder key={r.id}>
              <Stack gap={4}>
                <Anchor component={Link} to={`${BASE}/${r.id}`} fw={600}>
                  {r.text.length > 200 ? `${r.text.slice(0, 200)}…` : r.text}
                </Anchor>
                <Group gap="xs">
                  <Badge color={statusColor[r.status]} variant="light">
                    {statusLabel(t, r.status)}
                  </Badge>
                  {r.demonstration && (
                    <Badge color="yellow" variant="outline">
                      {t('Demonstration data')}
                    </Badge>
                  )}
                </Group>
                <Text size="sm">
                  {t('Addressed to')}: {r.addressee.name} · {r.dialogue.title}
                  {r.countries.length > 0 ? ` · ${r.countries.map((c) => c.name).join(', ')}` : ''}
                </Text>
              </Stack>
            </Card>
          ))}
        </PlainList>
      </Stack>
    </>
  );
}
