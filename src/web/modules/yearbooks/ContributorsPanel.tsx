import { Button, Group, Select, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, patch, queryString } from '../../app/api.ts';
import { Panel, PlainList } from '../../ui/Panel.tsx';
import { Picker } from '../../ui/Pickers.tsx';
import { ROLE_LABELS } from './labels.ts';
import type { Edition } from './types.ts';

type Option = { id: string; name: string };

/** Directory people and organisations credited in the edition, each with a role. */
export function ContributorsPanel({ edition, onSaved }: { edition: Edition; onSaved: (e: Edition) => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<'person' | 'organisation'>('person');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [picked, setPicked] = useState<string | null>(null);
  const [role, setRole] = useState('author');
  const found = useQuery({
    queryKey: ['yearbooks', 'contributors', kind, q],
    queryFn: async () =>
      (
        await api<{ data: Option[] }>(
          `/${kind === 'person' ? 'people' : 'organisations'}${queryString({ q: q || undefined, limit: 30 })}`,
        )
      ).data,
  });
  const save = useMutation({
    mutationFn: async (contributors: Edition['contributors']) =>
      (
        await patch<{ data: Edition }>(`/yearbooks/${edition.id}`, {
          version: edition.version,
          contributors: contributors.map(({ name: _name, ...c }) => c),
        })
      ).data,
    onSuccess: (e) => {
      setPicked(null);
      onSaved(e);
    },
  });
  const list = edition.contributors;
  return (
    <Panel title={t('Contributors')} error={save.error}>
      {list.length === 0 && <Text c="dimmed">{t('No contributors yet.')}</Text>}
      <PlainList label={t('Contributors')}>
        {list.map((c, i) => (
          <li key={`${c.personId ?? c.organisationId}-${c.role}`}>
            <Group gap="xs">
              <Text>
                {c.name} · {t(ROLE_LABELS[c.role] ?? c.role)}
              </Text>
              {edition.abilities.update && (
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  onClick={() => save.mutate(list.filter((_, j) => j !== i))}
                >
                  {t('Remove')}
                </Button>
              )}
            </Group>
          </li>
        ))}
      </PlainList>
      {edition.abilities.update && (
        <Group align="end" wrap="wrap" gap="xs">
          <Select
            label={t('Contributor is')}
            value={kind}
            allowDeselect={false}
            onChange={(v) => {
              setKind(v === 'organisation' ? 'organisation' : 'person');
              setPicked(null);
            }}
            data={[
              { value: 'person', label: t('A person') },
              { value: 'organisation', label: t('An organisation') },
            ]}
          />
          <Picker
            label={t('Name')}
            searchValue={search}
            onSearchChange={setSearch}
            filter={({ options }) => options}
            value={picked}
            onChange={setPicked}
            data={(found.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
          />
          <Select
            label={t('Role')}
            value={role}
            allowDeselect={false}
            onChange={(v) => setRole(v ?? 'author')}
            data={Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label: t(label) }))}
          />
          <Button
            disabled={!picked}
            loading={save.isPending}
            onClick={() =>
              save.mutate([
                ...list,
                {
                  ...(kind === 'person' ? { personId: picked! } : { organisationId: picked! }),
                  role,
                  name: '',
                },
              ])
            }
          >
            {t('Add')}
          </Button>
        </Group>
      )}
    </Panel>
  );
}
