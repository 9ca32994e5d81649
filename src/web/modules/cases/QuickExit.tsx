import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * Leaves at once for a neutral page, replacing this one in the history so Back does not return,
 * and forgets the language choice this device kept. Always visible on the Get-help pages.
 */
export function QuickExit() {
  const { t } = useTranslation();
  const leave = () => {
    forgetThisDevice();
    window.location.replace('https://www.google.com/search?q=weather');
  };
  return (
    <Button
      color="red.9"
      size="md"
      onClick={leave}
      style={{ position: 'sticky', top: 8, zIndex: 10 }}
      fullWidth
    >
      {t('Quick exit')}
    </Button>
  );
}

/** Nothing of a help request stays in this browser: the only thing Tulay keeps locally is the language. */
export function forgetThisDevice() {
  try {
    for (const key of Object.keys(localStorage)) if (key.startsWith('tulay.')) localStorage.removeItem(key);
    sessionStorage.clear();
  } catch {
    // Storage may be disabled: then there is nothing to forget.
  }
}
