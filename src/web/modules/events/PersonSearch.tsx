import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, queryString } from '../../app/api.ts';
import { MultiPicker } from '../../ui/Pickers.tsx';

interface PersonOption {
  id: string;
  name: string;
}

/**
 * Several directory people found by typing their name. People already chosen keep their names
 * (passed in `known`) while the search shows others.
 */
export function PeoplePicker({
  label,
  value,
  known = [],
  onChange,
}: {
  label: string;
  value: string[];
  known?: PersonOption[];
  onChange: (ids: string[], people: PersonOption[]) => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [seen, setSeen] = useState<PersonOption[]>(known);
  const found = useQuery({
    queryKey: ['people', 'pick', q],
    queryFn: async () =>
      (await api<{ data: PersonOption[] }>(`/people${queryString({ q: q || undefined, limit: 50 })}`)).data,
  });
  const all = new Map([...seen, ...(found.data ?? [])].map((p) => [p.id, p]));
  return (
    <MultiPicker
      label={label}
      placeholder={t('Type a name')}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      value={value}
      nothingFoundMessage={t('Nobody found')}
      data={[...all.values()].map((p) => ({ value: p.id, label: p.name }))}
      onChange={(ids) => {
        const picked = ids.map((id) => all.get(id)!).filter(Boolean);
        setSeen(picked);
        onChange(ids, picked);
      }}
    />
  );
}
