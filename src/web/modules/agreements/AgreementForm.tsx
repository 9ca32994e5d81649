import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, patch, post } from '../../app/api.ts';
import { changedFields } from '../../app/changed-fields.ts';
import { MultiPicker } from '../../ui/Pickers.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { CountriesPicker, CountryPicker } from '../directory/CountryPicker.tsx';
import { corridorLabel, useCountries, useGroupings, useTerms } from '../directory/lookups.ts';
import { STATUS_LABELS, TYPE_LABELS } from './labels.ts';
import type { Agreement } from './types.ts';

/** Library publications to choose the agreement's text from. */
function usePublications() {
  return useQuery({
    queryKey: ['publications', 'pick'],
    queryFn: async () =>
      (await api<{ data: { id: string; title: string }[] }>('/publications?limit=200')).data,
    staleTime: 60_000,
  });
}

/** Corridors as origin → destination pairs: two country pickers and an add button, then the list. */
function CorridorsField({ value, onChange }: { value: string[]; onChange: (v: string[]) => void }) {
  const { t, i18n } = useTranslation();
  const countries = useCountries();
  const [origin, setOrigin] = useState('');
  const [destination, setDestination] = useState('');
  const code = origin && destination && origin !== destination ? `${origin}-${destination}` : '';
  return (
    <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
      <Text component="legend" fw={500} size="sm">
        {t('Corridors it governs')}
      </Text>
      {value.length > 0 && (
        <Stack component="ul" gap={4} p={0} m={0} style={{ listStyle: 'none' }}>
          {value.map((c) => (
            <Group component="li" key={c} gap="xs" wrap="nowrap">
              <Text size="sm">{corridorLabel(countries.data, c, i18n.dir())}</Text>
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('Remove {{name}}', { name: corridorLabel(countries.data, c, i18n.dir()) })}
                onClick={() => onChange(value.filter((x) => x !== c))}
              >
                ×
              </ActionIcon>
            </Group>
          ))}
        </Stack>
      )}
      <Group grow align="flex-end" wrap="wrap">
        <CountryPicker label={t('Origin')} value={origin} onChange={setOrigin} miw={180} />
        <CountryPicker label={t('Destination')} value={destination} onChange={setDestination} miw={180} />
      </Group>
      <Group>
        <Button
          variant="light"
          disabled={!code || value.includes(code)}
          onClick={() => {
            onChange([...value, code]);
            setOrigin('');
            setDestination('');
          }}
        >
          {t('Add corridor')}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * Adding or editing an agreement. An edit sends only the fields that changed, so what the form does
 * not show (translations of the title) is never rewritten by a re-save; provision notes are kept.
 */
export function AgreementForm({
  agreement,
  onDone,
}: {
  agreement?: Agreement;
  onDone: (a: Agreement) => void;
}) {
  const { t } = useTranslation();
  const provisionTerms = useTerms('agreement_provision');
  const groupings = useGroupings();
  const publications = usePublications();
  const [title, setTitle] = useState(agreement?.title ?? '');
  const [summary, setSummary] = useState(agreement?.summary ?? '');
  const [typeCode, setTypeCode] = useState(agreement?.typeCode ?? 'bilateral_labour_agreement');
  const [status, setStatus] = useState(agreement?.status ?? 'signed');
  const [partyCountries, setPartyCountries] = useState<string[]>(agreement?.partyCountries ?? []);
  const [partyGroupings, setPartyGroupings] = useState<string[]>(agreement?.partyGroupings ?? []);
  const [signedOn, setSignedOn] = useState(agreement?.signedOn ?? '');
  const [inForceOn, setInForceOn] = useState(agreement?.inForceOn ?? '');
  const [expiresOn, setExpiresOn] = useState(agreement?.expiresOn ?? '');
  const [provisions, setProvisions] = useState<{ code: string; note?: string }[]>(
    agreement?.provisions.map((p) => (p.note ? { code: p.code, note: p.note } : { code: p.code })) ?? [],
  );
  const [corridors, setCorridors] = useState<string[]>(agreement?.corridors.map((c) => c.code) ?? []);
  const [documentIds, setDocumentIds] = useState<string[]>(agreement?.documentIds ?? []);
  const [published, setPublished] = useState(agreement?.published ?? false);
  const [demonstration, setDemonstration] = useState(agreement?.demonstration ?? false);
  const body = {
    title,
    summary,
    typeCode,
    status,
    partyCountries,
    partyGroupings,
    signedOn: signedOn || null,
    inForceOn: inForceOn || null,
    expiresOn: expiresOn || null,
    provisions: provisions.map((p) =>
      p.note?.trim() ? { code: p.code, note: p.note.trim() } : { code: p.code },
    ),
    corridors,
    documentIds,
    published,
    demonstration,
  };
  const [opened] = useState(body);
  const save = useMutation({
    mutationFn: async (now: typeof body) =>
      (agreement
        ? await patch<{ data: Agreement }>(`/agreements/${agreement.id}`, {
            ...changedFields(opened, now),
            version: agreement.version,
          })
        : await post<{ data: Agreement }>('/agreements', now)
      ).data,
    onSuccess: onDone,
  });
  const publicationOptions = [
    ...(publications.data ?? []).map((p) => ({ value: p.id, label: p.title })),
    // Documents already linked stay choosable even when they are not among the newest.
    ...(agreement?.documents ?? [])
      .filter((d) => !(publications.data ?? []).some((p) => p.id === d.id))
      .map((d) => ({ value: d.id, label: d.title })),
  ];
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(body);
      }}
    >
      <Stack>
        <ProblemAlert error={save.error} />
        <TextInput
          label={t('Title')}
          required
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
        />
        <Group grow align="flex-start" wrap="wrap">
          <NativeSelect
            label={t('Type')}
            value={typeCode}
            onChange={(e) => setTypeCode(e.currentTarget.value)}
            data={Object.entries(TYPE_LABELS).map(([value, label]) => ({ value, label: t(label) }))}
            miw={220}
          />
          <NativeSelect
            label={t('Status')}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value)}
            data={Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label: t(label) }))}
            miw={160}
          />
        </Group>
        <Textarea
          label={t('Summary')}
          autosize
          minRows={3}
          value={summary}
          onChange={(e) => setSummary(e.currentTarget.value)}
        />
        <CountriesPicker
          label={t('Countries that are parties')}
          value={partyCountries}
          onChange={setPartyCountries}
        />
        <MultiPicker
          label={t('Regional bodies and groupings that are parties')}
          data={(groupings.data ?? [])
            .filter((g) => g.kind !== 'ilo_region')
            .map((g) => ({ value: g.code, label: g.label }))}
          value={partyGroupings}
          onChange={setPartyGroupings}
        />
        <Group grow align="flex-start" wrap="wrap">
          <TextInput
            type="date"
            label={t('Signed on')}
            value={signedOn}
            onChange={(e) => setSignedOn(e.currentTarget.value)}
            miw={150}
          />
          <TextInput
            type="date"
            label={t('In force from')}
            value={inForceOn}
            onChange={(e) => setInForceOn(e.currentTarget.value)}
            miw={150}
          />
          <TextInput
            type="date"
            label={t('Expires on')}
            value={expiresOn}
            onChange={(e) => setExpiresOn(e.currentTarget.value)}
            miw={150}
          />
        </Group>
        <MultiPicker
          label={t('Provisions')}
          data={(provisionTerms.data ?? []).map((p) => ({ value: p.code, label: p.label }))}
          value={provisions.map((p) => p.code)}
          onChange={(codes) =>
            setProvisions(codes.map((code) => provisions.find((p) => p.code === code) ?? { code }))
          }
        />
        {provisions.map((p) => (
          <TextInput
            key={p.code}
            label={t('Where it is written: {{provision}}', {
              provision: provisionTerms.data?.find((x) => x.code === p.code)?.label ?? p.code,
            })}
            description={t('For example an article number (optional)')}
            value={p.note ?? ''}
            onChange={(e) => {
              const note = e.currentTarget.value;
              setProvisions((all) => all.map((x) => (x.code === p.code ? { ...x, note } : x)));
            }}
          />
        ))}
        <CorridorsField value={corridors} onChange={setCorridors} />
        <MultiPicker
          label={t('Text of the agreement (library publications)')}
          data={publicationOptions}
          value={documentIds}
          onChange={setDocumentIds}
        />
        <Checkbox
          label={t('Published on the public register')}
          checked={published}
          onChange={(e) => setPublished(e.currentTarget.checked)}
        />
        <Checkbox
          label={t('Demonstration data (not drawn from a source)')}
          checked={demonstration}
          onChange={(e) => setDemonstration(e.currentTarget.checked)}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t('Save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
