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
    // Not in a portal: the open menu stays inside the header's landmark.
    <Menu position="bottom-end" withinPortal={false}>
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
      {/* Eighteen languages in two columns fit a 360 px phone without scrolling. */}
      <Menu.Dropdown miw={280} style={{ display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))' }}>
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
