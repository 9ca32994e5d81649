import { Alert, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { post } from '../../app/api.ts';
import { ME_KEY, type Me } from '../../app/session.ts';
import { PasswordField } from '../../ui/PasswordField.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { NewPasswordInput, usePasswordRule } from '../auth/PasswordFields.tsx';
import { Section } from './AccountPage.tsx';

/** Changing the password signs out every other session. */
export function PasswordCard() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [nextError, setNextError] = useState<string | null>(null);
  const rule = usePasswordRule();
  const change = useMutation({
    mutationFn: () => post('/auth/password', { currentPassword: current, newPassword: next }),
    onSuccess: () => {
      setCurrent('');
      setNext('');
      return client.invalidateQueries({ queryKey: ['auth', 'sessions'] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problem = rule(next);
    setNextError(problem);
    if (!problem) change.mutate();
  };
  return (
    <Section id="password-title" title={t('Change password')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {change.isSuccess && (
            <Alert color="green" role="status">
              {t('Your password is changed. Your other sessions were signed out.')}
            </Alert>
          )}
          <ProblemAlert error={change.error} />
          <PasswordField
            label={t('Current password')}
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            required
          />
          <NewPasswordInput label={t('New password')} value={next} onChange={setNext} error={nextError} />
          <Group>
            <Button type="submit" loading={change.isPending} disabled={!current || !next}>
              {t('Change password')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}

/** 2FA status: set it up, or turn it off with the password (the server refuses where the role requires it). */
export function TwoFactorCard({ me }: { me: Me }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [password, setPassword] = useState('');
  const disable = useMutation({
    mutationFn: () => post('/auth/two-factor/disable', { password }),
    onSuccess: () => {
      setPassword('');
      return client.invalidateQueries({ queryKey: ME_KEY });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    disable.mutate();
  };
  return (
    <Section id="two-factor-title" title={t('Two-factor authentication')}>
      <Stack>
        <Group gap="xs">
          <Badge color={me.totpEnabled ? 'green' : 'gray'} variant="light" size="lg">
            {me.totpEnabled ? t('On') : t('Off')}
          </Badge>
          <Text size="sm" c="dimmed" style={{ flex: 1, minWidth: 180 }}>
            {me.totpEnabled
              ? t('Signing in needs your password and a code from your authenticator app.')
              : t('Add a code from your phone to your password, so a stolen password alone is not enough.')}
          </Text>
        </Group>
        {me.totpEnabled ? (
          <form onSubmit={submit} noValidate>
            <Stack>
              <ProblemAlert error={disable.error} />
              <PasswordField
                label={t('Password, to turn it off')}
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                required
              />
              <Group>
                <Button
                  type="submit"
                  variant="light"
                  color="red"
                  loading={disable.isPending}
                  disabled={!password}
                >
                  {t('Turn off')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : (
          <Group>
            <Button component={Link} to="/account/two-factor">
              {t('Set up two-factor authentication')}
            </Button>
          </Group>
        )}
      </Stack>
    </Section>
  );
}
