import { Button, CloseButton, Fieldset, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../../shared/locales.ts';
import { msg } from '../../app/capability.ts';
import { PlainList } from '../../ui/Panel.tsx';
import { CountriesPicker } from './CountryPicker.tsx';
import { corridorLabel, countryOptions, useCountries } from './lookups.ts';

// The organisation fields that hold lists: names per language, countries where active, corridors
// and contact points. Each edits a plain value of the draft.

export type ContactType = 'email' | 'phone' | 'address' | 'url' | 'other';
export interface ContactDraft {
  type: ContactType;
  value: string;
  label?: string;
}

const CONTACT_TYPES: Record<ContactType, string> = {
  email: msg('Email'),
  phone: msg('Phone'),
  address: msg('Address'),
  url: msg('Web address'),
  other: msg('Other'),
};

export function NamesField({
  names,
  onChange,
}: {
  names: Record<string, string>;
  onChange: (names: Record<string, string>) => void;
}) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={t('Name in other languages')} variant="unstyled">
      <Stack gap="xs">
        {LOCALES.filter((l) => l.code !== 'en').map((l) => (
          <TextInput
            key={l.code}
            label={l.name}
            lang={l.code}
            dir={l.dir}
            value={names[l.code] ?? ''}
            onChange={(e) => onChange({ ...names, [l.code]: e.currentTarget.value })}
            maxLength={200}
          />
        ))}
      </Stack>
    </Fieldset>
  );
}

function useCountryOptions() {
  const { i18n } = useTranslation();
  const countries = useCountries();
  const options = countryOptions(countries.data);
  return { options, labelOf: (corridor: string) => corridorLabel(countries.data, corridor, i18n.dir()) };
}

export function CountriesField({ value, onChange }: { value: string[]; onChange: (v: string[]) => void }) {
  const { t } = useTranslation();
  return <CountriesPicker label={t('Countries where active')} value={value} onChange={onChange} />;
}

/** Corridors as origin → destination pairs, stored as "PH-HK". */
export function CorridorsField({ value, onChange }: { value: string[]; onChange: (v: string[]) => void }) {
  const { t } = useTranslation();
  const { options, labelOf } = useCountryOptions();
  const [origin, setOrigin] = useState('');
  const [destination, setDestination] = useState('');
  const code = `${origin}-${destination}`;
  const canAdd = origin && destination && origin !== destination && !value.includes(code);
  const choices = [{ value: '', label: t('Choose a country') }, ...options];
  return (
    <Fieldset legend={t('Corridors (origin → destination)')} variant="unstyled">
      <Stack gap="xs">
        {value.length > 0 && (
          <PlainList label={t('Corridors')}>
            {value.map((corridor) => {
              const label = labelOf(corridor);
              return (
                <Group component="li" key={corridor} gap="xs" wrap="nowrap">
                  <Text size="sm">{label}</Text>
                  <CloseButton
                    size="sm"
                    aria-label={t('Remove corridor {{corridor}}', { corridor: label })}
                    onClick={() => onChange(value.filter((c) => c !== corridor))}
                  />
                </Group>
              );
            })}
          </PlainList>
        )}
        <Group gap="xs" align="flex-end">
          <NativeSelect
            label={t('Origin')}
            value={origin}
            onChange={(e) => setOrigin(e.currentTarget.value)}
            data={choices}
            style={{ flex: '1 1 140px' }}
          />
          <NativeSelect
            label={t('Destination')}
            value={destination}
            onChange={(e) => setDestination(e.currentTarget.value)}
            data={choices}
            style={{ flex: '1 1 140px' }}
          />
          <Button
            variant="light"
            disabled={!canAdd}
            onClick={() => {
              onChange([...value, code]);
              setDestination('');
            }}
          >
            {t('Add corridor')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}

export function ContactPointsField({
  value,
  onChange,
}: {
  value: ContactDraft[];
  onChange: (v: ContactDraft[]) => void;
}) {
  const { t } = useTranslation();
  const change = (i: number, patch: Partial<ContactDraft>) =>
    onChange(value.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  return (
    <Fieldset legend={t('Contact points')} variant="unstyled">
      <Stack gap="xs">
        {value.map((contact, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and have no id
          <Group key={i} gap="xs" align="flex-end" wrap="wrap">
            <NativeSelect
              label={t('Kind of contact {{number}}', { number: i + 1 })}
              value={contact.type}
              onChange={(e) => change(i, { type: e.currentTarget.value as ContactType })}
              data={Object.entries(CONTACT_TYPES).map(([type, label]) => ({ value: type, label: t(label) }))}
              style={{ flex: '0 1 140px' }}
            />
            <TextInput
              label={t('Contact {{number}}', { number: i + 1 })}
              value={contact.value}
              onChange={(e) => change(i, { value: e.currentTarget.value })}
              maxLength={300}
              style={{ flex: '1 1 180px' }}
            />
            <CloseButton
              aria-label={t('Remove contact {{number}}', { number: i + 1 })}
              onClick={() => onChange(value.filter((_, j) => j !== i))}
              mb={6}
            />
          </Group>
        ))}
        <div>
          <Button
            variant="subtle"
            disabled={value.length >= 20}
            onClick={() => onChange([...value, { type: 'email', value: '' }])}
          >
            {t('Add a contact point')}
          </Button>
        </div>
      </Stack>
    </Fieldset>
  );
}
