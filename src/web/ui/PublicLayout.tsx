import { Anchor, Box, Container, Group, Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LogoMark } from './icons.tsx';
import { LanguageMenu } from './LanguageMenu.tsx';

/** The frame of the pages used before signing in: brand, language, one card in the middle. */
export function PublicLayout({ children, width = 440 }: { children: ReactNode; width?: number }) {
  const { t } = useTranslation();
  return (
    <Box mih="100dvh" bg="gray.0" style={{ display: 'flex', flexDirection: 'column' }}>
      <Box component="header" px="md" py="sm">
        <Group justify="space-between" wrap="nowrap">
          <Anchor href="/" underline="never" c="inherit" aria-label={t('Tulay home')}>
            <Group gap="xs" wrap="nowrap">
              <LogoMark />
              <Text fw={700} fz="lg">
                Tulay
              </Text>
            </Group>
          </Anchor>
          <LanguageMenu />
        </Group>
      </Box>
      <Container
        component="main"
        size={width}
        w="100%"
        px="md"
        py={{ base: 'md', sm: 48 }}
        style={{ flex: 1 }}
      >
        <Paper withBorder shadow="sm" radius="md" p={{ base: 'lg', sm: 'xl' }}>
          {children}
        </Paper>
      </Container>
      <Box component="footer" py="md" px="md">
        <Text ta="center" size="xs" c="dimmed">
          {t('Tulay — the working platform of migrant workers’ rights organisations')}
        </Text>
      </Box>
    </Box>
  );
}
