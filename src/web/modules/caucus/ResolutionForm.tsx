import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, patch, post } from '../../app/api.ts';
import { changedFields } from '../../app/changed-fields.ts';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { KIND_LABELS, useCaucusOptions } from './labels.ts';
import type { CaucusMembership, Resolution, Seat } from './types.ts';

type Signatory = { personId: string; postId: string | null };

/** Signatories: members of the chosen caucus, each with the seat they signed in (optional). */
function SignatoriesField({
  caucusId,
  value,
  names,
  onChange,
}: {
  caucusId: string;
  value: Signatory[];
  names: Map<string, string>;
  onChange: (v: Signatory[]) => void;
}) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState('');
  const members = useQuery({
    queryKey: ['caucus', 'memberships'],
    queryFn: async () => (await api<{ data: CaucusMembership[] }>('/caucus/memberships')).data,
  });
  const seats = useQuery({
    queryKey: ['caucus', 'posts'],
    queryFn: async () => (await api<{ data: Seat[] }>('/caucus/posts')).data,
  });
  const ofCaucus = (members.data ?? []).filter((m) => m.caucusId === caucusId);
  for (const m of ofCaucus) names.set(m.personId, m.personName ?? m.personId);
  const candidates = [...new Map(ofCaucus.map((m) => [m.personId, m])).values()].filter(
    (m) => !value.some((s) => s.personId === m.personId),
  );
  return (
    <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
      <Text component="legend" fw={500} size="sm">
        {t('Signatories')}
      </Text>
      {value.length > 0 && (
        <Stack component="ul" gap={4} p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('Signatories')}>
          {value.map((s, i) => {
            const name = names.get(s.personId) ?? s.personId;
            const own = (seats.data ?? []).filter((p) => p.personId === s.personId);
            return (
              <Group component="li" key={s.personId} gap="xs" wrap="wrap" align="flex-end">
                <Text size="sm" fw={600} miw={140}>
                  {name}
                </Text>
                <NativeSelect
                  size="xs"
                  label={t('Signed as ({{name}})', { name })}
                  value={s.postId ?? ''}
                  onChange={(e) => {
                    const postId = e.currentTarget.value || null;
                    onChange(value.map((x, j) => (j === i ? { ...x, postId } : x)));
                  }}
                  data={[
                    { value: '', label: t('No seat named') },
                    ...own.map((p) => ({
                      value: p.id,
                      label: [p.label, p.parliamentName, p.constituency].filter(Boolean).join(', '),
                    })),
                  ]}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('Remove {{name}}', { name })}
                  onClick={() => onChange(value.filter((x) => x.personId !== s.personId))}
                >
                  ×
                </ActionIcon>
              </Group>
            );
          })}
        </Stack>
      )}
      <Group align="flex-end" wrap="wrap">
        <NativeSelect
          label={t('Add a signatory from the caucus members')}
          value={adding}
          onChange={(e) => setAdding(e.currentTarget.value)}
          data={[
            { value: '', label: t('Choose…') },
            ...candidates.map((m) => ({ value: m.personId, label: m.personName ?? m.personId })),
          ]}
          miw={220}
        />
        <Button
          variant="light"
          disabled={!adding}
          onClick={() => {
            onChange([...value, { personId: adding, postId: null }]);
            setAdding('');
          }}
        >
          {t('Add signatory')}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * Recording or editing a resolution or declaration. An edit sends only the fields that changed,
 * so what the form does not show (translations of the title and text) is never rewritten.
 */
export function ResolutionForm({
  resolution,
  onDone,
}: {
  resolution?: Resolution;
  onDone: (r: Resolution) => void;
}) {
  const { t } = useTranslation();
  const options = useCaucusOptions();
  const client = useQueryClient();
  const [names] = useState(() => new Map(resolution?.signatories.map((s) => [s.personId, s.name]) ?? []));
  const [body, setBody] = useState({
    caucusId: resolution?.caucusId ?? options.data?.caucuses[0]?.id ?? '',
    meetingId: resolution?.meetingId ?? '',
    kind: resolution?.kind ?? 'resolution',
    identifier: resolution?.identifier ?? '',
    title: resolution?.title ?? '',
    text: resolution?.text ?? '',
    adoptedOn: resolution?.adoptedOn ?? '',
    published: resolution?.published ?? false,
    signatories:
      resolution?.signatories.map((s) => ({ personId: s.personId, postId: s.postId })) ?? ([] as Signatory[]),
  });
  const [opened] = useState(body);
  const set =
    <K extends keyof typeof body>(key: K) =>
    (value: (typeof body)[K]) =>
      setBody((b) => ({ ...b, [key]: value }));
  const wire = (b: typeof body) => ({
    ...b,
    meetingId: b.meetingId || null,
    identifier: b.identifier.trim() || null,
  });
  const save = useMutation({
    mutationFn: async () =>
      (resolution
        ? await patch<{ data: Resolution }>(`/caucus/resolutions/${resolution.id}`, {
            ...changedFields(wire(opened), wire(body)),
            version: resolution.version,
          })
        : await post<{ data: Resolution }>('/caucus/resolutions', wire(body))
      ).data,
    onSuccess: (r) => {
      void client.invalidateQueries({ queryKey: ['caucus'] });
      onDone(r);
    },
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
          value={body.title}
          onChange={(e) => set('title')(e.currentTarget.value)}
        />
        <Group grow align="flex-start" wrap="wrap">
          <NativeSelect
            label={t('Kind')}
            value={body.kind}
            onChange={(e) => set('kind')(e.currentTarget.value as Resolution['kind'])}
            data={Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label: t(label) }))}
            miw={160}
          />
          <TextInput
            label={t('Identifier')}
            description={t('Its number, if it has one')}
            value={body.identifier}
            onChange={(e) => set('identifier')(e.currentTarget.value)}
            miw={160}
          />
          <TextInput
            type="date"
            label={t('Adopted on')}
            required
            value={body.adoptedOn}
            onChange={(e) => set('adoptedOn')(e.currentTarget.value)}
            miw={150}
          />
        </Group>
        <Group grow align="flex-start" wrap="wrap">
          <NativeSelect
            label={t('Caucus')}
            required
            value={body.caucusId}
            onChange={(e) => set('caucusId')(e.currentTarget.value)}
            data={[
              { value: '', label: t('Choose…'), disabled: true },
              ...(options.data?.caucuses ?? []).map((c) => ({ value: c.id, label: c.name })),
            ]}
            miw={220}
          />
          <NativeSelect
            label={t('Adopted at the meeting')}
            description={t('Leave empty when the caucus adopted it outside a meeting')}
            value={body.meetingId}
            onChange={(e) => set('meetingId')(e.currentTarget.value)}
            data={[
              { value: '', label: t('None') },
              ...(options.data?.meetings ?? []).map((m) => ({
                value: m.id,
                label: `${m.title} (${m.startsAt.slice(0, 10)})`,
              })),
            ]}
            miw={220}
          />
        </Group>
        <Textarea
          label={t('Text')}
          autosize
          minRows={5}
          value={body.text}
          onChange={(e) => set('text')(e.currentTarget.value)}
        />
        <SignatoriesField
          caucusId={body.caucusId}
          value={body.signatories}
          names={names}
          onChange={set('signatories')}
        />
        <Checkbox
          label={t('Published on the public page')}
          checked={body.published}
          onChange={(e) => set('published')(e.currentTarget.checked)}
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
