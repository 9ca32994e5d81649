import type { MultiSelectProps, SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MultiPicker, Picker } from '../../ui/Pickers.tsx';
import { countryOptions, useCountries } from './lookups.ts';

// The one way to choose a country in a form: by its name in the interface language, searchable,
// ordered by that name. The value is still the ISO 3166 alpha-2 code, so "Indonesia" is ID and can
// no longer be mistyped as IN (India).

type Single = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: string;
  /** The chosen code, or '' when cleared. */
  onChange: (code: string) => void;
};

export function CountryPicker({ value, onChange, ...props }: Single) {
  const { t } = useTranslation();
  const countries = useCountries();
  return (
    <Picker
      clearable
      nothingFoundMessage={t('No country matches')}
      placeholder={t('Type a country name')}
      {...props}
      data={countryOptions(countries.data)}
      value={value || null}
      onChange={(code) => onChange(code ?? '')}
    />
  );
}

type Multi = Omit<MultiSelectProps, 'data' | 'value' | 'onChange'> & {
  value: string[];
  onChange: (codes: string[]) => void;
};

export function CountriesPicker({ value, onChange, ...props }: Multi) {
  const { t } = useTranslation();
  const countries = useCountries();
  return (
    <MultiPicker
      clearable
      hidePickedOptions
      nothingFoundMessage={t('No country matches')}
      {...props}
      data={countryOptions(countries.data)}
      value={value}
      onChange={onChange}
    />
  );
}
