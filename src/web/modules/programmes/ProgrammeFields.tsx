import { Button, Card, Group, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../../shared/locales.ts';
import { PlainList } from '../../ui/Panel.tsx';
import { CountryPicker } from '../directory/CountryPicker.tsx';
import { DirectoryFinder } from './DirectoryFinder.tsx';

// The parts of the programme form that hold lists: translations, people, reach indicators.

export interface PersonEntry {
  personId: string;
  name: string;
  role: 'staff' | 'area_coordinator';
  countryCode: string;
  label: string;
  startDate: string;
  endDate: string;
}

export interface IndicatorEntry {
  label: string;
  labels: Record<string, string>;
  source: 'manual' | 'cases_handled' | 'event_participants' | 'trained';
  /** One line per year, "2019: 40". */
  figures: string;
}

/** "2019: 40" lines → figures; a line that does not read is kept out and reported. */
export function parseFigures(text: string): { values: { year: number; value: number }[]; bad: string[] } {
  const values: { year: number; value: number }[] = [];
  const bad: string[] = [];
  for (const line of text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)) {
    const m = /^(\d{4})\s*[:=]\s*(\d+)$/.exec(line);
    if (m) values.push({ year: Number(m[1]), value: Number(m[2]) });
    else bad.push(line);
  }
  return { values, bad };
}

export const figuresText = (values: { year: number; value: number }[]) =>
  values.map((v) => `${v.year}: ${v.value}`).join('\n');

const OTHER_LOCALES = LOCALES.filter((l) => l.code !== 'en');

/** The name and description in every other content language. */
export function TranslationsField({
  names,
  summaries,
  onChange,
}: {
  names: Record<string, string>;
  summaries: Record<string, string>;
  onChange: (names: Record<string, string>, summaries: Record<string, string>) => void;
}) {
  const { t } = useTranslation();
  const set = (map: Record<string, string>, code: string, text: string) => {
    const next = { ...map };
    if (text.trim()) next[code] = text;
    else delete next[code];
    return next;
  };
  return (
    <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
      <Text component="legend" fw={500} size="sm">
        {t('Name and description in other languages')}
      </Text>
      {OTHER_LOCALES.map((l) => (
        <Group key={l.code} grow align="flex-start" wrap="wrap">
          <TextInput
            label={t('Name ({{language}})', { language: l.name })}
            lang={l.code}
            dir={l.dir}
            value={names[l.code] ?? ''}
            onChange={(e) => onChange(set(names, l.code, e.currentTarget.value), summaries)}
          />
          <Textarea
            label={t('Description ({{language}})', { language: l.name })}
            lang={l.code}
            dir={l.dir}
            autosize
            minRows={1}
            value={summaries[l.code] ?? ''}
            onChange={(e) => onChange(names, set(summaries, l.code, e.currentTarget.value))}
          />
        </Group>
      ))}
    </Stack>
  );
}

