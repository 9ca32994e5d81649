import { Alert, Button, Loader, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Role } from '../../../shared/roles.ts';
import { post } from '../../app/api.ts';
import { STAFF_HOME } from '../../app/capability.ts';
import { ME_KEY } from '../../app/session.ts';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { PublicLayout } from '../../ui/PublicLayout.tsx';
import { roleLabels } from '../../ui/roles.ts';
import { takeFragmentToken } from './fragment.ts';
import { NewPasswordInput, usePasswordRule } from './PasswordFields.tsx';

type Invitation = { email: string; role: Role; organisation: string | null };

/** Accepting an invitation: see what it is for, choose a name and password, and you are in. */
export function InvitationPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [token] = useState(takeFragmentToken);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [passwordError, setPasswordError] = useState<string | null>(null);
  const passwordRule = usePasswordRule();
  // POST, not GET: the token stays in the body, out of URLs and logs.
  const lookup = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => post<{ data: Invitation }>('/invitations/lookup', { token }),
    enabled: Boolean(token),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const accept = useMutation({
    mutationFn: () => post('/invitations/accept', { token, name, password, locale: i18n.language }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ME_KEY });
      navigate(STAFF_HOME, { replace: true });
    },
  });

  useEffect(() => {
    document.title = `${t('Accept your invitation')} · Tulay`;
  }, [t]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problem = passwordRule(password);
    setPasswordError(problem);
    if (!problem) accept.mutate();
  };

  let body: React.ReactNode;
  if (!token) {
    body = (
      <Alert color="red" title={t('This link is incomplete')}>
        {t('Open the whole link from your invitation email, including the part after #.')}
      </Alert>
    );
  } else if (lookup.isPending) body = <Loader aria-label={t('Loading')} />;
  else if (lookup.isError) body = <ProblemAlert error={lookup.error} />;
  else {
    const invitation = lookup.data.data;
    body = (
      <Stack>
        <Table variant="vertical" layout="fixed" withTableBorder>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w="40%">{t('Email')}</Table.Th>
              <Table.Td className="wrap-anywhere">{invitation.email}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('Organisation')}</Table.Th>
              <Table.Td>{invitation.organisation ?? ''}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('Role')}</Table.Th>
              <Table.Td>{t(roleLabels[invitation.role] ?? invitation.role)}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        <form onSubmit={submit} noValidate>
          <Stack>
            <ProblemAlert error={accept.error} />
            <TextInput
              label={t('Your name')}
              autoComplete="name"
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              required
            />
            <NewPasswordInput value={password} onChange={setPassword} error={passwordError} />
            <Button type="submit" loading={accept.isPending} disabled={!name || !password}>
              {t('Create my account')}
            </Button>
          </Stack>
        </form>
      </Stack>
    );
  }

  return (
    <PublicLayout width={480}>
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1} fz={26}>
            {t('Accept your invitation')}
          </Title>
          <Text c="dimmed" size="sm">
            {t('You have been invited to work in Tulay. Choose your name and password to begin.')}
          </Text>
        </Stack>
        {body}
      </Stack>
    </PublicLayout>
  );
}
