import { Anchor, Loader, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { CountryPicker } from '../directory/CountryPicker.tsx';
import { countryName, useCountries } from '../directory/lookups.ts';
import { titleOf } from './types.ts';

interface Figure {
  indicator: string;
  labels: Record<string, string>;
  unit: string;
  period: string;
  sex: string;
  value: number;
  dataset: string;
}
interface Profile {
  area: { code: string; name: string };
  own: Figure[];
  origins: { country: string; period: string; value: number; dataset: string }[];
  destinations: { country: string; period: string; value: number; dataset: string }[];
  cases?: { roundedTo: number; rows: { corridor: string; cases: number }[] };
}

function SimpleTable({
  caption,
  head,
  rows,
}: {
  caption: string;
  head: string[];
  rows: (string | number)[][];
}) {
  const { i18n } = useTranslation();
  const format = new Intl.NumberFormat(i18n.language);
  return (
    <Table.ScrollContainer minWidth={300}>
      <Table striped>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {head.map((h) => (
              <Table.Th key={h}>{h}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.join('|')}>
              {r.map((c, i) => (
                // A row's cells are its columns, named by the header.
                <Table.Td key={head[i]} style={typeof c === 'number' ? { textAlign: 'end' } : undefined}>
                  {typeof c === 'number' ? format.format(c) : c}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * A country's figures as staff see them: drafts included, and the legal-aid case counts of its
 * corridors (protected: rounded, small counts left out). The public page draws the charts.
 */
export function AreaProfile() {
  const { t, i18n } = useTranslation();
  const countries = useCountries();
  const [code, setCode] = useState('PH');
  const profile = useQuery({
    queryKey: ['statistics', 'profile', code],
    queryFn: () => api<{ data: Profile }>(`/statistics/areas/${code}`),
    enabled: code !== '',
  });
  const p = profile.data?.data;
  const sex = (s: string) => (s === 'F' ? t('Female') : s === 'M' ? t('Male') : t('Total'));
  const name = (c: string) => countryName(countries.data, c);
  const indicators = [...new Set(p?.own.map((f) => f.indicator) ?? [])];
  return (
    <Stack>
      <PageHeader title={t('Country profiles')} />
      <CountryPicker label={t('Country')} value={code} onChange={setCode} />
      <ProblemAlert error={profile.error} />
      {profile.isFetching && <Loader aria-label={t('Loading')} />}
      {p && (
        <>
          <Text>
            <Anchor href={`/statistics/${p.area.code}`}>{t('Public page with charts')}</Anchor> ·{' '}
            <Anchor href={`/api/v1/statistics/observations.xlsx?area=${p.area.code}`}>XLSX</Anchor> ·{' '}
            <Anchor href={`/api/v1/statistics/observations.csv?area=${p.area.code}`}>CSV</Anchor>
          </Text>
          {indicators.length === 0 && <Text c="dimmed">{t('No figures for this area yet.')}</Text>}
          {indicators.map((code) => {
            const rows = p.own.filter((f) => f.indicator === code);
            return (
              <SimpleTable
                key={code}
                caption={`${titleOf(rows[0]!.labels, i18n.language, code)}${rows[0]!.unit ? ` (${rows[0]!.unit})` : ''}`}
                head={[t('Period'), t('Sex'), t('Value'), t('Source')]}
                rows={rows.map((f) => [f.period, sex(f.sex), f.value, f.dataset])}
              />
            );
          })}
          {p.origins.length > 0 && (
            <SimpleTable
              caption={t('Top countries of origin')}
              head={[t('Country'), t('Period'), t('Migrants'), t('Source')]}
              rows={p.origins.map((o) => [name(o.country), o.period, o.value, o.dataset])}
            />
          )}
          {p.destinations.length > 0 && (
            <SimpleTable
              caption={t('Top countries of destination')}
              head={[t('Country'), t('Period'), t('Migrants'), t('Source')]}
              rows={p.destinations.map((o) => [name(o.country), o.period, o.value, o.dataset])}
            />
          )}
          {p.cases && (
            <Panel title={t('Legal-aid cases in these corridors')}>
              <Text size="sm">
                {t('Counts are rounded down to multiples of {{n}}; smaller counts are not shown.', {
                  n: p.cases.roundedTo,
                })}
              </Text>
              {p.cases.rows.length === 0 ? (
                <Text c="dimmed">{t('No corridor has enough cases to show.')}</Text>
              ) : (
                <SimpleTable
                  caption={t('Cases by corridor')}
                  head={[t('Corridor'), t('Cases')]}
                  rows={p.cases.rows.map((r) => {
                    const [o = '', d = ''] = r.corridor.split('-');
                    return [`${name(o)} → ${name(d)}`, r.cases];
                  })}
                />
              )}
            </Panel>
          )}
        </>
      )}
    </Stack>
  );
}
