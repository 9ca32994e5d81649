import { Button, Checkbox, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { patch, post } from '../../app/api.ts';
import { changedFields } from '../../app/changed-fields.ts';
import { MultiPicker } from '../../ui/Pickers.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { CountriesPicker } from '../directory/CountryPicker.tsx';
import { useGroupings, useTerms } from '../directory/lookups.ts';
import {
  cleanSources,
  type ResponsibleEntry,
  ResponsibleField,
  SourcesField,
} from './PracticeLinkFields.tsx';
import type { Practice } from './types.ts';

/**
 * Proposing or editing a practice: title, description (rich text as simple HTML), ILO regions,
 * countries, themes, MLFLM. An edit sends only the fields that changed, so what the form does not
 * show (translations, documents) or shows differently is never overwritten by a re-save.
 */
export function PracticeForm({ practice, onDone }: { practice?: Practice; onDone: (p: Practice) => void }) {
  const { t } = useTranslation();
  const themes = useTerms('thematic_area');
  const mlflm = useTerms('mlflm');
  const groupings = useGroupings();
  const iloRegions = (groupings.data ?? []).filter((g) => g.kind === 'ilo_region');
  const [title, setTitle] = useState(practice?.title ?? '');
  const [description, setDescription] = useState(practice?.description ?? '');
  const [countryCodes, setCountryCodes] = useState<string[]>(practice?.countries.map((c) => c.code) ?? []);
  const [themeCodes, setThemeCodes] = useState<string[]>(practice?.themes.map((c) => c.code) ?? []);
  const [mlflmCodes, setMlflmCodes] = useState<string[]>(practice?.mlflm.map((c) => c.code) ?? []);
  const [periodStart, setPeriodStart] = useState(practice?.periodStart ?? '');
  const [periodEnd, setPeriodEnd] = useState(practice?.periodEnd ?? '');
  // Each keeps its type, so a re-save never resets it to the one derived from the directory.
  const [responsible, setResponsible] = useState<ResponsibleEntry[]>(
    practice?.responsible.map((r) => ({
      organisationId: r.organisationId,
      name: r.name,
      typeCode: r.type.code,
    })) ?? [],
  );
  const [sources, setSources] = useState(practice?.sources ?? []);
  const [regionCodes, setRegionCodes] = useState<string[]>(practice?.regions.map((r) => r.code) ?? []);
  const body = {
    title,
    description,
    countries: countryCodes,
    themes: themeCodes,
    mlflm: mlflmCodes,
    regions: regionCodes,
    periodStart: periodStart.trim() || null,
    periodEnd: periodEnd.trim() || null,
    // None named on a new proposal: the server makes the proposing organisation responsible.
    responsible:
      responsible.length || practice
        ? responsible.map((r) => ({ organisationId: r.organisationId, typeCode: r.typeCode }))
        : undefined,
    sources: cleanSources(sources),
  };
  // The body as the record stood when the form opened: an edit sends only what differs from it.
  const [opened] = useState(body);
  const save = useMutation({
    mutationFn: async (now: typeof body) => {
      const r = practice
        ? await patch<{ data: Practice }>(`/practices/${practice.id}`, {
            ...changedFields(opened, now),
            version: practice.version,
          })
        : await post<{ data: Practice }>('/practices', now);
      return r.data;
    },
    onSuccess: onDone,
  });
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
        <Textarea
          label={t('Description')}
          description={t('Paragraphs, lists, bold, italic and links are kept; anything else is removed.')}
          autosize
          minRows={5}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
        />
        <Checkbox.Group label={t('ILO regions')} value={regionCodes} onChange={setRegionCodes}>
          <Stack gap={6} mt={4}>
            {iloRegions.map((g) => (
              <Checkbox key={g.code} value={g.code} label={g.label} />
            ))}
          </Stack>
        </Checkbox.Group>
        <CountriesPicker label={t('Countries')} value={countryCodes} onChange={setCountryCodes} />
        <MultiPicker
          label={t('Thematic areas')}
          data={(themes.data ?? []).map((x) => ({ value: x.code, label: x.label }))}
          value={themeCodes}
          onChange={setThemeCodes}
        />
        <MultiPicker
          label={t('MLFLM principles and guidelines')}
          data={(mlflm.data ?? []).map((x) => ({ value: x.code, label: x.label }))}
          value={mlflmCodes}
          onChange={setMlflmCodes}
        />
        <Group grow align="flex-start">
          <TextInput
            label={t('Since (year)')}
            inputMode="numeric"
            value={periodStart}
            onChange={(e) => setPeriodStart(e.currentTarget.value)}
          />
          <TextInput
            label={t('Until (year)')}
            inputMode="numeric"
            value={periodEnd}
            onChange={(e) => setPeriodEnd(e.currentTarget.value)}
          />
        </Group>
        <ResponsibleField value={responsible} onChange={setResponsible} />
        <SourcesField value={sources} onChange={setSources} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {practice ? t('Save') : t('Save draft')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
