import { Alert, Anchor, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { api, post } from '../../app/api.ts';
import { STAFF_HOME } from '../../app/capability.ts';
import { ME_KEY, useMe } from '../../app/session.ts';
import { PasswordField } from '../../ui/PasswordField.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { PublicLayout } from '../../ui/PublicLayout.tsx';

type LoginAnswer = { data: { status: 'signed_in' | 'totp_required' } };

/** Email and password, then (when the account has 2FA) a 6-digit code or a recovery code. */
export function SignInPage() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const from = (location.state as { from?: string } | null)?.from ?? STAFF_HOME;
  const [step, setStep] = useState<'password' | 'code'>('password');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [useRecovery, setUseRecovery] = useState(false);
  const setup = useQuery({
    queryKey: ['setup'],
    queryFn: () => api<{ data: { needed: boolean } }>('/setup'),
  });

  useEffect(() => {
    document.title = `${t('Sign in')} · Tulay`;
  }, [t]);

  const finish = async () => {
    await client.invalidateQueries({ queryKey: ME_KEY });
    navigate(from, { replace: true });
  };
  const login = useMutation({
    mutationFn: () => post<LoginAnswer>('/auth/login', { email, password }),
    onSuccess: async ({ data }) => {
      setPassword('');
      if (data.status === 'totp_required') setStep('code');
      else await finish();
    },
  });
  const second = useMutation({
    mutationFn: () => post<LoginAnswer>('/auth/login/second-factor', { code: code.trim() }),
    onSuccess: finish,
  });

  if (me.data && !login.isPending && !second.isPending) return <Navigate to={from} replace />;

  const submitPassword = (e: FormEvent) => {
    e.preventDefault();
    login.mutate();
  };
  const submitCode = (e: FormEvent) => {
    e.preventDefault();
    second.mutate();
  };

  return (
    <PublicLayout>
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1} fz={26}>
            {t('Sign in')}
          </Title>
          <Text c="dimmed" size="sm">
            {step === 'password'
              ? t('Welcome back. Sign in to continue your work.')
              : t('Your account is protected with two-factor authentication.')}
          </Text>
        </Stack>
        {setup.data?.data.needed && (
          <Alert color="yellow" title={t('Tulay is not set up yet')}>
            {t(
              'Open the single-use setup link that was printed when Tulay started, to create the first administrator.',
            )}
          </Alert>
        )}
        {step === 'password' ? (
          <form onSubmit={submitPassword} noValidate>
            <Stack>
              <ProblemAlert error={login.error} />
              <TextInput
                label={t('Email')}
                type="email"
                autoComplete="username"
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
                required
              />
              <PasswordField
                label={t('Password')}
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                required
              />
              <Button type="submit" loading={login.isPending} disabled={!email || !password} fullWidth>
                {t('Sign in')}
              </Button>
              <Anchor component={Link} to="/forgot-password" size="sm" ta="center">
                {t('Forgot your password?')}
              </Anchor>
            </Stack>
          </form>
        ) : (
          <form onSubmit={submitCode} noValidate>
            <Stack>
              <ProblemAlert error={second.error} />
              {useRecovery ? (
                <TextInput
                  key="recovery"
                  label={t('Recovery code')}
                  description={t('One of the codes you saved when you set up two-factor authentication.')}
                  autoComplete="off"
                  value={code}
                  onChange={(e) => setCode(e.currentTarget.value)}
                  required
                  data-autofocus
                />
              ) : (
                <TextInput
                  key="totp"
                  label={t('6-digit code')}
                  description={t('Open your authenticator app and enter the code it shows for Tulay.')}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={6}
                  value={code}
                  onChange={(e) => setCode(e.currentTarget.value.replace(/\D/g, ''))}
                  required
                />
              )}
              <Button type="submit" loading={second.isPending} disabled={code.trim().length < 6} fullWidth>
                {t('Verify')}
              </Button>
              <Group justify="space-between" gap="xs">
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  onClick={() => {
                    setUseRecovery((v) => !v);
                    setCode('');
                    second.reset();
                  }}
                >
                  {useRecovery ? t('Use the code from my app') : t('Use a recovery code')}
                </Anchor>
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  onClick={() => {
                    setStep('password');
                    setCode('');
                    second.reset();
                  }}
                >
                  {t('Start again')}
                </Anchor>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </PublicLayout>
  );
}
