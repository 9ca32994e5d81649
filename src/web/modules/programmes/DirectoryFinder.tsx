import { Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, queryString } from '../../app/api.ts';
import { PlainList } from '../../ui/Panel.tsx';
import { keepEnterInPicker } from '../../ui/Pickers.tsx';

export interface Found {
  id: string;
  name: string;
}

/**
 * Finds a record of the directory (organisations or people) by name: a search box, a plain select
 * of the matches (usable on cheap phones and with screen readers) and an Add button. Each use has
 * its own labels, so several on one form stay distinct.
 */
export function DirectoryFinder({
  kind,
  label,
  onAdd,
  addLabel,
}: {
  kind: 'organisations' | 'people';
  label: string;
  addLabel: string;
  onAdd: (found: Found) => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [pickedId, setPickedId] = useState('');
  const candidates = useQuery({
    queryKey: [kind, 'pick', q],
    queryFn: async () => (await api<{ data: Found[] }>(`/${kind}${queryString({ q, limit: 20 })}`)).data,
    enabled: q.length >= 2,
  });
  const options = q.length >= 2 ? (candidates.data ?? []) : [];
  const chosen = options.find((o) => o.id === pickedId) ?? options[0];
  return (
    <Stack gap={4}>
      <Group align="flex-end" gap="xs" wrap="wrap">
        <TextInput
          label={t('Find: {{what}}', { what: label })}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          onKeyDown={keepEnterInPicker}
          style={{ flex: '1 1 12rem' }}
        />
        <NativeSelect
          label={label}
          value={chosen?.id ?? ''}
          onChange={(e) => setPickedId(e.currentTarget.value)}
          data={
            options.length
              ? options.map((o) => ({ value: o.id, label: o.name }))
              : [{ value: '', label: t('Type a name to find it') }]
          }
          style={{ flex: '1 1 12rem' }}
        />
        <Button
          variant="default"
          disabled={!chosen}
          onClick={() => {
            if (!chosen) return;
            onAdd(chosen);
            setSearch('');
            setPickedId('');
          }}
        >
          {addLabel}
        </Button>
      </Group>
    </Stack>
  );
}

/** Organisations of one role: a list with Remove buttons and a finder to add more. */
export function OrganisationsField({
  label,
  addLabel,
  value,
  onChange,
}: {
  label: string;
  addLabel: string;
  value: Found[];
  onChange: (next: Found[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Text fw={500} size="sm">
        {label}
      </Text>
      <PlainList label={label}>
        {value.map((v) => (
          <Group key={v.id} component="li" justify="space-between" wrap="nowrap" gap="xs">
            <Text dir="auto">{v.name}</Text>
            <Button
              size="xs"
              variant="subtle"
              aria-label={t('Remove {{name}}', { name: v.name })}
              onClick={() => onChange(value.filter((x) => x.id !== v.id))}
            >
              {t('Remove')}
            </Button>
          </Group>
        ))}
      </PlainList>
      <DirectoryFinder
        kind="organisations"
        label={label}
        addLabel={addLabel}
        onAdd={(found) => !value.some((v) => v.id === found.id) && onChange([...value, found])}
      />
    </Stack>
  );
}
