import { Alert, Button, Checkbox, CopyButton, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Recovery codes are shown once: offer copy and download, and ask the person to confirm they kept them. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  const [downloadUrl, setDownloadUrl] = useState<string | null>(null);
  const text = `${t('Tulay recovery codes')}\n\n${codes.join('\n')}\n`;

  useEffect(() => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    setDownloadUrl(url);
    return () => URL.revokeObjectURL(url);
  }, [text]);

  return (
    <Stack>
      <Alert color="yellow" title={t('Save your recovery codes')}>
        {t(
          'If you lose your phone, each of these codes lets you sign in once. Keep them somewhere safe, apart from your phone. They are shown only now.',
        )}
      </Alert>
      <SimpleGrid
        cols={2}
        spacing="xs"
        component="ul"
        aria-label={t('Recovery codes')}
        p="md"
        m={0}
        bg="gray.0"
        style={{ listStyle: 'none', borderRadius: 'var(--mantine-radius-md)' }}
        data-testid="recovery-codes"
      >
        {codes.map((c) => (
          <Text key={c} component="li" ff="monospace" fz="md" dir="ltr" ta="center">
            {c}
          </Text>
        ))}
      </SimpleGrid>
      <Group gap="sm">
        <CopyButton value={codes.join('\n')}>
          {({ copied, copy }) => (
            <Button variant="light" onClick={copy}>
              {copied ? t('Copied') : t('Copy codes')}
            </Button>
          )}
        </CopyButton>
        {downloadUrl && (
          <Button variant="light" component="a" href={downloadUrl} download="tulay-recovery-codes.txt">
            {t('Download as text')}
          </Button>
        )}
      </Group>
      <Checkbox
        label={t('I have saved these codes somewhere safe')}
        checked={saved}
        onChange={(e) => setSaved(e.currentTarget.checked)}
      />
      <Button onClick={onDone} disabled={!saved}>
        {t('Continue')}
      </Button>
    </Stack>
  );
}
