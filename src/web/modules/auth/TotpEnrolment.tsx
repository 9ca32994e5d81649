import { Button, Code, Group, Image, List, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../app/api.ts';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { RecoveryCodes } from './RecoveryCodes.tsx';

type Material = { secret: string; otpauthUrl: string; qrSvg: string };
const SETUP_KEY = ['auth', 'two-factor-setup'] as const;

/** The QR code arrives as SVG text; an <img> with a data: URL shows it without injecting markup. */
function qrDataUrl(svg: string): string {
  const bytes = new TextEncoder().encode(svg);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}

/** Groups a base32 secret in fours so it can be typed into an app by hand. */
const grouped = (secret: string) => secret.replace(/(.{4})/g, '$1 ').trim();

/** Two-factor enrolment: scan or type the secret, prove it with a code, keep the recovery codes. */
export function TotpEnrolment({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [code, setCode] = useState('');
  // A query rather than an effect, so a re-render or StrictMode's double mount starts enrolment once.
  const material = useQuery({
    queryKey: SETUP_KEY,
    queryFn: () => post<{ data: Material }>('/auth/two-factor/setup'),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  const confirm = useMutation({
    mutationFn: () => post<{ data: { recoveryCodes: string[] } }>('/auth/two-factor/confirm', { code }),
    onSuccess: () => client.removeQueries({ queryKey: SETUP_KEY }),
  });

  if (confirm.data) return <RecoveryCodes codes={confirm.data.data.recoveryCodes} onDone={onDone} />;
  if (material.isPending) return <Loader aria-label={t('Loading')} />;
  if (material.isError) return <ProblemAlert error={material.error} />;

  const { secret, qrSvg } = material.data.data;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    confirm.mutate();
  };
  return (
    <Stack gap="lg">
      <List type="ordered" spacing="md">
        <List.Item>
          {t(
            'Install an authenticator app on your phone, for example Aegis, FreeOTP, Google Authenticator or Microsoft Authenticator.',
          )}
        </List.Item>
        <List.Item>
          <Stack gap="xs">
            <Text>{t('Scan this QR code with the app.')}</Text>
            <Image
              src={qrDataUrl(qrSvg)}
              alt={t('QR code to add Tulay to your authenticator app')}
              w={200}
              h={200}
              bg="white"
              p={4}
              style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}
            />
            <Text size="sm">{t('Cannot scan it? Type this key into the app instead:')}</Text>
            <Code
              block
              dir="ltr"
              fz="md"
              style={{ whiteSpace: 'pre-wrap' }}
              className="wrap-anywhere"
              data-testid="totp-secret"
              data-secret={secret}
            >
              {grouped(secret)}
            </Code>
          </Stack>
        </List.Item>
        <List.Item>{t('Enter the 6-digit code the app shows for Tulay.')}</List.Item>
      </List>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ProblemAlert error={confirm.error} />
          <Group align="flex-end" gap="sm">
            <TextInput
              label={t('6-digit code')}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value.replace(/\D/g, ''))}
              required
              w={180}
            />
            <Button type="submit" loading={confirm.isPending} disabled={code.length !== 6}>
              {t('Turn on two-factor authentication')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
