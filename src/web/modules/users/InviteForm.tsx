import { Alert, Button, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ALWAYS_TWO_FACTOR_ROLES, type Role } from '../../../shared/roles.ts';
import { api, post, queryString } from '../../app/api.ts';
import { can, useMe } from '../../app/session.ts';
import { Picker } from '../../ui/Pickers.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { assignableRoles, roleLabels } from '../../ui/roles.ts';

type Organisation = { id: string; name: string; acronym?: string | null };

/**
 * Invites a person by email; the link goes out by email (or waits, unreadable, in the outbox without
 * SMTP). An organisation's administrator invites into their own organisation only; a network
 * administrator picks any.
 */
export function InviteForm({ onDone }: { onDone: (email: string) => void }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const network = can(me?.abilities, 'user', 'actAcrossOrganisations');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [organisationId, setOrganisationId] = useState<string | null>(me?.organisation.id ?? null);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const organisations = useQuery({
    queryKey: ['organisations', 'picker', debounced],
    queryFn: () =>
      api<{ data: Organisation[] }>(`/organisations${queryString({ q: debounced.trim(), limit: 20 })}`),
    enabled: network && can(me?.abilities, 'organisation', 'list'),
  });
  const invite = useMutation({
    mutationFn: () => post('/users/invitations', { email, role, organisationId }),
    onSuccess: () => onDone(email),
  });

  // The own organisation is always offered, so the common case needs no search at all.
  const options = new Map<string, string>();
  if (me) options.set(me.organisation.id, me.organisation.name);
  for (const o of organisations.data?.data ?? [])
    options.set(o.id, o.acronym ? `${o.name} (${o.acronym})` : o.name);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    invite.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ProblemAlert error={invite.error} />
        <TextInput
          label={t('Email')}
          type="email"
          autoComplete="off"
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          required
          data-autofocus
        />
        <NativeSelect
          label={t('Role')}
          data={assignableRoles(network).map((r) => ({ value: r, label: t(roleLabels[r]) }))}
          value={role}
          onChange={(e) => setRole(e.currentTarget.value as Role)}
        />
        {network ? (
          <Picker
            label={t('Organisation')}
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            data={[...options].map(([value, label]) => ({ value, label }))}
            value={organisationId}
            onChange={setOrganisationId}
            nothingFoundMessage={t('No organisation found')}
            filter={({ options: all }) => all}
            comboboxProps={{ withinPortal: false }}
          />
        ) : (
          <TextInput label={t('Organisation')} value={me?.organisation.name ?? ''} readOnly />
        )}
        {role === 'case_worker' || ALWAYS_TWO_FACTOR_ROLES.includes(role) ? (
          <Alert color="tulay" variant="light">
            {t(
              'This role usually requires two-factor authentication: the person will set it up at first sign-in.',
            )}
          </Alert>
        ) : null}
        <Button type="submit" loading={invite.isPending} disabled={!email || !organisationId}>
          {t('Send invitation')}
        </Button>
      </Stack>
    </form>
  );
}
