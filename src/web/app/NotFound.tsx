import { Button, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../ui/PageHeader.tsx';
import { STAFF_HOME } from './capability.ts';

export function NotFound({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Stack align="flex-start">
      <PageHeader title={t('Page not found')} />
      {children}
      <Button component={Link} to={STAFF_HOME}>
        {t('Go to the home page')}
      </Button>
    </Stack>
  );
}
