import { Anchor, AppShell, Avatar, Burger, Group, Menu, NavLink, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { LogoMark, UserIcon } from '../ui/icons.tsx';
import { LanguageMenu } from '../ui/LanguageMenu.tsx';
import { type Capability, STAFF_HOME } from './capability.ts';
import { type Me, useSignOut } from './session.ts';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((p) => p[0]!.toUpperCase())
    .join('');
}

/** The signed-in frame: header with language and account menu, navigation (a drawer on phones), content. */
export function Shell({ me, nav, children }: { me: Me; nav: readonly Capability[]; children: ReactNode }) {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const isActive = (path: string) =>
    path === STAFF_HOME
      ? location.pathname === STAFF_HOME
      : location.pathname === path || location.pathname.startsWith(`${path}/`);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'md', sm: 'xl' }}
    >
      <a href="#main-content" className="skip-link">
        {t('Skip to content')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('Close navigation') : t('Open navigation')}
              aria-expanded={opened}
              aria-controls="main-navigation"
            />
            <Anchor
              component={Link}
              to={STAFF_HOME}
              underline="never"
              c="inherit"
              aria-label={t('Tulay home')}
            >
              <Group gap="xs" wrap="nowrap">
                <LogoMark />
                <Text fw={700} fz="lg" visibleFrom="xs">
                  Tulay
                </Text>
              </Group>
            </Anchor>
          </Group>
          <Group gap={4} wrap="nowrap">
            <LanguageMenu />
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <UnstyledButton
                  aria-label={`${t('Account')}: ${me.name}`}
                  p={4}
                  style={{ borderRadius: 999 }}
                >
                  <Avatar color="tulay" radius="xl" size={34}>
                    {initials(me.name) || <UserIcon />}
                  </Avatar>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>
                  <Text size="sm" fw={600} c="dark">
                    {me.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {me.organisation.name}
                  </Text>
                </Menu.Label>
                <Menu.Item onClick={() => navigate('/account')}>{t('My account')}</Menu.Item>
                <Menu.Item
                  color="red"
                  onClick={async () => {
                    await signOut();
                    navigate('/sign-in');
                  }}
                >
                  {t('Sign out')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      {/* Scrolls on its own: on a phone the modules' links are taller than the screen. */}
      <AppShell.Navbar
        p="sm"
        id="main-navigation"
        aria-label={t('Main navigation')}
        style={{ overflowY: 'auto' }}
      >
        {nav.map((c) => (
          <NavLink
            key={c.id}
            component={Link}
            to={c.path}
            label={t(c.navLabel)}
            active={isActive(c.path)}
            aria-current={isActive(c.path) ? 'page' : undefined}
            onClick={close}
            style={{ borderRadius: 'var(--mantine-radius-md)' }}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="main-content" bg="gray.0">
        <div style={{ maxWidth: 1100, marginInline: 'auto' }}>{children}</div>
      </AppShell.Main>
    </AppShell>
  );
}
