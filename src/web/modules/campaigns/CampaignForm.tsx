import { Button, Group, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, patch, post } from '../../app/api.ts';
import { changedFields } from '../../app/changed-fields.ts';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { CountriesPicker } from '../directory/CountryPicker.tsx';
import { STATUS_LABELS, TYPE_LABELS } from './labels.ts';
import { type StageEntry, StagesField } from './StagesField.tsx';
import type { Campaign } from './types.ts';

/** Every programme by name, for the picker. */
function useProgrammes() {
  return useQuery({
    queryKey: ['programmes', 'pick'],
    queryFn: async () => (await api<{ data: { id: string; name: string }[] }>('/programmes/choices')).data,
  });
}

function useStatements() {
  return useQuery({
    queryKey: ['publications', 'pick'],
    queryFn: async () =>
      (await api<{ data: { id: string; title: string }[] }>('/publications?limit=100')).data,
  });
}

/**
 * Starting or editing a campaign. An edit sends only the fields that changed, so translations and
 * anything else the form does not show are never overwritten; a new campaign gets its type's
 * default stages from the server.
 */
export function CampaignForm({ campaign, onDone }: { campaign?: Campaign; onDone: (c: Campaign) => void }) {
  const { t } = useTranslation();
  const programmes = useProgrammes();
  const statements = useStatements();
  const [slug, setSlug] = useState(campaign?.slug ?? '');
  const [name, setName] = useState(campaign?.name ?? '');
  const [goal, setGoal] = useState(campaign?.goal ?? '');
  const [typeCode, setTypeCode] = useState(campaign?.typeCode ?? 'ratification');
  const [status, setStatus] = useState<string>(campaign?.status ?? 'draft');
  const [periodStart, setPeriodStart] = useState(campaign?.periodStart ?? '');
  const [periodEnd, setPeriodEnd] = useState(campaign?.periodEnd ?? '');
  const [programmeId, setProgrammeId] = useState(campaign?.programmeId ?? '');
  const [statementId, setStatementId] = useState(campaign?.statementId ?? '');
  const [countries, setCountries] = useState<string[]>(campaign?.countryCodes ?? []);
  const [stages, setStages] = useState<StageEntry[]>(
    campaign?.stages.map((s) => ({ code: s.code, label: s.label, labels: s.labels, uid: s.code })) ?? [],
  );
  const [saved] = useState(() => new Set(campaign?.stages.map((s) => s.code) ?? []));
  const body = {
    slug: slug.trim(),
    name,
    goal,
    typeCode,
    status,
    periodStart,
    periodEnd: periodEnd || null,
    programmeId: programmeId || null,
    statementId: statementId || null,
    countries,
    ...(campaign ? { stages: stages.map(({ uid: _uid, ...s }) => s) } : {}),
  };
  const [opened] = useState(body);
  const save = useMutation({
    mutationFn: async (now: typeof body) => {
      const r = campaign
        ? await patch<{ data: Campaign }>(`/campaigns/${campaign.id}`, {
            ...changedFields(opened, now),
            version: campaign.version,
          })
        : await post<{ data: Campaign }>('/campaigns', now);
      return r.data;
    },
    onSuccess: onDone,
  });
  // The linked programme stays offered even when the list cannot be read.
  const programmeOptions = [
    ...(campaign?.programmeId && !programmes.data?.some((p) => p.id === campaign.programmeId)
      ? [{ value: campaign.programmeId, label: campaign.programmeName ?? campaign.programmeId }]
      : []),
    ...(programmes.data ?? []).map((p) => ({ value: p.id, label: p.name })),
  ];
  const statementOptions = [
    ...(campaign?.statementId && !statements.data?.some((p) => p.id === campaign.statementId)
      ? [{ value: campaign.statementId, label: campaign.statementTitle ?? campaign.statementId }]
      : []),
    ...(statements.data ?? []).map((p) => ({ value: p.id, label: p.title })),
  ];
  return (
    <form
      aria-label={campaign ? t('Edit the campaign') : t('New campaign')}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(body);
      }}
    >
      <Stack>
        <TextInput label={t('Name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} />
        <TextInput
          label={t('Address of the public page')}
          description={t('Lowercase letters, digits and hyphens, e.g. c189-ratification')}
          required
          value={slug}
          onChange={(e) => setSlug(e.currentTarget.value)}
        />
        <Textarea
          label={t('Goal')}
          autosize
          minRows={3}
          value={goal}
          onChange={(e) => setGoal(e.currentTarget.value)}
        />
        <NativeSelect
          label={t('Type')}
          value={typeCode}
          disabled={Boolean(campaign)}
          onChange={(e) => setTypeCode(e.currentTarget.value)}
          data={Object.entries(TYPE_LABELS).map(([value, label]) => ({ value, label: t(label) }))}
        />
        <NativeSelect
          label={t('Status')}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value)}
          data={Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label: t(label) }))}
        />
        <Group grow align="flex-start">
          <TextInput
            type="date"
            label={t('Starts')}
            required
            value={periodStart}
            onChange={(e) => setPeriodStart(e.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t('Ends')}
            value={periodEnd}
            onChange={(e) => setPeriodEnd(e.currentTarget.value)}
          />
        </Group>
        <NativeSelect
          label={t('Programme')}
          value={programmeId}
          onChange={(e) => setProgrammeId(e.currentTarget.value)}
          data={[{ value: '', label: t('None') }, ...programmeOptions]}
        />
        <NativeSelect
          label={t('Statement organisations sign (a library document)')}
          value={statementId}
          onChange={(e) => setStatementId(e.currentTarget.value)}
          data={[{ value: '', label: t('None') }, ...statementOptions]}
        />
        <CountriesPicker label={t('Countries it runs in')} value={countries} onChange={setCountries} />
        {campaign && <StagesField value={stages} saved={saved} onChange={setStages} />}
        <ProblemAlert error={save.error} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t('Save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
