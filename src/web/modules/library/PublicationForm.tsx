import { Button, Checkbox, Group, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALE_CODES } from '../../../shared/locales.ts';
import { patch, post } from '../../app/api.ts';
import { changedFields } from '../../app/changed-fields.ts';
import { MultiPicker } from '../../ui/Pickers.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { RemovableChips } from '../../ui/RemovableChips.tsx';
import { CountriesPicker } from '../directory/CountryPicker.tsx';
import { termOptions, useTerms } from '../directory/lookups.ts';
import { OrganisationPicker } from '../directory/OrganisationPicker.tsx';
import type { Organisation } from '../directory/types.ts';
import { PeoplePicker } from '../events/PersonSearch.tsx';
import { ProgrammePicker } from '../programmes/ProgrammePicker.tsx';
import type { Publication } from './types.ts';

type Named = { id: string; name: string };

function openedValues(p?: Publication) {
  return {
    title: p?.title ?? '',
    typeCode: p?.type.code ?? 'policy_brief',
    abstract: p?.abstract ?? '',
    publishedOn: p?.publishedOn ?? '',
    isPublic: p?.isPublic ?? true,
    programmeId: p?.programmeId ?? '',
    countries: p?.countries.map((c) => c.code) ?? [],
    themes: p?.themes.map((c) => c.code) ?? [],
    languages: p?.languages ?? [],
    authorOrganisationIds: p?.authorOrganisationIds ?? [],
    authorPersonIds: p?.authorPersonIds ?? [],
  };
}

/**
 * Adds or edits a publication: every field the library keeps except the translations of the title
 * and abstract, which an edit leaves untouched (only the fields that changed are sent).
 */
export function PublicationForm({
  publication,
  onSaved,
}: {
  publication?: Publication;
  onSaved: (p: Publication) => void;
}) {
  const { t, i18n } = useTranslation();
  const types = useTerms('publication_type');
  const themeTerms = useTerms('thematic_area');
  const opened = openedValues(publication);
  const [title, setTitle] = useState(opened.title);
  const [typeCode, setTypeCode] = useState(opened.typeCode);
  const [abstract, setAbstract] = useState(opened.abstract);
  const [publishedOn, setPublishedOn] = useState(opened.publishedOn);
  const [isPublic, setIsPublic] = useState(opened.isPublic);
  const [programmeId, setProgrammeId] = useState(opened.programmeId);
  const [countries, setCountries] = useState(opened.countries);
  const [themes, setThemes] = useState(opened.themes);
  const [languages, setLanguages] = useState(opened.languages);
  const authorsOf = (kind: 'organisation' | 'person') =>
    publication?.authors.filter((a) => a.kind === kind).map((a) => ({ id: a.id, name: a.name })) ?? [];
  const [organisations, setOrganisations] = useState<Named[]>(authorsOf('organisation'));
  const [people, setPeople] = useState<Named[]>(authorsOf('person'));
  const [picked, setPicked] = useState<Organisation | null>(null);
  const languageNames = new Intl.DisplayNames([i18n.language], { type: 'language' });

  const now = {
    title,
    typeCode,
    abstract,
    publishedOn,
    isPublic,
    programmeId,
    countries,
    themes,
    languages,
    authorOrganisationIds: organisations.map((o) => o.id),
    authorPersonIds: people.map((p) => p.id),
  };
  const save = useMutation({
    mutationFn: async () => {
      const body = publication ? changedFields(opened, now) : now;
      const sent = {
        ...body,
        ...('publishedOn' in body ? { publishedOn: body.publishedOn || null } : {}),
        ...('programmeId' in body ? { programmeId: body.programmeId || null } : {}),
      };
      return publication
        ? (
            await patch<{ data: Publication }>(`/publications/${publication.id}`, {
              ...sent,
              version: publication.version,
            })
          ).data
        : (await post<{ data: Publication }>('/publications', sent)).data;
    },
    onSuccess: onSaved,
  });

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack>
        <ProblemAlert error={save.error} />
        <TextInput
          label={t('Title')}
          required
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
        />
        <NativeSelect
          label={t('Type')}
          value={typeCode}
          onChange={(e) => setTypeCode(e.currentTarget.value)}
          data={termOptions(types.data)}
        />
        <Textarea
          label={t('Abstract')}
          autosize
          minRows={3}
          value={abstract}
          onChange={(e) => setAbstract(e.currentTarget.value)}
        />
        <TextInput
          label={t('Date (YYYY, YYYY-MM or YYYY-MM-DD)')}
          value={publishedOn}
          onChange={(e) => setPublishedOn(e.currentTarget.value)}
        />
        <OrganisationPicker label={t('Organisation')} onChange={setPicked} />
        <Group>
          <Button
            variant="light"
            disabled={!picked || organisations.some((o) => o.id === picked.id)}
            onClick={() =>
              picked && setOrganisations((all) => [...all, { id: picked.id, name: picked.name }])
            }
          >
            {t('Add as author')}
          </Button>
        </Group>
        <RemovableChips
          label={t('Authoring organisations')}
          list={organisations}
          onRemove={(id) => setOrganisations((all) => all.filter((o) => o.id !== id))}
        />
        <PeoplePicker
          label={t('Authors (people)')}
          value={people.map((p) => p.id)}
          known={people}
          onChange={(_, chosen) => setPeople(chosen)}
        />
        <CountriesPicker label={t('Countries')} value={countries} onChange={setCountries} />
        <MultiPicker
          label={t('Themes')}
          data={termOptions(themeTerms.data)}
          value={themes}
          onChange={setThemes}
        />
        <MultiPicker
          label={t('Languages')}
          value={languages}
          onChange={setLanguages}
          data={[...new Set([...LOCALE_CODES, ...languages])].map((code) => ({
            value: code,
            label: languageNames.of(code) ?? code,
          }))}
        />
        <ProgrammePicker value={programmeId} onChange={setProgrammeId} />
        <Checkbox
          label={t('Public: anyone may find and download it')}
          checked={isPublic}
          onChange={(e) => setIsPublic(e.currentTarget.checked)}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t('Save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
