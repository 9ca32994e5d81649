import { Alert, Anchor, Badge, Button, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, del, post } from '../../app/api.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { FactList } from '../../ui/FactList.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Panel, PlainList } from '../../ui/Panel.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { countryName, useCountries } from '../directory/lookups.ts';
import { ProgrammeForm } from './ProgrammeForm.tsx';
import { ReachChart } from './ReachChart.tsx';
import { type Programme, type ProgrammeOrganisation, STATUS_LABELS } from './types.ts';

const names = (orgs: ProgrammeOrganisation[]) =>
  orgs.map((o) => (o.acronym ? `${o.name} (${o.acronym})` : o.name)).join(', ');
const period = (start: string | null, end: string | null, ongoing: string) =>
  start || end ? `${start ?? '…'} – ${end ?? ongoing}` : '';

/** One programme for staff: facts, people, reach, linked work, case statistics, and its actions. */
export function ProgrammeDetail() {
  const { t } = useTranslation();
  const { id } = useParams();
  const client = useQueryClient();
  const navigate = useNavigate();
  const countries = useCountries();
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const programme = useQuery({
    queryKey: ['programme', id],
    queryFn: async () => (await api<{ data: Programme }>(`/programmes/${id}`)).data,
  });
  const refresh = (p: Programme) => {
    client.setQueryData(['programme', id], p);
    void client.invalidateQueries({ queryKey: ['programmes'] });
  };
  const setStatus = useMutation({
    mutationFn: async (action: 'publish' | 'archive') =>
      (await post<{ data: Programme }>(`/programmes/${id}/${action}`, { version: programme.data!.version }))
        .data,
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: () => del(`/programmes/${id}?version=${programme.data!.version}`),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['programmes'] });
      navigate('/advocacy/programmes');
    },
  });
  if (programme.isPending) return <Loader aria-label={t('Loading')} />;
  if (!programme.data) return <ProblemAlert error={programme.error} />;
  const p = programme.data;
  const corridor = (c: string) =>
    c
      .split('>')
      .map((code) => (code === '??' ? t('Unknown') : countryName(countries.data, code)))
      .join(document.dir === 'rtl' ? ' ← ' : ' → ');
  if (editing)
    return (
      <>
        <PageHeader title={t('Edit {{name}}', { name: p.localName })} />
        <ProgrammeForm
          programme={p}
          onDone={(saved) => {
            refresh(saved);
            setEditing(false);
          }}
        />
        <Group mt="sm">
          <Button variant="subtle" onClick={() => setEditing(false)}>
            {t('Cancel')}
          </Button>
        </Group>
      </>
    );
  return (
    <>
      <PageHeader
        title={p.localName}
        lead={p.localSummary ?? undefined}
        actions={<Badge variant="light">{t(STATUS_LABELS[p.status])}</Badge>}
      />
      <Stack>
        {p.demonstration && (
          <Alert color="yellow" title={t('Demonstration data')}>
            {t('Parts of this record are examples, not facts from the seed documents.')}
          </Alert>
        )}
        <ProblemAlert error={setStatus.error ?? remove.error} />
        <Group wrap="wrap">
          {p.abilities.update && <Button onClick={() => setEditing(true)}>{t('Edit')}</Button>}
          {p.abilities.publish && (
            <Button loading={setStatus.isPending} onClick={() => setStatus.mutate('publish')}>
              {t('Publish')}
            </Button>
          )}
          {p.abilities.archive && (
            <Button
              variant="default"
              loading={setStatus.isPending}
              onClick={() => setStatus.mutate('archive')}
            >
              {t('Archive')}
            </Button>
          )}
          {p.abilities.delete && (
            <Button color="red" variant="light" onClick={() => setConfirmDelete(true)}>
              {t('Delete')}
            </Button>
          )}
          {p.status === 'published' && (
            <Anchor href={`/programmes/${p.slug}`}>{t('See the public page')}</Anchor>
          )}
        </Group>
        <Panel title={t('About')}>
          <FactList
            facts={[
              [t('Run by'), names(p.runningOrganisations)],
              [t('Period'), period(p.periodStart, p.periodEnd, t('ongoing'))],
              [t('Countries'), p.countries.map((c) => c.label).join(', ')],
              [t('Themes'), p.themes.map((c) => c.label).join(', ')],
              [t('Target groups'), p.targetGroups.map((c) => c.label).join(', ')],
              [t('Partners'), names(p.partnerOrganisations)],
              [t('Secretariat of'), names(p.secretariatOrganisations)],
              [t('Web address'), `/programmes/${p.slug}`],
            ]}
          />
        </Panel>
        <Panel title={t('Staff and area coordinators')}>
          {p.people.length === 0 ? (
            <Text c="dimmed">{t('Nobody is recorded yet.')}</Text>
          ) : (
            <PlainList label={t('Staff and area coordinators')}>
              {p.people.map((x) => (
                <Text component="li" key={`${x.personId}-${x.role}-${x.countryCode}`}>
                  <Anchor component={Link} to={`/directory/people/${x.personId}`}>
                    {x.name}
                  </Anchor>
                  {' · '}
                  {x.label ?? (x.role === 'area_coordinator' ? t('Area coordinator') : t('Staff'))}
                  {x.countryName ? `, ${x.countryName}` : ''}
                  {x.startDate || x.endDate ? ` (${period(x.startDate, x.endDate, t('ongoing'))})` : ''}
                </Text>
              ))}
            </PlainList>
          )}
        </Panel>
        <Panel title={t('Reach')}>
          {p.indicators.length === 0 ? (
            <Text c="dimmed">{t('No reach indicators yet.')}</Text>
          ) : (
            p.indicators.map((i) => <ReachChart key={i.label} indicator={i} />)
          )}
        </Panel>
        {p.linkedWork.map((g) => (
          <Panel key={g.kind} title={t(g.heading)}>
            <PlainList label={t(g.heading)}>
              {g.items.map((item) => (
                <Text component="li" key={item.href}>
                  <Anchor component={Link} to={item.href}>
                    {item.title}
                  </Anchor>
                  {item.note ? ` · ${item.note}` : ''}
                </Text>
              ))}
            </PlainList>
          </Panel>
        ))}
        {p.corridorCases && (
          <Panel title={t('Cases in its corridors')}>
            <Text size="sm" c="dimmed">
              {t(
                'Consented cases whose corridor starts or ends in a country of the programme; rounded, small numbers left out.',
              )}
            </Text>
            {p.corridorCases.length === 0 ? (
              <Text c="dimmed">{t('No figures to show.')}</Text>
            ) : (
              <Table withTableBorder w="auto">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('Corridor')}</Table.Th>
                    <Table.Th scope="col">{t('Cases')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {p.corridorCases.map((row) => (
                    <Table.Tr key={row.corridor}>
                      <Table.Th scope="row">{corridor(row.corridor)}</Table.Th>
                      <Table.Td>{row.cases}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Panel>
        )}
      </Stack>
      <Dialog
        opened={confirmDelete}
        onClose={() => setConfirmDelete(false)}
        title={t('Delete this programme?')}
      >
        <Stack>
          <Text>{t('It cannot be undone. A programme that publications name can only be archived.')}</Text>
          <ProblemAlert error={remove.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmDelete(false)}>
              {t('Cancel')}
            </Button>
            <Button color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
              {t('Delete')}
            </Button>
          </Group>
        </Stack>
      </Dialog>
    </>
  );
}
