import { Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, post, queryString } from '../../app/api.ts';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { termOptions, useTerms } from './lookups.ts';
import type { Organisation } from './types.ts';

/** Links a member organisation to this one with a role and a start date. */
export function AddMemberForm({ parentId, onDone }: { parentId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const roles = useTerms('membership_role');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [memberId, setMemberId] = useState('');
  const [roleCode, setRoleCode] = useState('member');
  const [startDate, setStartDate] = useState('');
  const candidates = useQuery({
    queryKey: ['organisations', 'pick', q],
    queryFn: async () =>
      (await api<{ data: Organisation[] }>(`/organisations${queryString({ q, limit: 20 })}`)).data,
    enabled: q.length >= 2,
  });
  const options = (candidates.data ?? []).filter((o) => o.id !== parentId);
  const chosen = memberId || options[0]?.id || '';
  const add = useMutation({
    mutationFn: () =>
      post('/memberships', { organisationId: chosen, parentId, roleCode, startDate: startDate || null }),
    onSuccess: () => {
      setSearch('');
      setMemberId('');
      setStartDate('');
      onDone();
    },
  });
  return (
    <Stack
      component="form"
      gap="sm"
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate();
      }}
      aria-label={t('Add a member')}
    >
      <ProblemAlert error={add.error} />
      <TextInput
        label={t('Find an organisation')}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
      />
      <NativeSelect
        label={t('Member organisation')}
        value={chosen}
        onChange={(e) => setMemberId(e.currentTarget.value)}
        data={
          options.length
            ? options.map((o) => ({ value: o.id, label: o.name }))
            : [{ value: '', label: t('Type a name to find it') }]
        }
      />
      <Group grow align="flex-end">
        <NativeSelect
          label={t('Role')}
          value={roleCode}
          onChange={(e) => setRoleCode(e.currentTarget.value)}
          data={termOptions(roles.data)}
        />
        <TextInput
          label={t('Since (YYYY, YYYY-MM or YYYY-MM-DD)')}
          value={startDate}
          onChange={(e) => setStartDate(e.currentTarget.value.trim())}
        />
      </Group>
      <Group>
        <Button type="submit" loading={add.isPending} disabled={!chosen}>
          {t('Add member')}
        </Button>
      </Group>
    </Stack>
  );
}
