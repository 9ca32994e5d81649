import { Checkbox, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CountrySelect } from './FilterFields.tsx';
import { termOptions, useTerms } from './lookups.ts';
import {
  type ContactDraft,
  ContactPointsField,
  CorridorsField,
  CountriesField,
  NamesField,
} from './OrganisationMoreFields.tsx';
import type { Organisation } from './types.ts';

export interface OrganisationDraft {
  name: string;
  acronym: string;
  typeCode: string;
  countryCode: string;
  foundedYear: string;
  website: string;
  description: string;
  published: boolean;
  /** Names in other languages, by language code. */
  names: Record<string, string>;
  countries: string[];
  corridors: string[];
  contactPoints: ContactDraft[];
}

export const emptyDraft: OrganisationDraft = {
  name: '',
  acronym: '',
  typeCode: '',
  countryCode: '',
  foundedYear: '',
  website: '',
  description: '',
  published: false,
  names: {},
  countries: [],
  corridors: [],
  contactPoints: [],
};

/** A saved organisation as a draft for the edit form. */
export const draftOf = (o: Organisation): OrganisationDraft => ({
  name: o.name,
  acronym: o.acronym ?? '',
  typeCode: o.typeCode ?? '',
  countryCode: o.countryCode ?? '',
  foundedYear: o.foundedYear ? String(o.foundedYear) : '',
  website: o.website ?? '',
  description: o.description ?? '',
  published: o.published,
  names: o.names,
  countries: o.countries,
  corridors: o.corridors,
  contactPoints: o.contactPoints,
});

/** The draft as the API expects it: empty fields become null. */
export function toBody(d: OrganisationDraft) {
  return {
    name: d.name.trim(),
    acronym: d.acronym.trim() || null,
    typeCode: d.typeCode || null,
    countryCode: d.countryCode || null,
    foundedYear: d.foundedYear ? Number(d.foundedYear) : null,
    website: d.website.trim() || null,
    description: d.description.trim() || null,
    published: d.published,
    names: Object.fromEntries(
      Object.entries(d.names)
        .map(([language, name]) => [language, name.trim()])
        .filter(([, name]) => name),
    ),
    countries: d.countries,
    corridors: d.corridors,
    contactPoints: d.contactPoints.map((c) => ({ ...c, value: c.value.trim() })).filter((c) => c.value),
  };
}

/** The editable fields of an organisation, shared by the create page and the edit dialog. */
export function OrganisationFields({
  draft,
  onChange,
}: {
  draft: OrganisationDraft;
  onChange: (d: OrganisationDraft) => void;
}) {
  const { t } = useTranslation();
  const types = useTerms('organisation_type');
  const set = <K extends keyof OrganisationDraft>(key: K, value: OrganisationDraft[K]) =>
    onChange({ ...draft, [key]: value });
  return (
    <Stack gap="sm">
      <TextInput
        label={t('Name')}
        required
        value={draft.name}
        onChange={(e) => set('name', e.currentTarget.value)}
        maxLength={300}
      />
      <NamesField names={draft.names} onChange={(names) => set('names', names)} />
      <TextInput
        label={t('Acronym')}
        value={draft.acronym}
        onChange={(e) => set('acronym', e.currentTarget.value)}
        maxLength={50}
      />
      <NativeSelect
        label={t('Type')}
        value={draft.typeCode}
        onChange={(e) => set('typeCode', e.currentTarget.value)}
        data={[{ value: '', label: t('Not set') }, ...termOptions(types.data)]}
      />
      <CountrySelect
        label={t('Headquarters country')}
        emptyLabel={t('Not set')}
        value={draft.countryCode}
        onChange={(code) => set('countryCode', code)}
      />
      <CountriesField value={draft.countries} onChange={(countries) => set('countries', countries)} />
      <CorridorsField value={draft.corridors} onChange={(corridors) => set('corridors', corridors)} />
      <TextInput
        label={t('Founding year')}
        inputMode="numeric"
        value={draft.foundedYear}
        onChange={(e) => set('foundedYear', e.currentTarget.value.replace(/\D/g, '').slice(0, 4))}
      />
      <TextInput
        label={t('Website')}
        type="url"
        value={draft.website}
        onChange={(e) => set('website', e.currentTarget.value)}
      />
      <Textarea
        label={t('Description')}
        autosize
        minRows={3}
        value={draft.description}
        onChange={(e) => set('description', e.currentTarget.value)}
      />
      <ContactPointsField
        value={draft.contactPoints}
        onChange={(contactPoints) => set('contactPoints', contactPoints)}
      />
      <Checkbox
        label={t('Show in the public directory')}
        checked={draft.published}
        onChange={(e) => set('published', e.currentTarget.checked)}
      />
    </Stack>
  );
}
