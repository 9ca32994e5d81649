import { NativeSelect, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, queryString } from '../../app/api.ts';
import { keepEnterInPicker } from '../../ui/Pickers.tsx';

/** Finds a person of the directory by name: a search box, then a plain select of the matches. */
export function PersonPicker({
  label,
  searchLabel,
  onChange,
}: {
  label: string;
  searchLabel: string;
  onChange: (personId: string | null) => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [pickedId, setPickedId] = useState('');
  const candidates = useQuery({
    queryKey: ['people', 'pick', q],
    queryFn: async () =>
      (await api<{ data: { id: string; name: string }[] }>(`/people${queryString({ q, limit: 20 })}`)).data,
    enabled: q.length >= 2,
  });
  const options = q.length >= 2 ? (candidates.data ?? []) : [];
  const chosen = options.find((p) => p.id === pickedId) ?? options[0] ?? null;
  const chosenId = chosen?.id ?? null;
  useEffect(() => onChange(chosenId), [chosenId, onChange]);
  return (
    <Stack gap="xs">
      <TextInput
        label={searchLabel}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        onKeyDown={keepEnterInPicker}
      />
      <NativeSelect
        label={label}
        value={chosenId ?? ''}
        onChange={(e) => setPickedId(e.currentTarget.value)}
        data={
          options.length
            ? options.map((p) => ({ value: p.id, label: p.name }))
            : [{ value: '', label: t('Type a name to find it') }]
        }
      />
    </Stack>
  );
}
