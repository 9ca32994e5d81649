import { Button, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { LOCALES, type Locale } from '../../../shared/locales.ts';
import { useSwitchLanguage } from '../../app/language.ts';
import { useMe, useSignOut } from '../../app/session.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { roleLabels } from '../../ui/roles.ts';
import { CalendarFeedCard } from '../events/CalendarFeedCard.tsx';
import { PasswordCard, TwoFactorCard } from './SecurityCards.tsx';
import { SessionsCard } from './SessionsCard.tsx';

/** A titled section of the account page. */
export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={2} fz="lg" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

export function AccountPage() {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const switchLanguage = useSwitchLanguage();
  const signOut = useSignOut();
  const navigate = useNavigate();
  if (!me) return null;
  return (
    <>
      <PageHeader
        title={t('My account')}
        actions={
          <Button
            variant="default"
            onClick={async () => {
              await signOut();
              navigate('/sign-in');
            }}
          >
            {t('Sign out')}
          </Button>
        }
      />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Stack gap="md">
          <Section id="profile-title" title={t('Profile')}>
            <Table variant="vertical" layout="fixed">
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th w="35%">{t('Name')}</Table.Th>
                  <Table.Td>{me.name}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('Email')}</Table.Th>
                  <Table.Td className="wrap-anywhere">{me.email}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('Role')}</Table.Th>
                  <Table.Td>{t(roleLabels[me.role] ?? me.role)}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('Organisation')}</Table.Th>
                  <Table.Td>{me.organisation.name}</Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
          </Section>
          <Section id="language-title" title={t('Language')}>
            <NativeSelect
              label={t('Interface language')}
              description={t('Also used for the emails Tulay sends you.')}
              value={i18n.language}
              onChange={(e) => void switchLanguage(e.currentTarget.value as Locale)}
              data={LOCALES.map((l) => ({ value: l.code, label: l.name }))}
            />
          </Section>
          <TwoFactorCard me={me} />
        </Stack>
        <Stack gap="md">
          <PasswordCard />
          <SessionsCard />
          <Section id="calendar-title" title={t('My calendar feed')}>
            <CalendarFeedCard />
          </Section>
        </Stack>
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt="md">
        {t('Tulay keeps a record of sign-ins and changes to your account in the audit log.')}
      </Text>
    </>
  );
}
