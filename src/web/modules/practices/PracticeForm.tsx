import { Button, Checkbox, Group, MultiSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { patch, post } from '../../app/api.ts';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { countryOptions, useCountries, useTerms } from '../directory/lookups.ts';
import { cleanSources, ResponsibleField, SourcesField } from './PracticeLinkFields.tsx';
import type { Practice } from './types.ts';

/** Proposing or editing a practice: title, description (rich text as simple HTML), countries, themes, MLFLM. */
export function PracticeForm({ practice, onDone }: { practice?: Practice; onDone: (p: Practice) => void }) {
  const { t } = useTranslation();
  const themes = useTerms('thematic_area');
  const mlflm = useTerms('mlflm');
  const countries = useCountries();
  const [title, setTitle] = useState(practice?.title ?? '');
  const [description, setDescription] = useState(practice?.description ?? '');
  const [countryCodes, setCountryCodes] = useState<string[]>(practice?.countries.map((c) => c.code) ?? []);
  const [themeCodes, setThemeCodes] = useState<string[]>(practice?.themes.map((c) => c.code) ?? []);
  const [mlflmCodes, setMlflmCodes] = useState<string[]>(practice?.mlflm.map((c) => c.code) ?? []);
  const [periodStart, setPeriodStart] = useState(practice?.periodStart ?? '');
  const [periodEnd, setPeriodEnd] = useState(practice?.periodEnd ?? '');
  const [responsible, setResponsible] = useState(
    practice?.responsible.map((r) => ({ organisationId: r.organisationId, name: r.name })) ?? [],
  );
  const [sources, setSources] = useState(practice?.sources ?? []);
  const [asiaPacific, setAsiaPacific] = useState(
    practice?.regions.some((r) => r.code === 'ilo-asia-pacific') ?? false,
  );
  const save = useMutation({
    mutationFn: async () => {
      const body = {
        title,
        description,
        countries: countryCodes,
        themes: themeCodes,
        mlflm: mlflmCodes,
        regions: asiaPacific ? ['ilo-asia-pacific'] : [],
        periodStart: periodStart.trim() || null,
        periodEnd: periodEnd.trim() || null,
        // None named on a new proposal: the server makes the proposing organisation responsible.
        responsible:
          responsible.length || practice
            ? responsible.map((r) => ({ organisationId: r.organisationId }))
            : undefined,
        sources: cleanSources(sources),
      };
      const r = practice
        ? await patch<{ data: Practice }>(`/practices/${practice.id}`, { ...body, version: practice.version })
        : await post<{ data: Practice }>('/practices', body);
      return r.data;
    },
    onSuccess: onDone,
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
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
        <MultiSelect
          label={t('Countries')}
          searchable
          data={countryOptions(countries.data)}
          value={countryCodes}
          onChange={setCountryCodes}
        />
        <Checkbox
          label={t('ILO region: Asia and the Pacific')}
          checked={asiaPacific}
          onChange={(e) => setAsiaPacific(e.currentTarget.checked)}
        />
        <MultiSelect
          label={t('Thematic areas')}
          data={(themes.data ?? []).map((x) => ({ value: x.code, label: x.label }))}
          value={themeCodes}
          onChange={setThemeCodes}
        />
        <MultiSelect
          label={t('MLFLM principles and guidelines')}
          searchable
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
