import { NativeSelect } from '@mantine/core';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { countryOptions, termOptions, useCountries, useGroupings, useTerms } from './lookups.ts';

// Select fields the directory's lists and forms share: '' means "any" (or "not set").

interface FilterProps {
  value: string;
  onChange: (value: string) => void;
}

/** A country, or none: `emptyLabel` names the empty choice ("All countries", "Not set"). */
export function CountrySelect({
  label,
  emptyLabel,
  value,
  onChange,
  style,
}: FilterProps & { label: string; emptyLabel: string; style?: CSSProperties }) {
  const countries = useCountries();
  return (
    <NativeSelect
      label={label}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      data={[{ value: '', label: emptyLabel }, ...countryOptions(countries.data)]}
      style={style}
    />
  );
}

export function CountryFilter({ value, onChange }: FilterProps) {
  const { t } = useTranslation();
  return (
    <CountrySelect
      label={t('Country')}
      emptyLabel={t('All countries')}
      value={value}
      onChange={onChange}
      style={{ flex: '1 1 180px' }}
    />
  );
}

export function RegionFilter({ value, onChange }: FilterProps) {
  const { t } = useTranslation();
  const groupings = useGroupings();
  return (
    <NativeSelect
      label={t('Region or grouping')}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      data={[
        { value: '', label: t('All regions') },
        ...(groupings.data ?? []).map((g) => ({ value: g.code, label: g.label })),
      ]}
      style={{ flex: '1 1 180px' }}
    />
  );
}

export function RoleFilter({ value, onChange }: FilterProps) {
  const { t } = useTranslation();
  const roles = useTerms('membership_role');
  return (
    <NativeSelect
      label={t('Role')}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      data={[{ value: '', label: t('Any role') }, ...termOptions(roles.data)]}
      style={{ flex: '1 1 160px' }}
    />
  );
}
