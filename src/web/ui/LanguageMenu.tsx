import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../shared/locales.ts';
import { useSwitchLanguage } from '../app/language.ts';
import { GlobeIcon } from './icons.tsx';

/** The language switcher: each language is named in itself so anyone can find their own. */
export function LanguageMenu() {
  const { t, i18n } = useTranslation();
  const switchLanguage = useSwitchLanguage();
  const current = LOCALES.find((l) => l.code === i18n.language) ?? LOCALES[0];
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          size="compact-md"
          leftSection={<GlobeIcon />}
          aria-label={`${t('Language')}: ${current.name}`}
        >
          <span lang={current.code}>{current.name}</span>
        </Button>
      </Menu.Target>
      {/* Eighteen languages are taller than a phone held sideways: the list scrolls. */}
      <Menu.Dropdown mah="calc(100dvh - 96px)" style={{ overflowY: 'auto' }}>
        <Menu.Label>{t('Language')}</Menu.Label>
        {LOCALES.map((l) => (
          <Menu.Item
            key={l.code}
            lang={l.code}
            dir={l.dir}
            aria-current={l.code === current.code ? 'true' : undefined}
            fw={l.code === current.code ? 700 : undefined}
            onClick={() => void switchLanguage(l.code)}
          >
            {l.name}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
