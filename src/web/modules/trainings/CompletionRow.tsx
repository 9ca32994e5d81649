import {
  Alert,
  Anchor,
  Button,
  Card,
  Code,
  Group,
  NativeSelect,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../../shared/locales.ts';
import { api, post } from '../../app/api.ts';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { countryOptions, useCountries } from '../directory/lookups.ts';
import { SEX_LABELS } from './labels.ts';
import type { Cohort } from './types.ts';

type Participant = Cohort['participants'][number];

/** One participant of a cohort: completion, the figures alumni are counted by, the certificate. */
export function CompletionRow({
  eventId,
  participant: p,
  onChange,
}: {
  eventId: string;
  participant: Participant;
  onChange: () => void;
}) {
  const { t, i18n } = useTranslation();
  const countries = useCountries();
  const c = p.completion;
  const [state, setState] = useState<string>(c?.state ?? '');
  const [sex, setSex] = useState<string>(c?.sex ?? 'not_stated');
  const [country, setCountry] = useState(c?.countryCode ?? '');
  const [organisation, setOrganisation] = useState(c?.organisationName ?? p.organisationName ?? '');
  const [language, setLanguage] = useState(c?.language ?? i18n.language);
  const [link, setLink] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () =>
      api(`/training-cohorts/${eventId}/completions/${p.id}`, {
        method: 'PUT',
        body: {
          state,
          sex,
          countryCode: country || null,
          organisationName: organisation.trim() || null,
          language,
          ...(c ? { version: c.version } : {}),
        },
      }),
    onSuccess: onChange,
  });
  const issue = useMutation({
    mutationFn: () =>
      post<{ data: { link: string } }>(`/training-cohorts/${eventId}/completions/${p.id}/certificate`, {
        version: c!.version,
      }),
    onSuccess: (r) => {
      setLink(r.data.link);
      onChange();
    },
  });
  return (
    <Card withBorder padding="sm" component="li">
      <Stack gap="xs">
        <Text fw={600}>{p.name}</Text>
        <Stack
          component="form"
          gap="xs"
          aria-label={t('Completion of {{name}}', { name: p.name })}
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate();
          }}
        >
          <Group align="end" gap="sm" wrap="wrap">
            <NativeSelect
              label={t('Completion')}
              value={state}
              onChange={(e) => setState(e.currentTarget.value)}
              data={[
                { value: '', label: t('Not recorded'), disabled: true },
                { value: 'completed', label: t('Completed') },
                { value: 'not_completed', label: t('Did not complete') },
              ]}
            />
            <NativeSelect
              label={t('Sex')}
              value={sex}
              onChange={(e) => setSex(e.currentTarget.value)}
              data={Object.entries(SEX_LABELS).map(([value, label]) => ({ value, label: t(label) }))}
            />
            <NativeSelect
              label={t('Country')}
              value={country}
              onChange={(e) => setCountry(e.currentTarget.value)}
              data={[{ value: '', label: t('Not stated') }, ...countryOptions(countries.data)]}
              maw={220}
            />
            <TextInput
              label={t('Organisation')}
              value={organisation}
              onChange={(e) => setOrganisation(e.currentTarget.value)}
            />
            <NativeSelect
              label={t('Certificate language')}
              value={language}
              onChange={(e) => setLanguage(e.currentTarget.value)}
              data={LOCALES.map((l) => ({ value: l.code, label: l.name }))}
            />
            <Button type="submit" loading={save.isPending} disabled={!state}>
              {t('Save')}
            </Button>
          </Group>
          <ProblemAlert error={save.error} />
        </Stack>
        {c?.state === 'completed' && (
          <Group gap="sm" wrap="wrap">
            {c.certificateNumber && (
              <Anchor href={`/api/v1/training-certificates/${c.certificateNumber}`} download>
                {t('Download certificate {{number}}', { number: c.certificateNumber })}
              </Anchor>
            )}
            <Button size="xs" variant="light" loading={issue.isPending} onClick={() => issue.mutate()}>
              {c.certificateNumber ? t('New private link for the participant') : t('Issue the certificate')}
            </Button>
          </Group>
        )}
        <ProblemAlert error={issue.error} />
        {link && (
          <Alert color="green" title={t('The participant’s private link (shown once)')}>
            <Code style={{ wordBreak: 'break-all' }}>{link}</Code>
          </Alert>
        )}
        {p.followUps.length > 0 && (
          <Text size="sm" c="dimmed">
            {t('Follow-ups')}:{' '}
            {p.followUps
              .map((f) => `${t('{{n}} months', { n: f.monthsAfter })} (${f.dueOn})${f.closed ? ` ✓` : ''}`)
              .join(' · ')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
