import { Anchor, Button, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { post } from '../../app/api.ts';
import { msg } from '../../app/capability.ts';
import { useFormat } from '../../app/format.ts';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { PublicLayout } from '../../ui/PublicLayout.tsx';
import { QuickExit } from './QuickExit.tsx';

interface OwnRequest {
  reference: string;
  status: string;
  messages: { from: 'you' | 'team'; at: string; text: string | null }[];
}

const STATUS: Record<string, string> = {
  received: msg('Received: someone will read it soon.'),
  in_review: msg('A case worker is looking at your request.'),
  in_progress: msg('Your case is being handled.'),
  closed: msg('Your case is closed.'),
};

/** Coming back with the reference and secret: read the answers and add information. Nothing is kept in the browser. */
export function GetHelpStatusPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [codes, setCodes] = useState<{ reference: string; secret: string } | null>(null);
  const [request, setRequest] = useState<OwnRequest | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function load(next: { reference: string; secret: string }) {
    setBusy(true);
    setError(null);
    try {
      setRequest((await post<{ data: OwnRequest }>('/intake/status', next)).data);
      setCodes(next);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  async function open(event: FormEvent<HTMLDivElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as unknown as HTMLFormElement);
    await load({ reference: String(form.get('reference') ?? ''), secret: String(form.get('secret') ?? '') });
  }

  async function add(event: FormEvent<HTMLDivElement>) {
    event.preventDefault();
    if (!codes) return;
    const target = event.currentTarget as unknown as HTMLFormElement;
    const message = String(new FormData(target).get('message') ?? '').trim();
    setBusy(true);
    setError(null);
    try {
      await post('/intake/messages', { ...codes, message });
      target.reset();
      await load(codes);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }

  return (
    <PublicLayout>
      <Stack>
        <QuickExit />
        <Title order={1} size="h2">
          {t('Your request')}
        </Title>
        {!request ? (
          <Stack component="form" onSubmit={open}>
            <TextInput
              name="reference"
              label={t('Reference code')}
              required
              dir="ltr"
              autoCapitalize="characters"
            />
            <TextInput
              name="secret"
              label={t('Secret code')}
              required
              dir="ltr"
              autoCapitalize="characters"
              type="password"
            />
            <ProblemAlert error={error} />
            <Button type="submit" loading={busy}>
              {t('Open')}
            </Button>
            <Anchor component={Link} to="/get-help" size="sm">
              {t('Ask for help')}
            </Anchor>
          </Stack>
        ) : (
          <Stack>
            <Text fw={600}>{t(STATUS[request.status] ?? STATUS.received!)}</Text>
            {request.messages.map((m) => (
              <Paper key={m.at + m.from} withBorder p="sm" bg={m.from === 'team' ? 'blue.0' : undefined}>
                <Text size="xs" c="dimmed">
                  {m.from === 'team' ? t('Answer from the team') : t('You wrote')} · {format.dateTime(m.at)}
                </Text>
                <Text style={{ whiteSpace: 'pre-wrap' }}>{m.text ?? t('This message was deleted.')}</Text>
              </Paper>
            ))}
            <Stack component="form" onSubmit={add}>
              <Textarea
                name="message"
                label={t('Add information')}
                required
                minRows={3}
                maxLength={5000}
                autosize
              />
              <ProblemAlert error={error} />
              <Button type="submit" loading={busy}>
                {t('Send')}
              </Button>
            </Stack>
            <Button
              variant="default"
              onClick={() => {
                setRequest(null);
                setCodes(null);
              }}
            >
              {t('Close')}
            </Button>
          </Stack>
        )}
      </Stack>
    </PublicLayout>
  );
}
