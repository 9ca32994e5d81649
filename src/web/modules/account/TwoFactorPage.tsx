import { Paper } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ME_KEY } from '../../app/session.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { TotpEnrolment } from '../auth/TotpEnrolment.tsx';

/** Voluntary enrolment from the account page (enrolment a role requires happens before the shell). */
export function TwoFactorPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        title={t('Set up two-factor authentication')}
        lead={t('After this, signing in needs your password and a code from your phone.')}
      />
      <Paper withBorder p={{ base: 'md', sm: 'xl' }} maw={640}>
        <TotpEnrolment
          onDone={async () => {
            await client.invalidateQueries({ queryKey: ME_KEY });
            navigate('/account');
          }}
        />
      </Paper>
    </>
  );
}
