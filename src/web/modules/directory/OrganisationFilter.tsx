import { Button, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { OrganisationPicker } from './OrganisationPicker.tsx';
import type { Organisation, OrganisationProfile } from './types.ts';

/**
 * A filter on one organisation: the picker applies the organisation found; the one in force
 * (also when it came from the address) is named with a button to clear it.
 */
export function OrganisationFilter({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  const { t } = useTranslation();
  // A new key empties the picker when the filter is cleared.
  const [round, setRound] = useState(0);
  const current = useQuery({
    queryKey: ['organisation', value],
    queryFn: async () => (await api<{ data: OrganisationProfile }>(`/organisations/${value}`)).data,
    enabled: Boolean(value),
  });
  // The picker reports its choice from an effect: a stable callback keeps it from reporting on every render.
  const report = useRef(onChange);
  report.current = onChange;
  const picked = useCallback((o: Organisation | null) => {
    if (o) report.current(o.id);
  }, []);
  return (
    <Stack gap={4} style={{ flex: '1 1 220px' }}>
      <OrganisationPicker key={round} label={t('Organisation')} onChange={picked} />
      {value && (
        <Group gap="xs" wrap="nowrap" align="center">
          <Text size="sm" style={{ overflowWrap: 'anywhere' }} data-testid="organisation-filter">
            {t('Only people of {{name}}', { name: current.data?.name ?? '…' })}
          </Text>
          <Button
            size="compact-sm"
            variant="subtle"
            onClick={() => {
              onChange('');
              setRound((r) => r + 1);
            }}
          >
            {t('Any organisation')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
