import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { termOptions, useCountries, useGroupings, useTerms } from './lookups.ts';

// Filter fields the organisation and people lists share: '' means "any".

interface FilterProps {
  value: string;
  onChange: (value: string) => void;
}

export function CountryFilter({ value, onChange }: FilterProps) {
  const { t } = useTranslation();
  const countries = useCountries();
  return (
    <NativeSelect
      label={t('Country')}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      data={[
        { value: '', label: t('All countries') },
        ...(countries.data ?? []).map((c) => ({ value: c.alpha2, label: c.name })),
      ]}
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
