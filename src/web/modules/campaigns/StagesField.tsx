import { ActionIcon, Button, Fieldset, Group, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface StageEntry {
  code: string;
  label: string;
  labels?: Record<string, string>;
  /** A key for the list that survives renaming (never sent). */
  uid: string;
}

/** A code from a label: lower-case letters, digits and _ (what the server accepts). */
const codeOf = (label: string) =>
  label
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 60);

/**
 * The ordered stages of a campaign: rename, add at the end, remove. Codes of stages already saved
 * stay as they are (trackers refer to them); a new stage takes its code from its label.
 */
export function StagesField({
  value,
  saved,
  onChange,
}: {
  value: StageEntry[];
  /** Codes already stored: their code cannot change. */
  saved: Set<string>;
  onChange: (stages: StageEntry[]) => void;
}) {
  const { t } = useTranslation();
  const set = (i: number, label: string) =>
    onChange(
      value.map((s, j) =>
        j === i ? { ...s, label, code: saved.has(s.code) ? s.code : codeOf(label) || s.code } : s,
      ),
    );
  return (
    <Fieldset legend={t('Stages, in order')}>
      <Stack gap="xs">
        {value.map((s, i) => (
          <Group key={s.uid} gap="xs" wrap="nowrap" align="flex-end">
            <TextInput
              style={{ flex: 1, minWidth: 0 }}
              label={t('Stage {{n}}', { n: i + 1 })}
              required
              value={s.label}
              onChange={(e) => set(i, e.currentTarget.value)}
            />
            <ActionIcon
              variant="light"
              color="red"
              size="lg"
              aria-label={t('Remove stage {{n}}', { n: i + 1 })}
              disabled={value.length <= 2}
              onClick={() => onChange(value.filter((_, j) => j !== i))}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            variant="light"
            size="xs"
            onClick={() =>
              onChange([...value, { code: `stage_${value.length + 1}`, label: '', uid: crypto.randomUUID() }])
            }
          >
            {t('Add a stage')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
