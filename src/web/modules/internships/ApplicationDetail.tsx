import { Anchor, Badge, Button, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, del, patch, post } from '../../app/api.ts';
import { useFormat } from '../../app/format.ts';
import { FactList } from '../../ui/FactList.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Panel, PanelForm } from '../../ui/Panel.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { BASE } from './InternshipsPage.tsx';
import { APPLICATION_STATUS_LABELS, MOVE_LABELS } from './labels.ts';
import { PlacementForm } from './PlacementForm.tsx';
import type { Application, Placement } from './types.ts';

function PlacementView({ placement, onChange }: { placement: Placement; onChange: () => void }) {
  const { t } = useTranslation();
  const [startsOn, setStartsOn] = useState(placement.startsOn);
  const [endsOn, setEndsOn] = useState(placement.endsOn);
  const save = useMutation({
    mutationFn: () =>
      patch(`/internship-placements/${placement.id}`, { startsOn, endsOn, version: placement.version }),
    onSuccess: onChange,
  });
  const undo = useMutation({
    mutationFn: () => del(`/internship-placements/${placement.id}?version=${placement.version}`),
    onSuccess: onChange,
  });
  return (
    <Panel title={t('Placement')} error={undo.error}>
      <FactList
        facts={[
          [t('Intern'), placement.internName],
          [t('Partner school'), placement.schoolName],
          [t('Supervisor'), placement.supervisorName],
          [t('Programme'), placement.programmeName],
          [t('Period'), `${placement.startsOn} – ${placement.endsOn}`],
        ]}
      />
      <Anchor component={Link} to={`/directory/people/${placement.internPersonId}`}>
        {t('The intern in the directory')}
      </Anchor>
      <PanelForm
        title={t('Change the period')}
        onSubmit={() => save.mutate()}
        error={save.error}
        submit={{ label: t('Save'), pending: save.isPending }}
      >
        <Group grow wrap="wrap">
          <TextInput
            type="date"
            label={t('Starts on')}
            value={startsOn}
            onChange={(e) => setStartsOn(e.currentTarget.value)}
            miw={150}
          />
          <TextInput
            type="date"
            label={t('Ends on')}
            value={endsOn}
            onChange={(e) => setEndsOn(e.currentTarget.value)}
            miw={150}
          />
        </Group>
      </PanelForm>
      <Group>
        <Button variant="light" color="red" loading={undo.isPending} onClick={() => undo.mutate()}>
          {t('Undo the placement')}
        </Button>
      </Group>
    </Panel>
  );
}

/** One application: what the applicant sent, the review, the placement, deletion. */
export function ApplicationDetail() {
  const { t } = useTranslation();
  const format = useFormat();
  const { id } = useParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const application = useQuery({
    queryKey: ['internship-application', id],
    queryFn: async () => (await api<{ data: Application }>(`/internship-applications/${id}`)).data,
  });
  const reload = () => {
    void client.invalidateQueries({ queryKey: ['internship-application', id] });
    void client.invalidateQueries({ queryKey: ['internship-applications'] });
  };
  const move = useMutation({
    mutationFn: (status: string) =>
      post(`/internship-applications/${id}/review`, { status, version: application.data!.version }),
    onSuccess: reload,
  });
  const remove = useMutation({
    mutationFn: () => del(`/internship-applications/${id}?version=${application.data!.version}`),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['internship-applications'] });
      navigate(BASE);
    },
  });
  if (application.isPending) return <Loader aria-label={t('Loading')} />;
  if (application.error) return <ProblemAlert error={application.error} />;
  const a = application.data;
  return (
    <>
      <PageHeader
        title={a.name}
        lead={a.opportunityTitle}
        actions={<Badge size="lg">{t(APPLICATION_STATUS_LABELS[a.status] ?? a.status)}</Badge>}
      />
      <Stack gap="md">
        <Anchor component={Link} to={BASE}>
          {t('All applications')}
        </Anchor>
        <Panel title={t('Application')}>
          <FactList
            facts={[
              [t('Email'), a.email],
              [t('Phone'), a.phone],
              [t('School or institution'), a.school],
              [t('Available from'), a.availableFrom],
              [t('Available until'), a.availableUntil],
              [t('Received'), format.dateTime(a.createdAt)],
              [t('Consent to store the data'), format.dateTime(a.consentedAt)],
            ]}
          />
          <Text style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>{a.motivation}</Text>
        </Panel>
        {a.abilities.review && a.moves.length > 0 && (
          <Panel title={t('Review')} error={move.error}>
            <Group>
              {a.abilities.review &&
                a.moves.map((status) => (
                  <Button
                    key={status}
                    variant={status === 'shortlisted' ? 'filled' : 'light'}
                    color={status === 'declined' ? 'red' : undefined}
                    loading={move.isPending && move.variables === status}
                    onClick={() => move.mutate(status)}
                  >
                    {t(MOVE_LABELS[status] ?? status)}
                  </Button>
                ))}
            </Group>
          </Panel>
        )}
        {a.placement && <PlacementView key={a.placement.version} placement={a.placement} onChange={reload} />}
        {a.status === 'shortlisted' && a.abilities.place && (
          <Panel title={t('Placement')}>
            <PlacementForm application={a} onDone={reload} />
          </Panel>
        )}
        {a.abilities.delete && (
          <Panel title={t('Delete the application')} error={remove.error}>
            <Text size="sm">
              {t(
                'Delete an application once a decision is made: the applicant agreed to its storage only for the decision. A placement and the intern in the directory stay.',
              )}
            </Text>
            <Group>
              {confirming ? (
                <>
                  <Button color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
                    {t('Delete for good')}
                  </Button>
                  <Button variant="subtle" onClick={() => setConfirming(false)}>
                    {t('Cancel')}
                  </Button>
                </>
              ) : (
                <Button variant="light" color="red" onClick={() => setConfirming(true)}>
                  {t('Delete')}
                </Button>
              )}
            </Group>
          </Panel>
        )}
      </Stack>
    </>
  );
}
