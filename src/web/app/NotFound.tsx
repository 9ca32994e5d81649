import { Button, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../ui/PageHeader.tsx';

export function NotFound({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Stack align="flex-start">
      <PageHeader title={t('Page not found')} />
      {children}
      <Button component={Link} to="/">
        {t('Go to the home page')}
      </Button>
    </Stack>
  );
}
