import { Anchor, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../app/api.ts';
import { Picker } from '../../ui/Pickers.tsx';

function useChoices() {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: ['programmes', 'choices', i18n.language],
    queryFn: async () => (await api<{ data: { id: string; name: string }[] }>('/programmes/choices')).data,
    staleTime: 60_000,
  });
}

/** "Programme: <name>" linking to the programme's staff page (a publication names its programme). */
export function ProgrammeLink({ id }: { id: string }) {
  const { t } = useTranslation();
  const name = useChoices().data?.find((p) => p.id === id)?.name;
  if (!name) return null;
  return (
    <Text size="sm">
      {t('Programme')}:{' '}
      <Anchor component={Link} to={`/advocacy/programmes/${id}`}>
        {name}
      </Anchor>
    </Text>
  );
}

/** Chooses one existing programme by name (the publication form); '' when none. */
export function ProgrammePicker({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  const { t } = useTranslation();
  const choices = useChoices();
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
