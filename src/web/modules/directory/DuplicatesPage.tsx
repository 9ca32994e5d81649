import { Anchor, Button, Card, Group, Loader, NativeSelect, Stack, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, queryString } from '../../app/api.ts';
import { useFormat } from '../../app/format.ts';
import { LoadMore } from '../../ui/LoadMore.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { PlainList } from '../../ui/Panel.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { CountryFilter } from './FilterFields.tsx';
import { countryName, useCountries } from './lookups.ts';
import { MergeDialog } from './MergeDialog.tsx';

export interface DuplicatePair {
  aId: string;
  aName: string;
  bId: string;
  bName: string;
  countryCode: string | null;
  similarity: number;
}

const THRESHOLDS = ['0.4', '0.5', '0.6', '0.7', '0.8', '0.9'];

/** Likely duplicates (similar names in one country), each pair one step away from a merge. */
export function DuplicatesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const countries = useCountries();
  const [country, setCountry] = useState('');
  const [threshold, setThreshold] = useState('0.6');
  const [merging, setMerging] = useState<DuplicatePair | null>(null);
  // The server examines a page of organisations at a time (a whole directory would take too long);
  // a page may hold few pairs or none, so more can follow an empty page.
  const pages = useInfiniteQuery({
    queryKey: ['organisations', 'duplicates', country, threshold],
    queryFn: ({ pageParam }) =>
      api<{ data: DuplicatePair[]; nextCursor: string | null }>(
        `/organisations/duplicates${queryString({ country, threshold, limit: 200, cursor: pageParam })}`,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const pairs = { ...pages, data: pages.data?.pages.flatMap((p) => p.data) };

  return (
    <>
      <PageHeader
        title={t('Possible duplicates')}
        lead={t(
          'Organisations with similar names in the same country. A merge keeps the memberships and the history of both.',
        )}
      />
      <Stack gap="md" maw={900}>
        <Group gap="sm" align="flex-end" role="search" aria-label={t('Filter possible duplicates')}>
          <CountryFilter value={country} onChange={setCountry} />
          <NativeSelect
            label={t('How similar')}
            value={threshold}
            onChange={(e) => setThreshold(e.currentTarget.value)}
            data={THRESHOLDS.map((value) => ({
              value,
              label: t('At least {{percent}}', { percent: format.percent(Number(value)) }),
            }))}
            style={{ flex: '1 1 160px' }}
          />
        </Group>
        <ProblemAlert error={pairs.error} />
        {pairs.isPending && <Loader aria-label={t('Loading')} />}
        {pairs.isSuccess && pairs.data?.length === 0 && !pages.hasNextPage && (
          <Text c="dimmed">{t('No possible duplicates at this similarity.')}</Text>
        )}
        <PlainList label={t('Possible duplicates')} gap="sm">
          {pairs.data?.map((pair) => (
            <Card key={`${pair.aId}:${pair.bId}`} component="li" withBorder padding="sm">
              <Stack gap={4}>
                <Anchor component={Link} to={`/directory/organisations/${pair.aId}`} fw={600}>
                  {pair.aName}
                </Anchor>
                <Anchor component={Link} to={`/directory/organisations/${pair.bId}`} fw={600}>
                  {pair.bName}
                </Anchor>
                <Group justify="space-between" gap="xs">
                  <Text size="sm" c="dimmed">
                    {`${pair.countryCode ? countryName(countries.data, pair.countryCode) : t('No country')} · ${t(
                      '{{percent}} similar',
                      {
                        percent: format.percent(pair.similarity),
                      },
                    )}`}
                  </Text>
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => setMerging(pair)}
                    aria-label={t('Compare and merge {{a}} and {{b}}', { a: pair.aName, b: pair.bName })}
                  >
                    {t('Compare and merge')}
                  </Button>
                </Group>
              </Stack>
            </Card>
          ))}
        </PlainList>
        <LoadMore list={pages} />
      </Stack>
      {merging && <MergeDialog pair={merging} onClose={() => setMerging(null)} />}
    </>
  );
}
