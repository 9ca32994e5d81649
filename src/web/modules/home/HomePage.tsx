import { Badge, Card, Group, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { capabilities } from '../../app/capabilities.ts';
import { STAFF_HOME } from '../../app/capability.ts';
import { can, useMe } from '../../app/session.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { roleLabels } from '../../ui/roles.ts';
import { SetupChecklist } from './SetupChecklist.tsx';

/** The landing page after signing in: who you are, and the areas you may open. */
export function HomePage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  if (!me) return null;
  const areas = capabilities.filter(
    (c) => c.path !== STAFF_HOME && !c.hideFromNav && c.visible(me.abilities),
  );
  return (
    <>
      <PageHeader title={t('Welcome, {{name}}', { name: me.name })} lead={me.organisation.name} />
      <Group gap="xs" mb="lg">
        <Badge variant="light">{t(roleLabels[me.role] ?? me.role)}</Badge>
        <Badge variant="light" color={me.totpEnabled ? 'green' : 'gray'}>
          {me.totpEnabled ? t('Two-factor authentication on') : t('Two-factor authentication off')}
        </Badge>
      </Group>
      {can(me.abilities, 'setupChecklist', 'read') && <SetupChecklist />}
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md" mt="lg">
        {areas.map((c) => (
          <Card
            key={c.id}
            component={Link}
            to={c.path}
            withBorder
            shadow="xs"
            padding="lg"
            style={{ textDecoration: 'none', color: 'inherit' }}
          >
            <Text fw={700} c="tulay.8" mb={4} component="h2" fz="lg" m={0}>
              {t(c.navLabel)}
            </Text>
            {c.description && (
              <Text size="sm" c="dimmed">
                {t(c.description)}
              </Text>
            )}
          </Card>
        ))}
      </SimpleGrid>
    </>
  );
}
