import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { Picker } from '../../ui/Pickers.tsx';

/** Chooses one existing programme by name (the publication form); '' when none. */
export function ProgrammePicker({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const choices = useQuery({
    queryKey: ['programmes', 'choices', i18n.language],
    queryFn: async () => (await api<{ data: { id: string; name: string }[] }>('/programmes/choices')).data,
    staleTime: 60_000,
  });
  return (
    <Picker
      clearable
      label={t('Programme')}
      placeholder={t('None')}
      nothingFoundMessage={t('No programme matches')}
      data={(choices.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
      value={value || null}
      onChange={(id) => onChange(id ?? '')}
    />
  );
}
