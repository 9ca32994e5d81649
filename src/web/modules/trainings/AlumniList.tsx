import { Anchor, Group, Loader, NativeSelect, Table, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, queryString } from '../../app/api.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { countryOptions, useCountries } from '../directory/lookups.ts';
import { SEX_LABELS } from './labels.ts';
import type { Alumnus } from './types.ts';

/** Graduates filtered by country, organisation, year and sex; the CSV follows the same filters. */
export function AlumniList() {
  const { t } = useTranslation();
  const countries = useCountries();
  const [country, setCountry] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [year, setYear] = useState('');
  const [sex, setSex] = useState('');
  const filters = {
    country: country || undefined,
    organisation: organisation.trim() || undefined,
    year: /^\d{4}$/.test(year) ? year : undefined,
    sex: sex || undefined,
  };
  const list = useQuery({
    queryKey: ['training-alumni', filters],
    queryFn: async () => (await api<{ data: Alumnus[] }>(`/training-alumni${queryString(filters)}`)).data,
  });
  return (
    <>
      <PageHeader title={t('Alumni')} lead={t('People who completed a training course.')} />
      <Group
        align="end"
        gap="sm"
        wrap="wrap"
        mb="md"
        component="form"
        aria-label={t('Filter alumni')}
        onSubmit={(e) => e.preventDefault()}
      >
        <NativeSelect
          label={t('Country')}
          value={country}
          onChange={(e) => setCountry(e.currentTarget.value)}
          data={[{ value: '', label: t('All countries') }, ...countryOptions(countries.data)]}
          maw={220}
        />
        <TextInput
          label={t('Organisation')}
          value={organisation}
          onChange={(e) => setOrganisation(e.currentTarget.value)}
        />
        <TextInput
          label={t('Year')}
          inputMode="numeric"
          value={year}
          onChange={(e) => setYear(e.currentTarget.value)}
          w={100}
        />
        <NativeSelect
          label={t('Sex')}
          value={sex}
          onChange={(e) => setSex(e.currentTarget.value)}
          data={[
            { value: '', label: t('All') },
            ...Object.entries(SEX_LABELS).map(([value, label]) => ({ value, label: t(label) })),
          ]}
        />
        <Anchor href={`/api/v1/training-alumni.csv${queryString(filters)}`} download>
          {t('Export CSV')}
        </Anchor>
      </Group>
      {list.isPending && <Loader aria-label={t('Loading')} />}
      <ProblemAlert error={list.error} />
      {list.data?.length === 0 && <Text c="dimmed">{t('No alumni match these filters.')}</Text>}
      {!!list.data?.length && (
        <Table.ScrollContainer minWidth={600}>
          <Table aria-label={t('Alumni')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('Name')}</Table.Th>
                <Table.Th scope="col">{t('Sex')}</Table.Th>
                <Table.Th scope="col">{t('Country')}</Table.Th>
                <Table.Th scope="col">{t('Organisation')}</Table.Th>
                <Table.Th scope="col">{t('Year')}</Table.Th>
                <Table.Th scope="col">{t('Cohort')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((a) => (
                <Table.Tr key={a.participantId}>
                  <Table.Td>{a.name}</Table.Td>
                  <Table.Td>{t(SEX_LABELS[a.sex])}</Table.Td>
                  <Table.Td>{a.countryName}</Table.Td>
                  <Table.Td>{a.organisationName}</Table.Td>
                  <Table.Td>{a.year}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/trainings/cohorts/${a.eventId}`}>
                      {a.eventTitle}
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
