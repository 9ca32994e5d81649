import { Alert, Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { post } from '../../app/api.ts';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { PublicLayout } from '../../ui/PublicLayout.tsx';

/** Asks for a reset link; the answer is the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const request = useMutation({ mutationFn: () => post('/auth/password-reset', { email }) });

  useEffect(() => {
    document.title = `${t('Reset your password')} · Tulay`;
  }, [t]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    request.mutate();
  };

  return (
    <PublicLayout>
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1} fz={26}>
            {t('Reset your password')}
          </Title>
          <Text c="dimmed" size="sm">
            {t('Enter the email address of your account. We will send you a link to choose a new password.')}
          </Text>
        </Stack>
        {request.isSuccess ? (
          <Alert color="tulay" role="status" title={t('Check your email')}>
            {t('If an account exists for this address, a reset link is on its way. It works for one hour.')}
          </Alert>
        ) : (
          <form onSubmit={submit} noValidate>
            <Stack>
              <ProblemAlert error={request.error} />
              <TextInput
                label={t('Email')}
                type="email"
                autoComplete="email"
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
                required
              />
              <Button type="submit" loading={request.isPending} disabled={!email}>
                {t('Send reset link')}
              </Button>
            </Stack>
          </form>
        )}
        <Anchor component={Link} to="/sign-in" size="sm" ta="center">
          {t('Back to sign in')}
        </Anchor>
      </Stack>
    </PublicLayout>
  );
}
