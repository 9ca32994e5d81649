import { SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LABEL_LANGUAGES } from './types.ts';

export type Labels = Record<string, string>;

/** Only the languages given a label: an empty field means "fall back to English". */
export const cleanLabels = (labels: Labels): Labels =>
  Object.fromEntries(
    Object.entries(labels)
      .map(([lang, label]) => [lang, label.trim()] as const)
      .filter(([, label]) => label !== ''),
  );

/** One label field per interface language; English is required, the others are optional. */
export function LabelFields({ value, onChange }: { value: Labels; onChange: (labels: Labels) => void }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      {LABEL_LANGUAGES.map((language) => (
        <TextInput
          key={language.code}
          label={t('Label in {{language}}', { language: language.name })}
          required={language.code === 'en'}
          maxLength={200}
          lang={language.code}
          dir={language.dir}
          value={value[language.code] ?? ''}
          onChange={(e) => onChange({ ...value, [language.code]: e.currentTarget.value })}
        />
      ))}
    </SimpleGrid>
  );
}
