import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format.ts';
import { FactList } from '../../ui/FactList.tsx';
import { Panel, PlainList } from '../../ui/Panel.tsx';
import { usePeopleFormat } from './peopleFormat.ts';
import type { ContactPoint, Person } from './types.ts';

const hrefOf = (c: ContactPoint) =>
  c.type === 'email'
    ? `mailto:${c.value}`
    : c.type === 'phone'
      ? `tel:${c.value.replace(/[^+0-9]/g, '')}`
      : c.type === 'url' && /^https?:\/\//.test(c.value)
        ? c.value
        : null;

/** Whether the person agreed to be listed publicly, said in words and not only by colour. */
export function ConsentBadge({ person }: { person: Person }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Group gap="xs" data-testid="public-consent">
      <Badge variant="light" color={person.publicConsent ? 'green' : 'gray'} size="lg">
        {person.publicConsent ? t('Listed publicly') : t('Not listed publicly')}
      </Badge>
      {person.publicConsent && person.consentRecordedAt && (
        <Text size="sm" c="dimmed">
          {t('Consent recorded {{date}}', { date: format.dateTime(person.consentRecordedAt) })}
        </Text>
      )}
    </Group>
  );
}

/** Country and languages as a description list. */
export function PersonFacts({ person }: { person: Person }) {
  const { t } = useTranslation();
  const format = usePeopleFormat();
  const facts: [string, string | null][] = [
    [t('Country'), person.countryName],
    [t('Languages'), format.languages(person.languages) || null],
  ];
  if (facts.every(([, v]) => !v)) return null;
  return (
    <Card withBorder padding="md">
      <FactList facts={facts} labelWidth={110} />
    </Card>
  );
}

/** Email, phone and other contact points; drawn only when the server sent them to this reader. */
export function PersonContact({ person }: { person: Person }) {
  const { t } = useTranslation();
  if (person.email === undefined) return null;
  const points: ContactPoint[] = [
    ...(person.email ? [{ type: 'email' as const, value: person.email }] : []),
    ...(person.phone ? [{ type: 'phone' as const, value: person.phone }] : []),
    ...(person.contactDetails ?? []),
  ];
  return (
    <Panel title={t('Contact details')}>
      {points.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('None recorded.')}
        </Text>
      ) : (
        <PlainList label={t('Contact details')}>
          {points.map((c) => {
            const href = hrefOf(c);
            return (
              <Stack key={`${c.type}:${c.value}`} component="li" gap={0}>
                {c.label && (
                  <Text size="xs" c="dimmed">
                    {c.label}
                  </Text>
                )}
                {href ? (
                  <Anchor href={href} size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {c.value}
                  </Anchor>
                ) : (
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {c.value}
                  </Text>
                )}
              </Stack>
            );
          })}
        </PlainList>
      )}
    </Panel>
  );
}
