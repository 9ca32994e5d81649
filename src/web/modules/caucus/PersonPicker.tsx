import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, queryString } from '../../app/api.ts';
import { Picker } from '../../ui/Pickers.tsx';

interface PersonOption {
  id: string;
  name: string;
}

/** One directory person found by typing a name; the person already chosen keeps their name. */
export function PersonPicker({
  label,
  value,
  known,
  onChange,
}: {
  label: string;
  value: string;
  known?: PersonOption;
  onChange: (id: string) => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [picked, setPicked] = useState<PersonOption | undefined>(known);
  const found = useQuery({
    queryKey: ['people', 'pick', q],
    queryFn: async () =>
      (await api<{ data: PersonOption[] }>(`/people${queryString({ q: q || undefined, limit: 50 })}`)).data,
  });
  const all = new Map([...(picked ? [picked] : []), ...(found.data ?? [])].map((p) => [p.id, p]));
  return (
    <Picker
      label={label}
      required
      placeholder={t('Type a name')}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={t('Nobody found')}
      data={[...all.values()].map((p) => ({ value: p.id, label: p.name }))}
      value={value || null}
      onChange={(id) => {
        setPicked(id ? all.get(id) : undefined);
        onChange(id ?? '');
      }}
    />
  );
}
