import { NativeSelect, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, post } from '../../app/api.ts';
import { PanelForm } from '../../ui/Panel.tsx';
import { OrganisationPicker } from '../directory/OrganisationPicker.tsx';
import type { Organisation } from '../directory/types.ts';
import { PersonPicker } from './PersonPicker.tsx';
import type { Application, Match, ProgrammeChoice } from './types.ts';

export function useProgrammes() {
  return useQuery({
    queryKey: ['internship-programmes'],
    queryFn: async () => (await api<{ data: ProgrammeChoice[] }>('/internship-programmes')).data,
    staleTime: 60_000,
  });
}

/**
 * Places a shortlisted applicant. The intern is a directory person: one of the people who share
 * the applicant's email or name, or a new person made from the application; with matches shown,
 * "new" must be chosen on purpose, so nobody is duplicated silently.
 */
export function PlacementForm({ application, onDone }: { application: Application; onDone: () => void }) {
  const { t } = useTranslation();
  const programmes = useProgrammes();
  const matches = useQuery({
    queryKey: ['internship-matches', application.id],
    queryFn: async () =>
      (await api<{ data: Match[] }>(`/internship-applications/${application.id}/matches`)).data,
  });
  const [intern, setIntern] = useState('');
  const [school, setSchool] = useState<Organisation | null>(null);
  const [supervisor, setSupervisor] = useState<string | null>(null);
  const [programmeId, setProgrammeId] = useState('');
  const [startsOn, setStartsOn] = useState(application.availableFrom ?? '');
  const [endsOn, setEndsOn] = useState(application.availableUntil ?? '');
  const onSchool = useCallback((o: Organisation | null) => setSchool(o), []);
  const onSupervisor = useCallback((id: string | null) => setSupervisor(id), []);
  const found = matches.data ?? [];
  const chosen = intern || (found.length === 0 ? 'new' : '');
  const place = useMutation({
    mutationFn: () =>
      post(`/internship-applications/${application.id}/placement`, {
        intern:
          chosen === 'new'
            ? { createFromApplication: true, confirmNoMatch: found.length > 0 }
            : { personId: chosen },
        schoolOrganisationId: school?.id ?? null,
        supervisorPersonId: supervisor,
        programmeId: programmeId || null,
        startsOn,
        endsOn,
        version: application.version,
      }),
    onSuccess: onDone,
  });
  return (
    <PanelForm
      title={t('Place this applicant')}
      onSubmit={() => place.mutate()}
      error={place.error}
      submit={{ label: t('Record the placement'), pending: place.isPending, disabled: !chosen }}
    >
      <Radio.Group
        label={t('Intern in the directory')}
        description={
          found.length
            ? t(
                'The directory already has people with this name or email. Choose one of them, or confirm this is someone else.',
              )
            : undefined
        }
        value={chosen}
        onChange={setIntern}
      >
        <Stack gap={6} mt={4}>
          {found.map((m) => (
            <Radio key={m.id} value={m.id} label={[m.name, m.email].filter(Boolean).join(' · ')} />
          ))}
          <Radio
            value="new"
            label={
              found.length
                ? t('Someone else: add {{name}} to the directory', { name: application.name })
                : t('Add {{name}} to the directory', { name: application.name })
            }
          />
        </Stack>
      </Radio.Group>
      <OrganisationPicker label={t('Partner school')} onChange={onSchool} />
      <PersonPicker label={t('Supervisor')} searchLabel={t('Find the supervisor')} onChange={onSupervisor} />
      <NativeSelect
        label={t('Programme')}
        value={programmeId}
        onChange={(e) => setProgrammeId(e.currentTarget.value)}
        data={[
          { value: '', label: t('None') },
          ...(programmes.data ?? []).map((p) => ({
            value: p.id,
            label: `${p.name} (${p.organisationName})`,
          })),
        ]}
      />
      <TextInput
        type="date"
        label={t('Starts on')}
        required
        value={startsOn}
        onChange={(e) => setStartsOn(e.currentTarget.value)}
      />
      <TextInput
        type="date"
        label={t('Ends on')}
        required
        value={endsOn}
        onChange={(e) => setEndsOn(e.currentTarget.value)}
      />
      {!chosen && <Text size="sm">{t('Choose who the intern is first.')}</Text>}
    </PanelForm>
  );
}
