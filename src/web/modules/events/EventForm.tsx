import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, patch, post } from '../../app/api.ts';
import { MultiPicker } from '../../ui/Pickers.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { RemovableChips } from '../../ui/RemovableChips.tsx';
import { CountryPicker } from '../directory/CountryPicker.tsx';
import { termOptions, useTerms } from '../directory/lookups.ts';
import { OrganisationPicker } from '../directory/OrganisationPicker.tsx';
import type { Organisation } from '../directory/types.ts';
import { useEventOptions } from './EventList.tsx';
import { PeoplePicker } from './PersonSearch.tsx';
import type { EventRecord } from './types.ts';

const LANGUAGES = [
  'en',
  'fil',
  'id',
  'ar',
  'ne',
  'bn',
  'ms',
  'th',
  'vi',
  'km',
  'my',
  'hi',
  'ur',
  'si',
  'ta',
  'zh',
  'ja',
  'ko',
  'fr',
];

interface SessionDraft {
  id?: string;
  key: string;
  title: string;
  startsLocal: string;
  endsLocal: string;
  room: string;
  speakers: { id: string; name: string }[];
}

let keys = 0;
const newKey = () => `s${++keys}`;

/** Creates or edits an event: what, when (in a real time zone), where, who organises, the agenda. */
export function EventForm({ event, onDone }: { event?: EventRecord; onDone: (e: EventRecord) => void }) {
  const { t, i18n } = useTranslation();
  const kinds = useTerms('event_kind');
  const options = useEventOptions();
  const publications = useQuery({
    queryKey: ['publications', 'pick'],
    queryFn: async () =>
      (await api<{ data: { id: string; title: string }[] }>('/publications?limit=200')).data,
  });
  const zones = Intl.supportedValuesOf('timeZone');
  const [kindCode, setKind] = useState(event?.kindCode ?? 'workshop');
  const [title, setTitle] = useState(event?.title ?? '');
  const [description, setDescription] = useState(event?.description ?? '');
  const [programmeId, setProgramme] = useState(event?.programmeId ?? '');
  const [organisers, setOrganisers] = useState(
    event?.organisers.map((o) => ({ id: o.organisationId, name: o.name })) ?? [],
  );
  const [partners, setPartners] = useState(
    event?.partners.map((o) => ({ id: o.organisationId, name: o.name })) ?? [],
  );
  const [picked, setPicked] = useState<Organisation | null>(null);
  const [online, setOnline] = useState(event?.online ?? false);
  const [city, setCity] = useState(event?.city ?? '');
  const [countryCode, setCountry] = useState(event?.countryCode ?? '');
  const [venue, setVenue] = useState(event?.venue ?? '');
  const [startsLocal, setStarts] = useState(event?.startsLocal ?? '');
  const [endsLocal, setEnds] = useState(event?.endsLocal ?? '');
  const [timeZone, setZone] = useState(event?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
  const [languages, setLanguages] = useState<string[]>(event?.languages ?? []);
  const [capacity, setCapacity] = useState<number | ''>(event?.capacity ?? '');
  const [visibility, setVisibility] = useState(event?.visibility ?? 'private');
  const [documentIds, setDocuments] = useState<string[]>(event?.documents.map((d) => d.id) ?? []);
  const [sessions, setSessions] = useState<SessionDraft[]>(
    event?.sessions.map((s) => ({
      id: s.id,
      key: s.id,
      title: s.title,
      startsLocal: s.startsLocal,
      endsLocal: s.endsLocal,
      room: s.room ?? '',
      speakers: s.speakers,
    })) ?? [],
  );
  const languageNames = new Intl.DisplayNames([i18n.language], { type: 'language' });
  const body = {
    kindCode,
    title,
    description,
    programmeId: programmeId || null,
    organisers: organisers.map((o) => o.id),
    partners: partners.map((o) => o.id),
    online,
    city: city.trim() || null,
    countryCode: countryCode || null,
    venue: venue.trim() || null,
    startsLocal,
    endsLocal,
    timeZone,
    languages,
    capacity: capacity === '' ? null : capacity,
    visibility,
    documentIds,
    sessions: sessions.map((s) => ({
      ...(s.id ? { id: s.id } : {}),
      title: s.title,
      startsLocal: s.startsLocal,
      endsLocal: s.endsLocal,
      room: s.room.trim() || null,
      speakerIds: s.speakers.map((p) => p.id),
    })),
  };
  const save = useMutation({
    mutationFn: async () =>
      (event
        ? await patch<{ data: EventRecord }>(`/events/${event.id}`, { ...body, version: event.version })
        : await post<{ data: EventRecord }>('/events', body)
      ).data,
    onSuccess: onDone,
  });
  const change = (key: string, patchTo: Partial<SessionDraft>) =>
    setSessions((all) => all.map((s) => (s.key === key ? { ...s, ...patchTo } : s)));
  const addOrganisation = (role: 'organiser' | 'partner') => {
    if (!picked) return;
    const entry = { id: picked.id, name: picked.name };
    if (role === 'organiser')
      setOrganisers((all) => (all.some((o) => o.id === entry.id) ? all : [...all, entry]));
    else setPartners((all) => (all.some((o) => o.id === entry.id) ? all : [...all, entry]));
  };
  return (
    <Stack
      component="form"
      aria-label={event ? t('Edit the event') : t('New event')}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <NativeSelect
        label={t('Kind')}
        value={kindCode}
        onChange={(e) => setKind(e.currentTarget.value)}
        data={termOptions(kinds.data)}
        required
      />
      <TextInput
        label={t('Title')}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        required
        maxLength={300}
      />
      <Textarea
        label={t('Description')}
        description={t('Paragraphs, lists and links are kept; anything else is removed.')}
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
        autosize
        minRows={3}
      />
      <NativeSelect
        label={t('Programme')}
        value={programmeId}
        onChange={(e) => setProgramme(e.currentTarget.value)}
        data={[
          { value: '', label: t('None') },
          ...(options.data?.programmes ?? []).map((p) => ({ value: p.id, label: p.name })),
        ]}
      />
      <Title order={2} size="h5">
        {t('When')}
      </Title>
      <Group grow wrap="wrap" align="start">
        <TextInput
          type="datetime-local"
          label={t('Starts (local time)')}
          value={startsLocal}
          onChange={(e) => setStarts(e.currentTarget.value.slice(0, 16))}
          required
          miw={200}
        />
        <TextInput
          type="datetime-local"
          label={t('Ends (local time)')}
          value={endsLocal}
          onChange={(e) => setEnds(e.currentTarget.value.slice(0, 16))}
          required
          miw={200}
        />
      </Group>
      <NativeSelect
        label={t('Time zone of the event')}
        value={timeZone}
        onChange={(e) => setZone(e.currentTarget.value)}
        data={zones}
        required
      />
      <Title order={2} size="h5">
        {t('Where')}
      </Title>
      <Checkbox label={t('Online')} checked={online} onChange={(e) => setOnline(e.currentTarget.checked)} />
      {!online && (
        <Group grow wrap="wrap" align="start">
          <TextInput
            label={t('City')}
            value={city}
            onChange={(e) => setCity(e.currentTarget.value)}
            miw={200}
          />
          <CountryPicker label={t('Country')} value={countryCode} onChange={setCountry} miw={200} />
        </Group>
      )}
      {!online && (
        <TextInput label={t('Venue')} value={venue} onChange={(e) => setVenue(e.currentTarget.value)} />
      )}
      <Title order={2} size="h5">
        {t('Organisers and partners')}
      </Title>
      <OrganisationPicker label={t('Organisation')} onChange={setPicked} />
      <Group>
        <Button variant="light" onClick={() => addOrganisation('organiser')} disabled={!picked}>
          {t('Add as organiser')}
        </Button>
        <Button variant="light" onClick={() => addOrganisation('partner')} disabled={!picked}>
          {t('Add as partner')}
        </Button>
      </Group>
      <RemovableChips
        label={t('Organisers')}
        list={organisers}
        onRemove={(id) => setOrganisers((all) => all.filter((o) => o.id !== id))}
      />
      <RemovableChips
        label={t('Partners')}
        list={partners}
        onRemove={(id) => setPartners((all) => all.filter((o) => o.id !== id))}
      />
      <Title order={2} size="h5">
        {t('Participants')}
      </Title>
      <MultiPicker
        label={t('Languages')}
        value={languages}
        onChange={setLanguages}
        data={LANGUAGES.map((code) => ({ value: code, label: languageNames.of(code) ?? code }))}
      />
      <NumberInput
        label={t('Capacity')}
        description={t('Leave empty for no limit. Past it, registrations join a waiting list.')}
        value={capacity}
        onChange={(v) => setCapacity(typeof v === 'number' ? v : '')}
        min={0}
        max={1_000_000}
        allowDecimal={false}
      />
      <NativeSelect
        label={t('Visibility')}
        value={visibility}
        onChange={(e) => setVisibility(e.currentTarget.value as 'public' | 'private')}
        data={[
          { value: 'private', label: t('Private: only in Tulay') },
          { value: 'public', label: t('Public: on the public events pages, open for registration') },
        ]}
      />
      <MultiPicker
        label={t('Documents')}
        value={documentIds}
        onChange={setDocuments}
        data={(publications.data ?? []).map((p) => ({ value: p.id, label: p.title }))}
      />
      <Title order={2} size="h5">
        {t('Agenda')}
      </Title>
      {sessions.map((s, i) => (
        <Stack
          key={s.key}
          gap="xs"
          p="sm"
          style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 6 }}
          role="group"
          aria-label={`${t('Session')} ${i + 1}`}
        >
          <TextInput
            label={t('Session title')}
            value={s.title}
            onChange={(e) => change(s.key, { title: e.currentTarget.value })}
            required
          />
          <Group grow wrap="wrap" align="start">
            <TextInput
              type="datetime-local"
              label={t('Starts (local time)')}
              value={s.startsLocal}
              onChange={(e) => change(s.key, { startsLocal: e.currentTarget.value.slice(0, 16) })}
              required
              miw={200}
            />
            <TextInput
              type="datetime-local"
              label={t('Ends (local time)')}
              value={s.endsLocal}
              onChange={(e) => change(s.key, { endsLocal: e.currentTarget.value.slice(0, 16) })}
              required
              miw={200}
            />
          </Group>
          <TextInput
            label={t('Room')}
            value={s.room}
            onChange={(e) => change(s.key, { room: e.currentTarget.value })}
          />
          <PeoplePicker
            label={t('Speakers')}
            value={s.speakers.map((p) => p.id)}
            known={s.speakers}
            onChange={(_ids, people) => change(s.key, { speakers: people })}
          />
          <Group>
            <Button
              variant="subtle"
              color="red"
              onClick={() => setSessions((all) => all.filter((x) => x.key !== s.key))}
            >
              {t('Remove this session')}
            </Button>
          </Group>
        </Stack>
      ))}
      <Group>
        <Button
          variant="light"
          onClick={() =>
            setSessions((all) => [
              ...all,
              {
                key: newKey(),
                title: '',
                startsLocal: all.at(-1)?.endsLocal ?? startsLocal,
                endsLocal: '',
                room: '',
                speakers: [],
              },
            ])
          }
        >
          {t('Add a session')}
        </Button>
      </Group>
      <ProblemAlert error={save.error} />
      <Group>
        <Button type="submit" loading={save.isPending}>
          {event ? t('Save changes') : t('Create the event')}
        </Button>
      </Group>
    </Stack>
  );
}