/** Staff and area coordinators: directory people with a dated role; coordinators name their country. */
export function PeopleField({
  value,
  countries,
  onChange,
}: {
  value: PersonEntry[];
  countries: string[];
  onChange: (next: PersonEntry[]) => void;
}) {
  const { t } = useTranslation();
  const update = (i: number, patch: Partial<PersonEntry>) =>
    onChange(value.map((v, j) => (j === i ? { ...v, ...patch } : v)));
  return (
    <Stack gap="xs">
      <Text fw={500} size="sm">
        {t('Staff and area coordinators')}
      </Text>
      <PlainList label={t('Staff and area coordinators')} gap="sm">
        {value.map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: one person may hold two roles; rows have no id before saving
          <Card component="li" withBorder padding="xs" key={`${p.personId}-${i}`}>
            <Stack gap={6}>
              <Group justify="space-between" wrap="nowrap">
                <Text fw={600} dir="auto">
                  {p.name}
                </Text>
                <Button
                  size="xs"
                  variant="subtle"
                  aria-label={t('Remove {{name}}', { name: p.name })}
                  onClick={() => onChange(value.filter((_, j) => j !== i))}
                >
                  {t('Remove')}
                </Button>
              </Group>
              <Group grow align="flex-start" wrap="wrap">
                <NativeSelect
                  label={t('Role of {{name}}', { name: p.name })}
                  value={p.role}
                  onChange={(e) => update(i, { role: e.currentTarget.value as PersonEntry['role'] })}
                  data={[
                    { value: 'area_coordinator', label: t('Area coordinator') },
                    { value: 'staff', label: t('Staff') },
                  ]}
                />
                <CountryPicker
                  label={t('Country of {{name}}', { name: p.name })}
                  description={t('Added to the countries covered.')}
                  value={p.countryCode}
                  onChange={(code) => update(i, { countryCode: code })}
                />
              </Group>
              <Group grow align="flex-start" wrap="wrap">
                <TextInput
                  label={t('Since (YYYY, YYYY-MM or YYYY-MM-DD)')}
                  value={p.startDate}
                  onChange={(e) => update(i, { startDate: e.currentTarget.value })}
                />
                <TextInput
                  label={t('Until (YYYY, YYYY-MM or YYYY-MM-DD)')}
                  value={p.endDate}
                  onChange={(e) => update(i, { endDate: e.currentTarget.value })}
                />
              </Group>
            </Stack>
          </Card>
        ))}
      </PlainList>
      <DirectoryFinder
        kind="people"
        label={t('Person')}
        addLabel={t('Add person')}
        onAdd={(found) =>
          onChange([
            ...value,
            {
              personId: found.id,
              name: found.name,
              role: 'area_coordinator',
              countryCode: countries[0] ?? '',
              label: '',
              startDate: '',
              endDate: '',
            },
          ])
        }
      />
    </Stack>
  );
}

/** Reach indicators: typed by hand (figures per year) or computed from Tulay's own records. */
export function IndicatorsField({
  value,
  onChange,
}: {
  value: IndicatorEntry[];
  onChange: (next: IndicatorEntry[]) => void;
}) {
  const { t } = useTranslation();
  const update = (i: number, patch: Partial<IndicatorEntry>) =>
    onChange(value.map((v, j) => (j === i ? { ...v, ...patch } : v)));
  return (
    <Stack gap="xs">
      <Text fw={500} size="sm">
        {t('Reach indicators')}
      </Text>
      <PlainList label={t('Reach indicators')} gap="sm">
        {value.map((x, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: indicators have no id before they are saved
          <Card component="li" withBorder padding="xs" key={i}>
            <Stack gap={6}>
              <Group grow align="flex-start" wrap="wrap">
                <TextInput
                  label={t('Indicator {{n}}: name', { n: i + 1 })}
                  required
                  value={x.label}
                  onChange={(e) => update(i, { label: e.currentTarget.value })}
                />
                <NativeSelect
                  label={t('Indicator {{n}}: figures come from', { n: i + 1 })}
                  value={x.source}
                  onChange={(e) => update(i, { source: e.currentTarget.value as IndicatorEntry['source'] })}
                  data={[
                    { value: 'manual', label: t('Typed by hand') },
                    { value: 'cases_handled', label: t('Cases handled (case statistics)') },
                    { value: 'event_participants', label: t('People who attended its events') },
                    { value: 'trained', label: t('People who completed its training courses') },
                  ]}
                />
              </Group>
              {x.source === 'manual' && (
                <Textarea
                  label={t('Indicator {{n}}: figures', { n: i + 1 })}
                  description={t('One line per year, e.g. 2019: 40')}
                  autosize
                  minRows={2}
                  value={x.figures}
                  onChange={(e) => update(i, { figures: e.currentTarget.value })}
                />
              )}
              <Group>
                <Button size="xs" variant="subtle" onClick={() => onChange(value.filter((_, j) => j !== i))}>
                  {t('Remove indicator {{n}}', { n: i + 1 })}
                </Button>
              </Group>
            </Stack>
          </Card>
        ))}
      </PlainList>
      <Group>
        <Button
          size="xs"
          variant="default"
          onClick={() => onChange([...value, { label: '', labels: {}, source: 'manual', figures: '' }])}
        >
          {t('Add an indicator')}
        </Button>
      </Group>
    </Stack>
  );
}
