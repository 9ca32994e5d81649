import { Alert, Anchor, Button, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, post } from '../../app/api.ts';
import { STAFF_HOME } from '../../app/capability.ts';
import { ME_KEY } from '../../app/session.ts';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { PublicLayout } from '../../ui/PublicLayout.tsx';
import { takeFragmentToken } from './fragment.ts';
import { NewPasswordInput, usePasswordRule } from './PasswordFields.tsx';

/** Creates the first administrator from the single-use link Tulay prints on first start. */
export function SetupPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [token] = useState(takeFragmentToken);
  const [form, setForm] = useState({ organisationName: '', name: '', email: '', password: '' });
  const [passwordError, setPasswordError] = useState<string | null>(null);
  const passwordRule = usePasswordRule();
  const status = useQuery({
    queryKey: ['setup'],
    queryFn: () => api<{ data: { needed: boolean } }>('/setup'),
  });
  const setup = useMutation({
    mutationFn: () => post('/setup', { token, ...form, locale: i18n.language }),
    onSuccess: async () => {
      client.setQueryData(['setup'], { data: { needed: false } });
      await client.invalidateQueries({ queryKey: ME_KEY });
      navigate(STAFF_HOME, { replace: true });
    },
  });

  useEffect(() => {
    document.title = `${t('Set up Tulay')} · Tulay`;
  }, [t]);

  const field = (name: keyof typeof form) => ({
    value: form[name],
    onChange: (e: { currentTarget: { value: string } }) =>
      setForm({ ...form, [name]: e.currentTarget.value }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problem = passwordRule(form.password);
    setPasswordError(problem);
    if (!problem) setup.mutate();
  };

  let body: React.ReactNode;
  if (status.isPending) body = <Loader aria-label={t('Loading')} />;
  else if (status.data && !status.data.data.needed && !setup.isPending) {
    body = (
      <Alert color="tulay" title={t('Tulay is already set up')}>
        <Anchor component={Link} to="/sign-in">
          {t('Sign in')}
        </Anchor>
      </Alert>
    );
  } else if (!token) {
    body = (
      <Alert color="red" title={t('This link is incomplete')}>
        {t('Copy the whole setup link printed when Tulay started, including the part after #.')}
      </Alert>
    );
  } else {
    body = (
      <form onSubmit={submit} noValidate>
        <Stack>
          <ProblemAlert error={setup.error} />
          <TextInput
            label={t('Organisation name')}
            description={t(
              'The organisation that runs this Tulay, e.g. your mission or network secretariat.',
            )}
            autoComplete="organization"
            required
            {...field('organisationName')}
          />
          <TextInput label={t('Your name')} autoComplete="name" required {...field('name')} />
          <TextInput label={t('Email')} type="email" autoComplete="email" required {...field('email')} />
          <NewPasswordInput
            value={form.password}
            onChange={(password) => setForm({ ...form, password })}
            error={passwordError}
          />
          <Button
            type="submit"
            loading={setup.isPending}
            disabled={!form.organisationName || !form.name || !form.email || !form.password}
          >
            {t('Create administrator account')}
          </Button>
        </Stack>
      </form>
    );
  }

  return (
    <PublicLayout width={480}>
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1} fz={26}>
            {t('Set up Tulay')}
          </Title>
          <Text c="dimmed" size="sm">
            {t('Create the first administrator. You will set up two-factor authentication next.')}
          </Text>
        </Stack>
        {body}
      </Stack>
    </PublicLayout>
  );
}
