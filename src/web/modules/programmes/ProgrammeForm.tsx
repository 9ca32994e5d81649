import { Alert, Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { patch, post } from '../../app/api.ts';
import { changedFields } from '../../app/changed-fields.ts';
import { MultiPicker } from '../../ui/Pickers.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { CountriesPicker } from '../directory/CountryPicker.tsx';
import { useTerms } from '../directory/lookups.ts';
import { type Found, OrganisationsField } from './DirectoryFinder.tsx';
import {
  figuresText,
  type IndicatorEntry,
  IndicatorsField,
  PeopleField,
  type PersonEntry,
  parseFigures,
  TranslationsField,
} from './ProgrammeFields.tsx';
import type { Programme, ProgrammeOrganisation } from './types.ts';

const found = (orgs?: ProgrammeOrganisation[]): Found[] =>
  (orgs ?? []).map((o) => ({ id: o.id, name: o.name }));
const orNull = (s: string) => s.trim() || null;

/**
 * Creating or editing a programme. Every field the record holds is on the form; an edit sends only
 * what changed since the form opened (with the version it read), so nothing it did not touch is
 * rewritten, and a stale edit gets the server's 409.
 */
export function ProgrammeForm({
  programme,
  defaultOrganisation,
  onDone,
}: {
  programme?: Programme;
  defaultOrganisation?: Found;
  onDone: (p: Programme) => void;
}) {
  const { t } = useTranslation();
  const themes = useTerms('programme_theme');
  const groups = useTerms('programme_target_group');
  const [name, setName] = useState(programme?.name ?? '');
  const [slug, setSlug] = useState(programme?.slug ?? '');
  const [summary, setSummary] = useState(programme?.summary ?? '');
  const [names, setNames] = useState(programme?.names ?? {});
  const [summaries, setSummaries] = useState(programme?.summaries ?? {});
  const [periodStart, setPeriodStart] = useState(programme?.periodStart ?? '');
  const [periodEnd, setPeriodEnd] = useState(programme?.periodEnd ?? '');
  const [countries, setCountries] = useState(programme?.countries.map((c) => c.code) ?? []);
  const [themeCodes, setThemeCodes] = useState(programme?.themes.map((c) => c.code) ?? []);
  const [groupCodes, setGroupCodes] = useState(programme?.targetGroups.map((c) => c.code) ?? []);
  const [running, setRunning] = useState<Found[]>(
    programme ? found(programme.runningOrganisations) : defaultOrganisation ? [defaultOrganisation] : [],
  );
  const [partners, setPartners] = useState(found(programme?.partnerOrganisations));
  const [secretariats, setSecretariats] = useState(found(programme?.secretariatOrganisations));
  const [people, setPeople] = useState<PersonEntry[]>(
    (programme?.people ?? []).map((p) => ({
      personId: p.personId,
      name: p.name,
      role: p.role,
      countryCode: p.countryCode ?? '',
      label: p.label ?? '',
      startDate: p.startDate ?? '',
      endDate: p.endDate ?? '',
    })),
  );
  const [indicators, setIndicators] = useState<IndicatorEntry[]>(
    (programme?.indicators ?? []).map((i) => ({
      label: i.label,
      labels: i.labels,
      source: i.source,
      figures: figuresText(i.entered),
    })),
  );
  const unreadable = indicators.flatMap((i) => (i.source === 'manual' ? parseFigures(i.figures).bad : []));

  // A coordinator's country is a country the programme covers: choosing it adds it to the countries.
  const covered = [...new Set([...countries, ...people.map((p) => p.countryCode).filter(Boolean)])];
  const changePeople = (next: PersonEntry[]) => {
    setPeople(next);
    setCountries((now) => [...new Set([...now, ...next.map((p) => p.countryCode).filter(Boolean)])]);
  };
  const body = {
    name,
    ...(slug.trim() ? { slug: slug.trim() } : {}),
    summary: orNull(summary),
    names,
    summaries,
    periodStart: orNull(periodStart),
    periodEnd: orNull(periodEnd),
    countries: covered,
    themes: themeCodes,
    targetGroups: groupCodes,
    runningOrganisationIds: running.map((o) => o.id),
    partnerOrganisationIds: partners.map((o) => o.id),
    secretariatOrganisationIds: secretariats.map((o) => o.id),
    people: people.map((p) => ({
      personId: p.personId,
      role: p.role,
      countryCode: p.countryCode || null,
      label: orNull(p.label),
      startDate: orNull(p.startDate),
      endDate: orNull(p.endDate),
    })),
    indicators: indicators.map((i) => ({
      label: i.label,
      labels: i.labels,
      source: i.source,
      values: i.source === 'manual' ? parseFigures(i.figures).values : [],
    })),
  };
  const [opened] = useState(body);
  const save = useMutation({
    mutationFn: async (now: typeof body) =>
      (programme
        ? await patch<{ data: Programme }>(`/programmes/${programme.id}`, {
            ...changedFields(opened, now),
            version: programme.version,
          })
        : await post<{ data: Programme }>('/programmes', now)
      ).data,
    onSuccess: onDone,
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (unreadable.length === 0) save.mutate(body);
      }}
    >
      <Stack>
        <ProblemAlert error={save.error} />
        <TextInput label={t('Name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} />
        <Textarea
          label={t('Description')}
          autosize
          minRows={3}
          value={summary}
          onChange={(e) => setSummary(e.currentTarget.value)}
        />
        <TranslationsField
          names={names}
          summaries={summaries}
          onChange={(n, s) => {
            setNames(n);
            setSummaries(s);
          }}
        />
        <TextInput
          label={t('Web address (slug)')}
          description={t('Lowercase letters, digits and dashes; made from the name when left empty.')}
          value={slug}
          onChange={(e) => setSlug(e.currentTarget.value)}
        />
        <Group grow align="flex-start" wrap="wrap">
          <TextInput
            label={t('Since (YYYY, YYYY-MM or YYYY-MM-DD)')}
            value={periodStart}
            onChange={(e) => setPeriodStart(e.currentTarget.value)}
          />
          <TextInput
            label={t('Until (YYYY, YYYY-MM or YYYY-MM-DD)')}
            value={periodEnd}
            onChange={(e) => setPeriodEnd(e.currentTarget.value)}
          />
        </Group>
        <CountriesPicker label={t('Countries covered')} value={countries} onChange={setCountries} />
        <MultiPicker
          label={t('Themes')}
          data={(themes.data ?? []).map((x) => ({ value: x.code, label: x.label }))}
          value={themeCodes}
          onChange={setThemeCodes}
        />
        <MultiPicker
          label={t('Target groups')}
          data={(groups.data ?? []).map((x) => ({ value: x.code, label: x.label }))}
          value={groupCodes}
          onChange={setGroupCodes}
        />
        <OrganisationsField
          label={t('Run by')}
          addLabel={t('Add a running organisation')}
          value={running}
          onChange={setRunning}
        />
        <OrganisationsField
          label={t('Partner organisations')}
          addLabel={t('Add a partner')}
          value={partners}
          onChange={setPartners}
        />
        <OrganisationsField
          label={t('Networks whose secretariat it holds')}
          addLabel={t('Add a network')}
          value={secretariats}
          onChange={setSecretariats}
        />
        <PeopleField value={people} countries={countries} onChange={changePeople} />
        <IndicatorsField value={indicators} onChange={setIndicators} />
        {unreadable.length > 0 && (
          <Alert color="red" title={t('Some figures cannot be read')}>
            {unreadable.join(', ')}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {programme ? t('Save') : t('Save draft')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
