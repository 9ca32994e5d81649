import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { STAFF_HOME } from '../../app/capability.ts';
import { ME_KEY, type Me, useSignOut } from '../../app/session.ts';
import { PublicLayout } from '../../ui/PublicLayout.tsx';
import { EnrolmentLinkStep } from './EnrolmentLinkStep.tsx';
import { TotpEnrolment } from './TotpEnrolment.tsx';

/** What a person sees while their role requires 2FA they have not set up: nothing else works yet. */
export function EnrolmentOnly({ me }: { me: Me }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const signOut = useSignOut();

  useEffect(() => {
    document.title = `${t('Set up two-factor authentication')} · Tulay`;
  }, [t]);

  return (
    <PublicLayout width={560}>
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1} fz={26}>
            {t('Set up two-factor authentication')}
          </Title>
          <Text c="dimmed" size="sm">
            {t(
              'Hello {{name}}. Your role protects sensitive information, so signing in needs your password and a code from your phone.',
              { name: me.name },
            )}
          </Text>
        </Stack>
        {me.enrolmentLinkRequired ? (
          <EnrolmentLinkStep />
        ) : (
          <TotpEnrolment
            onDone={async () => {
              await client.invalidateQueries({ queryKey: ME_KEY });
              navigate(STAFF_HOME, { replace: true });
            }}
          />
        )}
        <Group justify="flex-end">
          <Button
            variant="subtle"
            color="gray"
            onClick={async () => {
              await signOut();
              navigate('/sign-in');
            }}
          >
            {t('Sign out')}
          </Button>
        </Group>
      </Stack>
    </PublicLayout>
  );
}
