import { Button, Card, NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IMPORT_TARGETS, type ImportEntity, PEOPLE_IMPORT_TARGETS } from '../../../shared/import-targets.ts';
import { LOCALES } from '../../../shared/locales.ts';
import { msg } from '../../app/capability.ts';

/** What each field of an organisation is called on screen (English here, translated where drawn). */
const TARGET_LABELS: Record<(typeof IMPORT_TARGETS)[number], string> = {
  id: msg('Tulay id'),
  external_id: msg('External id'),
  name: msg('Name'),
  acronym: msg('Acronym'),
  type: msg('Type'),
  country: msg('Headquarters country'),
  countries: msg('Countries where active'),
  corridors: msg('Corridors (origin → destination)'),
  founded_year: msg('Founding year'),
  website: msg('Website'),
  description: msg('Description'),
  published: msg('Public'),
  contact_email: msg('Contact email'),
  contact_phone: msg('Contact phone'),
};

/** What each field of a person is called on screen. */
const PERSON_TARGET_LABELS: Record<(typeof PEOPLE_IMPORT_TARGETS)[number], string> = {
  id: msg('Tulay id'),
  external_id: msg('External id'),
  name: msg('Name'),
  sort_name: msg('Sort name'),
  honorific_prefix: msg('Honorific'),
  summary: msg('Summary'),
  country: msg('Country'),
  languages: msg('Languages'),
  email: msg('Email'),
  phone: msg('Phone'),
  public_consent: msg('Consents to be listed publicly'),
};

/** The fields the rows can fill, for organisations with their names in each offered language. */
function targetOptions(entity: ImportEntity, t: (s: string, o?: Record<string, string>) => string) {
  if (entity === 'people')
    return PEOPLE_IMPORT_TARGETS.map((target) => ({ value: target, label: t(PERSON_TARGET_LABELS[target]) }));
  return [
    ...IMPORT_TARGETS.map((target) => ({ value: target, label: t(TARGET_LABELS[target]) })),
    ...LOCALES.map((l) => ({
      value: `name_${l.code}`,
      label: t('Name in {{language}}', { language: l.name }),
    })),
  ];
}

/**
 * The columns of the uploaded file, each with the field it fills. The server proposes a mapping
 * from the column names; the person corrects it here and previews again.
 */
export function ColumnMapping({
  entity,
  header,
  mapping,
  onChange,
  onPreview,
  pending,
}: {
  entity: ImportEntity;
  header: string[];
  mapping: Record<string, string>;
  onChange: (mapping: Record<string, string>) => void;
  onPreview: () => void;
  pending: boolean;
}) {
  const { t } = useTranslation();
  const options = [{ value: '', label: t('Do not import') }, ...targetOptions(entity, t)];
  // A column the server mapped to a language we do not offer (name_de) still shows its choice.
  const extra = Object.values(mapping)
    .filter((v) => v && !options.some((o) => o.value === v))
    .map((v) => ({ value: v, label: v }));
  const taken = (value: string, column: string) =>
    Object.entries(mapping).some(([c, v]) => c !== column && v === value);

  return (
    <Card withBorder component="section" aria-labelledby="column-mapping-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="column-mapping-title">
          {t('Columns')}
        </Title>
        <Text size="sm">
          {t(
            'Choose the field each column of the file fills, then preview again. Each field takes one column.',
          )}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {header.map((column, i) => (
            <NativeSelect
              // biome-ignore lint/suspicious/noArrayIndexKey: two columns may carry the same name
              key={`${i}:${column}`}
              label={column || t('Column {{number}}', { number: i + 1 })}
              value={mapping[column] ?? ''}
              onChange={(e) => onChange({ ...mapping, [column]: e.currentTarget.value })}
              data={[...options, ...extra].map((o) => ({
                ...o,
                disabled: o.value !== '' && taken(o.value, column),
              }))}
              styles={{ label: { overflowWrap: 'anywhere' } }}
            />
          ))}
        </SimpleGrid>
        <div>
          <Button variant="light" onClick={onPreview} loading={pending}>
            {t('Preview again with these columns')}
          </Button>
        </div>
      </Stack>
    </Card>
  );
}
