import { Checkbox, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CountrySelect } from './FilterFields.tsx';
import type { Person } from './types.ts';

export interface PersonDraft {
  name: string;
  honorificPrefix: string;
  sortName: string;
  summary: string;
  countryCode: string;
  languages: string;
  email: string;
  phone: string;
  publicConsent: boolean;
}

export const emptyPerson: PersonDraft = {
  name: '',
  honorificPrefix: '',
  sortName: '',
  summary: '',
  countryCode: '',
  languages: '',
  email: '',
  phone: '',
  publicConsent: false,
};

export const draftOfPerson = (p: Person): PersonDraft => ({
  name: p.name,
  honorificPrefix: p.honorificPrefix ?? '',
  sortName: p.sortName ?? '',
  summary: p.summary ?? '',
  countryCode: p.countryCode ?? '',
  languages: p.languages.join(', '),
  email: p.email ?? '',
  phone: p.phone ?? '',
  publicConsent: p.publicConsent,
});

/**
 * The draft as the API expects it: empty fields become null. Contact fields go only with
 * `withContact`, since someone who may not read them may not overwrite them either.
 */
export function personBody(d: PersonDraft, withContact: boolean) {
  return {
    name: d.name.trim(),
    honorificPrefix: d.honorificPrefix.trim() || null,
    sortName: d.sortName.trim() || null,
    summary: d.summary.trim() || null,
    countryCode: d.countryCode || null,
    languages: d.languages
      .split(/[,\s]+/)
      .map((code) => code.trim())
      .filter(Boolean),
    publicConsent: d.publicConsent,
    ...(withContact ? { email: d.email.trim() || null, phone: d.phone.trim() || null } : {}),
  };
}

/** The editable fields of a person, shared by the add page and the edit dialog. */
export function PersonFields({
  draft,
  onChange,
  withContact,
}: {
  draft: PersonDraft;
  onChange: (d: PersonDraft) => void;
  withContact: boolean;
}) {
  const { t } = useTranslation();
  const set = (key: keyof PersonDraft, value: string | boolean) => onChange({ ...draft, [key]: value });
  return (
    <Stack gap="sm">
      <TextInput
        label={t('Name')}
        required
        value={draft.name}
        onChange={(e) => set('name', e.currentTarget.value)}
        maxLength={200}
      />
      <TextInput
        label={t('Title (e.g. Atty., Hon.)')}
        value={draft.honorificPrefix}
        onChange={(e) => set('honorificPrefix', e.currentTarget.value)}
        maxLength={50}
      />
      <TextInput
        label={t('Sort as (e.g. family name first)')}
        value={draft.sortName}
        onChange={(e) => set('sortName', e.currentTarget.value)}
        maxLength={200}
      />
      <CountrySelect
        label={t('Country')}
        emptyLabel={t('Not set')}
        value={draft.countryCode}
        onChange={(code) => set('countryCode', code)}
      />
      <TextInput
        label={t('Languages (codes separated by commas, e.g. en, tl, ko)')}
        value={draft.languages}
        onChange={(e) => set('languages', e.currentTarget.value)}
      />
      <Textarea
        label={t('Summary')}
        autosize
        minRows={3}
        maxLength={2000}
        value={draft.summary}
        onChange={(e) => set('summary', e.currentTarget.value)}
      />
      {withContact && (
        <>
          <TextInput
            label={t('Email')}
            type="email"
            value={draft.email}
            onChange={(e) => set('email', e.currentTarget.value)}
          />
          <TextInput
            label={t('Phone')}
            type="tel"
            value={draft.phone}
            onChange={(e) => set('phone', e.currentTarget.value)}
          />
        </>
      )}
      <Checkbox
        label={t('Listed publicly (the person has agreed to appear in the public directory)')}
        checked={draft.publicConsent}
        onChange={(e) => set('publicConsent', e.currentTarget.checked)}
      />
    </Stack>
  );
}
