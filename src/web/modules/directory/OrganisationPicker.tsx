import { NativeSelect, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, queryString } from '../../app/api.ts';
import { keepEnterInPicker } from '../../ui/Pickers.tsx';
import type { Organisation } from './types.ts';

/**
 * Finds an organisation of the directory by name: a search box, then a plain select of the
 * matches (a native select stays usable on cheap phones and with screen readers). Reports the
 * chosen organisation, or null while nothing matches.
 */
export function OrganisationPicker({
  label,
  exclude,
  onChange,
}: {
  label: string;
  /** An organisation that must not be offered, e.g. the one being edited. */
  exclude?: string;
  onChange: (organisation: Organisation | null) => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [pickedId, setPickedId] = useState('');
  const candidates = useQuery({
    queryKey: ['organisations', 'pick', q],
    queryFn: async () =>
      (await api<{ data: Organisation[] }>(`/organisations${queryString({ q, limit: 20 })}`)).data,
    enabled: q.length >= 2,
  });
  const options = q.length >= 2 ? (candidates.data ?? []).filter((o) => o.id !== exclude) : [];
  const chosen = options.find((o) => o.id === pickedId) ?? options[0] ?? null;
  useEffect(() => onChange(chosen), [chosen, onChange]);
  return (
    <Stack gap="xs">
      <TextInput
        label={t('Find an organisation')}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        onKeyDown={keepEnterInPicker}
      />
      <NativeSelect
        label={label}
        value={chosen?.id ?? ''}
        onChange={(e) => setPickedId(e.currentTarget.value)}
        data={
          options.length
            ? options.map((o) => ({
                value: o.id,
                label: o.countryName ? `${o.name} (${o.countryName})` : o.name,
              }))
            : [{ value: '', label: t('Type a name to find it') }]
        }
      />
    </Stack>
  );
}
