import { Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { termLabel, useTerms } from '../directory/lookups.ts';

/** The case's facts: corridor, sector, employer and agency, violation types in the reader's language. */
export function CaseFactsCard({ facts }: { facts: Record<string, unknown> }) {
  const { t } = useTranslation();
  const violations = useTerms('case_violation');
  const sectors = useTerms('case_sector');
  const text = (key: string) => (typeof facts[key] === 'string' ? (facts[key] as string) : null);
  const codes = Array.isArray(facts.violationCodes) ? (facts.violationCodes as string[]) : [];
  const rows: Array<[string, string | null]> = [
    [t('Corridor'), `${text('originCountry') ?? '?'} → ${text('destinationCountry') ?? '?'}`],
    [t('Nationality'), text('nationality')],
    [t('Sector'), text('sector') && termLabel(sectors.data, text('sector')!)],
    [t('Employer'), text('employerName')],
    [t('Recruitment agency'), text('agencyName')],
    [t('Violations'), codes.map((code) => termLabel(violations.data, code)).join(', ') || null],
  ];
  return (
    <Card withBorder>
      <Stack gap={4}>
        <Title order={2} size="h4">
          {t('Facts')}
        </Title>
        <dl style={{ margin: 0 }}>
          {rows
            .filter(([, value]) => value)
            .map(([label, value]) => (
              <div key={label}>
                <Text component="dt" size="sm" c="dimmed">
                  {label}
                </Text>
                <Text component="dd" m={0} mb={6} dir="auto">
                  {value}
                </Text>
              </div>
            ))}
        </dl>
      </Stack>
    </Card>
  );
}
