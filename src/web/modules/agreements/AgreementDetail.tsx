import { Alert, Anchor, Badge, Button, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, del } from '../../app/api.ts';
import { useFormat } from '../../app/format.ts';
import { FactList } from '../../ui/FactList.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Panel, PlainList } from '../../ui/Panel.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { AgreementForm } from './AgreementForm.tsx';
import { BASE } from './AgreementsPage.tsx';
import { MonitoringPanel } from './MonitoringPanel.tsx';
import type { Agreement } from './types.ts';

/** One agreement: its facts, provisions, corridors with their case statistics, text and monitoring. */
export function AgreementDetail() {
  const { t } = useTranslation();
  const format = useFormat();
  const { id } = useParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const agreement = useQuery({
    queryKey: ['agreement', id],
    queryFn: async () => (await api<{ data: Agreement }>(`/agreements/${id}`)).data,
  });
  const publications = useQuery({
    queryKey: ['publications', 'pick'],
    queryFn: async () =>
      (await api<{ data: { id: string; title: string }[] }>('/publications?limit=200')).data,
    staleTime: 60_000,
  });
  const reload = () => {
    void client.invalidateQueries({ queryKey: ['agreement', id] });
    void client.invalidateQueries({ queryKey: ['agreements'] });
  };
  const remove = useMutation({
    mutationFn: () => del(`/agreements/${id}?version=${agreement.data!.version}`),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['agreements'] });
      navigate(BASE);
    },
  });
  if (agreement.isPending) return <Loader aria-label={t('Loading')} />;
  if (agreement.error) return <ProblemAlert error={agreement.error} />;
  const a = agreement.data;
  const label = (code: string) => a.corridors.find((c) => c.code === code)?.label ?? code;
  return (
    <>
      <PageHeader title={a.localTitle} actions={<Badge size="lg">{a.statusLabel}</Badge>} />
      <Stack gap="md">
        <Anchor component={Link} to={BASE}>
          {t('All agreements')}
        </Anchor>
        {a.demonstration && (
          <Alert color="yellow" role="note">
            {t('Demonstration data: this record is not drawn from the seed documents.')}
          </Alert>
        )}
        {a.published && (
          <Alert color="green" role="status">
            <Anchor href={`/agreements/${a.slug}`}>{t('See the public page')}</Anchor>
          </Alert>
        )}
        {editing ? (
          <Panel title={t('Edit the agreement')}>
            <AgreementForm
              agreement={a}
              onDone={(saved) => {
                client.setQueryData(['agreement', id], saved);
                void client.invalidateQueries({ queryKey: ['agreements'] });
                setEditing(false);
              }}
            />
            <Group>
              <Button variant="subtle" onClick={() => setEditing(false)}>
                {t('Cancel')}
              </Button>
            </Group>
          </Panel>
        ) : (
          <Panel title={t('Facts')}>
            <FactList
              facts={[
                [t('Type'), a.typeLabel],
                [t('Parties'), a.parties.map((p) => p.label).join(', ')],
                [t('Signed on'), a.signedOn],
                [t('In force from'), a.inForceOn],
                [t('Expires on'), a.expiresOn],
              ]}
            />
            {a.summary && <Text style={{ whiteSpace: 'pre-line' }}>{a.summary}</Text>}
            {a.abilities.update && (
              <Group>
                <Button variant="light" onClick={() => setEditing(true)}>
                  {t('Edit')}
                </Button>
                {a.abilities.delete &&
                  (confirming ? (
                    <>
                      <Button color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
                        {t('Delete this agreement and its findings')}
                      </Button>
                      <Button variant="subtle" onClick={() => setConfirming(false)}>
                        {t('Cancel')}
                      </Button>
                    </>
                  ) : (
                    <Button variant="light" color="red" onClick={() => setConfirming(true)}>
                      {t('Delete')}
                    </Button>
                  ))}
              </Group>
            )}
            <ProblemAlert error={remove.error} />
          </Panel>
        )}
        <Panel title={t('Provisions')}>
          {a.provisions.length === 0 ? (
            <Text c="dimmed">{t('None recorded.')}</Text>
          ) : (
            <PlainList label={t('Provisions')}>
              {a.provisions.map((p) => (
                <Text component="li" key={p.code}>
                  {p.label}
                  {p.note ? ` — ${p.note}` : ''}
                </Text>
              ))}
            </PlainList>
          )}
        </Panel>
        <Panel title={t('Corridors and their cases')}>
          {a.corridors.length === 0 ? (
            <Text c="dimmed">{t('None recorded.')}</Text>
          ) : (
            <>
              <Table>
                <Table.Caption>{t('Legal-aid cases in the corridors this agreement governs')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('Corridor')}</Table.Th>
                    <Table.Th scope="col">{t('Cases')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {a.statistics.data.map((f) => (
                    <Table.Tr key={f.corridor}>
                      <Table.Th scope="row">{label(f.corridor)}</Table.Th>
                      <Table.Td>
                        {f.cases > 0
                          ? format.number(f.cases)
                          : t('fewer than {{n}}', { n: format.number(a.statistics.roundedTo) })}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Text size="sm" c="dimmed">
                {t(
                  'Figures below {{n}} are hidden, and every figure and total is added up from groups of cases that share all their characteristics, each group rounded down to a multiple of {{n}}, so that no one can be identified, not even by comparing tables. Figures can therefore be lower than the real number of cases.',
                  { n: format.number(a.statistics.roundedTo) },
                )}
              </Text>
            </>
          )}
        </Panel>
        <Panel title={t('Text of the agreement')}>
          {a.documents.length === 0 ? (
            <Text c="dimmed">{t('None recorded.')}</Text>
          ) : (
            <PlainList label={t('Text of the agreement')}>
              {a.documents.map((d) => (
                <li key={d.id}>
                  <Anchor component={Link} to={`/library/${d.id}`}>
                    {d.title}
                  </Anchor>
                </li>
              ))}
            </PlainList>
          )}
        </Panel>
        <MonitoringPanel
          agreementId={a.id}
          entries={a.monitoring}
          canEdit={Boolean(a.abilities.monitor)}
          publications={publications.data ?? []}
          known={[...a.documents, ...a.monitoring.flatMap((m) => m.publications)]}
          onChange={reload}
        />
      </Stack>
    </>
  );
}
