import { Alert, Button, Loader, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../app/api.ts';
import { ME_KEY } from '../../app/session.ts';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { takeFragmentToken } from './fragment.ts';

/**
 * After a 2FA or password reset the password alone cannot enrol a new factor: the person opens a
 * link emailed to them, here in the session where they signed in (the link lands on this screen).
 */
export function EnrolmentLinkStep() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [token] = useState(takeFragmentToken);
  const open = useMutation({
    mutationFn: (value: string) => post('/auth/two-factor/enrolment-link/open', { token: value }),
    onSuccess: () => client.invalidateQueries({ queryKey: ME_KEY }),
  });
  const send = useMutation({ mutationFn: () => post('/auth/two-factor/enrolment-link') });

  const { mutate: openLink } = open;
  const opened = useRef(false);
  useEffect(() => {
    // Once per link: the token is single-use.
    if (token && !opened.current) {
      opened.current = true;
      openLink(token);
    }
  }, [token, openLink]);

  if (open.isPending) return <Loader aria-label={t('Loading')} />;
  return (
    <Stack>
      <Alert color="orange" variant="light" title={t('Your two-factor authentication was reset')}>
        {t(
          'To set it up again, open the link we email to your account’s address, in this browser. This keeps your account safe if someone else learned your password.',
        )}
      </Alert>
      <ProblemAlert error={open.error ?? send.error} />
      {send.isSuccess ? (
        <Text role="status">{t('Check your email and open the link within 24 hours.')}</Text>
      ) : (
        <Button onClick={() => send.mutate()} loading={send.isPending}>
          {t('Email me the link')}
        </Button>
      )}
    </Stack>
  );
}
