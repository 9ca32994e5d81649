import { Group, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../../shared/locales.ts';
import { patch, post } from '../../app/api.ts';
import { Panel, PanelForm } from '../../ui/Panel.tsx';
import { MultiPicker } from '../../ui/Pickers.tsx';
import { CountriesPicker } from '../directory/CountryPicker.tsx';
import { useRecommendationOptions } from './labels.ts';
import type { Recommendation } from './types.ts';

const OTHER_LOCALES = LOCALES.filter((l) => l.code !== 'en');

/**
 * Creates or edits a recommendation: its text (with its translations in the content languages),
 * addressee, themes and countries. The status changes only through updates.
 */
export function RecommendationForm({
  recommendation: r,
  dialogueId,
  onDone,
}: {
  recommendation?: Recommendation;
  dialogueId?: string;
  onDone: (saved: Recommendation) => void;
}) {
  const { t } = useTranslation();
  const options = useRecommendationOptions();
  const [eventId, setEventId] = useState(r?.dialogue.id ?? dialogueId ?? '');
  const [text, setText] = useState(r?.text ?? '');
  const [texts, setTexts] = useState<Record<string, string>>(r?.texts ?? {});
  const [addresseeId, setAddressee] = useState(r?.addressee.id ?? '');
  const [themes, setThemes] = useState(r?.themes.map((x) => x.code) ?? []);
  const [countries, setCountries] = useState(r?.countries.map((c) => c.code) ?? []);
  const save = useMutation({
    mutationFn: async () => {
      const body = { eventId, text, texts, addresseeId, themes, countries };
      const saved = r
        ? await patch<{ data: Recommendation }>(`/recommendations/${r.id}`, { ...body, version: r.version })
        : await post<{ data: Recommendation }>('/recommendations', body);
      return saved.data;
    },
    onSuccess: onDone,
  });
  const dialogues = (options.data?.dialogues ?? []).filter((d) => d.canAdd || d.id === eventId);
  const governments = options.data?.governments ?? [];
  // The current addressee stays choosable even when it is not a government counterpart.
  const addressees =
    r && !governments.some((g) => g.id === r.addressee.id)
      ? [{ id: r.addressee.id, name: r.addressee.name }, ...governments]
      : governments;
  // Inside a panel, so the form's heading (h3) sits under an h2 on a page whose h1 is the title.
  return (
    <Panel title={t('About the recommendation')}>
      <PanelForm
        title={r ? t('Edit the recommendation') : t('New recommendation')}
        onSubmit={() => save.mutate()}
        error={save.error}
        submit={{ label: t('Save'), pending: save.isPending }}
      >
        <Stack>
          <NativeSelect
            label={t('Dialogue')}
            required
            value={eventId}
            onChange={(e) => setEventId(e.currentTarget.value)}
            data={[{ value: '', label: '—' }, ...dialogues.map((d) => ({ value: d.id, label: d.title }))]}
          />
          <Textarea
            label={t('Text of the recommendation')}
            required
            autosize
            minRows={3}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
          />
          <details>
            <Text component="summary" size="sm" fw={500}>
              {t('Text in other languages')}
            </Text>
            <Stack gap="xs" mt="xs">
              {OTHER_LOCALES.map((l) => (
                <Textarea
                  key={l.code}
                  label={t('Text ({{language}})', { language: l.name })}
                  lang={l.code}
                  dir={l.dir}
                  autosize
                  minRows={1}
                  value={texts[l.code] ?? ''}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    setTexts((current) => {
                      const next = { ...current };
                      if (value.trim()) next[l.code] = value;
                      else delete next[l.code];
                      return next;
                    });
                  }}
                />
              ))}
            </Stack>
          </details>
          <NativeSelect
            label={t('Addressed to')}
            description={t(
              'Governments, ministries, embassies and missions, regional bodies of the directory.',
            )}
            required
            value={addresseeId}
            onChange={(e) => setAddressee(e.currentTarget.value)}
            data={[{ value: '', label: '—' }, ...addressees.map((g) => ({ value: g.id, label: g.name }))]}
          />
          <Group grow align="start" wrap="wrap">
            <MultiPicker
              label={t('Themes')}
              value={themes}
              onChange={setThemes}
              data={(options.data?.themes ?? []).map((x) => ({ value: x.code, label: x.label }))}
              miw={220}
            />
            <CountriesPicker label={t('Countries')} value={countries} onChange={setCountries} miw={220} />
          </Group>
        </Stack>
      </PanelForm>
    </Panel>
  );
}
