import {
  Alert,
  Anchor,
  Box,
  Button,
  Code,
  Group,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, post } from '../../app/api.ts';
import { msg } from '../../app/capability.ts';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { PublicLayout } from '../../ui/PublicLayout.tsx';
import { solveChallenge } from './pow.ts';
import { forgetThisDevice, QuickExit } from './QuickExit.tsx';

const DESTINATIONS = [
  ['SA', msg('Saudi Arabia')],
  ['AE', msg('United Arab Emirates')],
  ['QA', msg('Qatar')],
  ['KW', msg('Kuwait')],
  ['OM', msg('Oman')],
  ['BH', msg('Bahrain')],
  ['JO', msg('Jordan')],
  ['LB', msg('Lebanon')],
  ['MY', msg('Malaysia')],
  ['HK', msg('Hong Kong')],
] as const;

export const SECTOR_OPTIONS = [
  ['domestic_work', msg('Domestic work')],
  ['construction', msg('Construction')],
  ['fishing', msg('Fishing')],
  ['agriculture', msg('Agriculture')],
  ['manufacturing', msg('Factory work')],
  ['care', msg('Care work')],
  ['other', msg('Other work')],
] as const;

interface Issued {
  reference: string;
  secret: string;
}

/** The public Get-help form: short, works on a slow phone, no third-party request, nothing kept after sending. */
export function GetHelpPage() {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState<'idle' | 'preparing' | 'sending'>('idle');
  const [error, setError] = useState<unknown>(null);
  const [issued, setIssued] = useState<Issued | null>(null);

  async function submit(event: FormEvent<HTMLDivElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as unknown as HTMLFormElement);
    const text = (name: string) => String(form.get(name) ?? '').trim() || undefined;
    setError(null);
    try {
      setBusy('preparing');
      const { data } = await api<{ data: { challenge: string; bits: number } }>('/intake/challenge');
      const nonce = await solveChallenge(data.challenge, data.bits);
      setBusy('sending');
      const result = await post<{ data: Issued }>('/intake/requests', {
        challenge: data.challenge,
        nonce,
        website: text('website'),
        language: i18n.language || 'en',
        message: text('message'),
        name: text('name'),
        contact: text('contact'),
        destinationCountry: text('destinationCountry'),
        sector: text('sector'),
      });
      (event.currentTarget as unknown as HTMLFormElement | null)?.reset();
      forgetThisDevice();
      setIssued(result.data);
    } catch (e) {
      setError(e);
    } finally {
      setBusy('idle');
    }
  }

  if (issued) {
    return (
      <PublicLayout>
        <Stack>
          <QuickExit />
          <Title order={1} size="h2">
            {t('We received your request')}
          </Title>
          <Text>
            {t(
              'Write down these two codes now. You need both to read our answer. We cannot show them again.',
            )}
          </Text>
          <Box>
            <Text fw={600}>{t('Reference code')}</Text>
            <Code fz="lg" dir="ltr" data-testid="reference">
              {issued.reference}
            </Code>
          </Box>
          <Box>
            <Text fw={600}>{t('Secret code')}</Text>
            <Code fz="lg" dir="ltr" data-testid="secret">
              {issued.secret}
            </Code>
          </Box>
          <Alert color="yellow" variant="light">
            {t('Do not share the secret code. Anyone who has both codes can read your request.')}
          </Alert>
          <Button onClick={() => setIssued(null)} variant="default">
            {t('I have written them down')}
          </Button>
          <Anchor component={Link} to="/get-help/status">
            {t('Read the answer to your request')}
          </Anchor>
        </Stack>
      </PublicLayout>
    );
  }

  return (
    <PublicLayout>
      <Stack component="form" onSubmit={submit} gap="md">
        <QuickExit />
        <Title order={1} size="h2">
          {t('Ask for help')}
        </Title>
        <Text size="sm">
          {t(
            'Lawyers and case workers of migrant workers’ organisations will read your message. It is stored encrypted and is never shared without your consent.',
          )}
        </Text>
        <Textarea
          name="message"
          label={t('What happened? How can we help?')}
          required
          minRows={4}
          maxLength={5000}
          autosize
        />
        <TextInput name="name" label={t('Your name (optional)')} maxLength={200} />
        <TextInput name="contact" label={t('How can we reach you safely? (optional)')} maxLength={200} />
        <Select
          name="destinationCountry"
          label={t('Country where you work')}
          data={DESTINATIONS.map(([value, label]) => ({ value, label: t(label) }))}
          clearable
          comboboxProps={{ withinPortal: false }}
        />
        <Select
          name="sector"
          label={t('Your work')}
          data={SECTOR_OPTIONS.map(([value, label]) => ({ value, label: t(label) }))}
          clearable
          comboboxProps={{ withinPortal: false }}
        />
        {/* Left empty by people; bots fill it. Hidden from sight and from assistive technology. */}
        <Box
          aria-hidden="true"
          style={{
            position: 'absolute',
            top: 0,
            insetInlineStart: 0,
            width: 1,
            height: 1,
            overflow: 'hidden',
            clipPath: 'inset(50%)',
            whiteSpace: 'nowrap',
          }}
        >
          <label htmlFor="website">Website</label>
          <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" />
        </Box>
        <ProblemAlert error={error} />
        <Button type="submit" loading={busy !== 'idle'} size="md">
          {t('Send')}
        </Button>
        {busy === 'preparing' && (
          <Text size="sm" role="status">
            {t('Preparing to send. This takes a few seconds.')}
          </Text>
        )}
        <Group justify="space-between">
          <Anchor component={Link} to="/get-help/status" size="sm">
            {t('I already have a reference code')}
          </Anchor>
        </Group>
      </Stack>
    </PublicLayout>
  );
}
