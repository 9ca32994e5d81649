import { Alert, Anchor, Button, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { post } from '../../app/api.ts';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { PublicLayout } from '../../ui/PublicLayout.tsx';
import { takeFragmentToken } from './fragment.ts';
import { NewPasswordInput, usePasswordRule } from './PasswordFields.tsx';

/** Chooses a new password from the emailed link; every session of the account ends. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [token] = useState(takeFragmentToken);
  const [password, setPassword] = useState('');
  const [passwordError, setPasswordError] = useState<string | null>(null);
  const passwordRule = usePasswordRule();
  const complete = useMutation({
    mutationFn: () => post('/auth/password-reset/complete', { token, password }),
  });

  useEffect(() => {
    document.title = `${t('Choose a new password')} · Tulay`;
  }, [t]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problem = passwordRule(password);
    setPasswordError(problem);
    if (!problem) complete.mutate();
  };

  let body: React.ReactNode;
  if (complete.isSuccess) {
    body = (
      <Alert color="tulay" role="status" title={t('Your password is changed')}>
        <Anchor component={Link} to="/sign-in">
          {t('Sign in with your new password')}
        </Anchor>
      </Alert>
    );
  } else if (!token) {
    body = (
      <Alert color="red" title={t('This link is incomplete')}>
        {t('Open the whole link from the email, including the part after #.')}
      </Alert>
    );
  } else {
    body = (
      <form onSubmit={submit} noValidate>
        <Stack>
          <ProblemAlert error={complete.error} />
          <NewPasswordInput
            label={t('New password')}
            value={password}
            onChange={setPassword}
            error={passwordError}
          />
          <Button type="submit" loading={complete.isPending} disabled={!password}>
            {t('Save new password')}
          </Button>
        </Stack>
      </form>
    );
  }

  return (
    <PublicLayout>
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1} fz={26}>
            {t('Choose a new password')}
          </Title>
          <Text c="dimmed" size="sm">
            {t('After this, you will be signed out everywhere and can sign in with the new password.')}
          </Text>
        </Stack>
        {body}
      </Stack>
    </PublicLayout>
  );
}
