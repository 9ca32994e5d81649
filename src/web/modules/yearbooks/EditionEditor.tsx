import {
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Progress,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api, del, patch, post } from '../../app/api.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Panel, PlainList } from '../../ui/Panel.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { ChapterEditor, NewChapter } from './ChapterEditor.tsx';
import { ContributorsPanel } from './ContributorsPanel.tsx';
import { MOVES, STATUS_LABELS } from './labels.ts';
import type { Edition, Render } from './types.ts';

function DetailsPanel({ edition, onSaved }: { edition: Edition; onSaved: (e: Edition) => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(edition.title);
  const [subtitle, setSubtitle] = useState(edition.subtitle);
  const [year, setYear] = useState(String(edition.year));
  const save = useMutation({
    // Only what changed is sent: fields this form does not show are never overwritten.
    mutationFn: async () => {
      const changes: Record<string, unknown> = { version: edition.version };
      if (title !== edition.title) changes.title = title;
      if (subtitle !== edition.subtitle) changes.subtitle = subtitle;
      if (Number(year) !== edition.year) changes.year = Number(year);
      return (await patch<{ data: Edition }>(`/yearbooks/${edition.id}`, changes)).data;
    },
    onSuccess: onSaved,
  });
  return (
    <Panel title={t('Details')} error={save.error}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="xs">
          <TextInput
            label={t('Title')}
            required
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          <TextInput
            label={t('Subtitle')}
            value={subtitle}
            onChange={(e) => setSubtitle(e.currentTarget.value)}
          />
          <TextInput
            label={t('Year')}
            inputMode="numeric"
            value={year}
            onChange={(e) => setYear(e.currentTarget.value)}
          />
          <Group>
            <Button type="submit" loading={save.isPending} disabled={!edition.abilities.update}>
              {t('Save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Panel>
  );
}

function ReviewPanel({ edition, onSaved }: { edition: Edition; onSaved: (e: Edition) => void }) {
  const { t, i18n } = useTranslation();
  const [comment, setComment] = useState('');
  const run = useMutation({
    mutationFn: async (move: string) =>
      (
        await post<{ data: Edition }>(`/yearbooks/${edition.id}/workflow`, {
          move,
          comment,
          version: edition.version,
        })
      ).data,
    onSuccess: (e) => {
      setComment('');
      onSaved(e);
    },
  });
  const moves = MOVES.filter((m) => m.from === edition.status && edition.abilities[m.ability]);
  return (
    <Panel title={t('Review')} error={run.error}>
      <Text>
        {t('State')}: <Badge variant="light">{t(STATUS_LABELS[edition.status] ?? edition.status)}</Badge>
      </Text>
      {moves.length > 0 && (
        <>
          <Textarea
            label={t('Comment')}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <Group gap="xs">
            {moves.map((m) => (
              <Button
                key={m.move}
                variant="light"
                loading={run.isPending && run.variables === m.move}
                onClick={() => run.mutate(m.move)}
              >
                {t(m.label)}
              </Button>
            ))}
          </Group>
        </>
      )}
      <PlainList label={t('History')}>
        {edition.history.map((h) => (
          <li key={h.at}>
            <Text size="sm">
              {new Date(h.at).toLocaleString(i18n.language)} · {h.name} · {t(STATUS_LABELS[h.from] ?? h.from)}{' '}
              → {t(STATUS_LABELS[h.to] ?? h.to)}
              {h.comment ? ` · ${h.comment}` : ''}
            </Text>
          </li>
        ))}
      </PlainList>
    </Panel>
  );
}

function PdfPanel({ edition }: { edition: Edition }) {
  const { t } = useTranslation();
  const [render, setRender] = useState<Render | null>(edition.render);
  const start = useMutation({
    mutationFn: async () => (await post<{ data: Render }>(`/yearbooks/${edition.id}/renders`)).data,
    onSuccess: setRender,
  });
  const busy = render?.status === 'queued' || render?.status === 'running';
  // The job runs on the server; the screen asks for its progress every second until it ends.
  const poll = useQuery({
    queryKey: ['yearbooks', edition.id, 'render', render?.id],
    queryFn: async () => (await api<{ data: Render }>(`/yearbooks/${edition.id}/renders/${render!.id}`)).data,
    enabled: busy,
    refetchInterval: 1000,
  });
  useEffect(() => {
    if (poll.data) setRender(poll.data);
  }, [poll.data]);
  return (
    <Panel title={t('PDF')} error={start.error ?? poll.error}>
      {render && (
        <Progress
          value={Math.round(render.progress * 100)}
          aria-label={t('Progress of the PDF')}
          color={render.status === 'failed' ? 'red' : undefined}
        />
      )}
      {render?.status === 'failed' && (
        <Text c="red">{t('The PDF could not be made: {{error}}', { error: render.error })}</Text>
      )}
      <Group gap="xs">
        {edition.abilities.render && (
          <Button onClick={() => start.mutate()} loading={start.isPending || busy}>
            {t('Make the PDF')}
          </Button>
        )}
        {render?.status === 'done' && (
          <Anchor href={`/api/v1/yearbooks/${edition.id}.pdf`} download>
            {t('Download the PDF')}
          </Anchor>
        )}
      </Group>
    </Panel>
  );
}

/** The edition editor: details, contributors, chapters in order, review, PDF. */
export function EditionEditor() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [editing, setEditing] = useState<string | null>(null);
  const query = useQuery({
    queryKey: ['yearbooks', id],
    queryFn: async () => (await api<{ data: Edition }>(`/yearbooks/${id}`)).data,
  });
  const saved = (e: Edition) => client.setQueryData(['yearbooks', id], e);
  const e = query.data;
  const reorder = useMutation({
    mutationFn: async (order: string[]) =>
      (
        await api<{ data: Edition }>(`/yearbooks/${id}/chapters/order`, {
          method: 'PUT',
          body: { order, version: e!.version },
        })
      ).data,
    onSuccess: saved,
  });
  const removeChapter = useMutation({
    mutationFn: async (c: { id: string; version: number }) =>
      (
        await api<{ data: Edition }>(`/yearbooks/${id}/chapters/${c.id}?version=${c.version}`, {
          method: 'DELETE',
        })
      ).data,
    onSuccess: saved,
  });
  const remove = useMutation({
    mutationFn: () => del(`/yearbooks/${id}?version=${e!.version}`),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: ['yearbooks'] });
      navigate('/editions');
    },
  });
  if (query.isPending) return <Loader aria-label={t('Loading')} />;
  if (!e) return <ProblemAlert error={query.error} />;
  const ids = e.chapters.map((c) => c.id);
  const swap = (i: number, j: number) => {
    const order = [...ids];
    [order[i], order[j]] = [order[j]!, order[i]!];
    reorder.mutate(order);
  };
  return (
    <Stack>
      <PageHeader
        title={e.title}
        actions={
          e.abilities.delete && (
            <Button
              color="red"
              variant="light"
              loading={remove.isPending}
              onClick={() => {
                if (window.confirm(t('Delete this edition and its chapters?'))) remove.mutate();
              }}
            >
              {t('Delete')}
            </Button>
          )
        }
      />
      <ProblemAlert error={remove.error} />
      {e.status === 'published' && (
        <Text size="sm">
          <Anchor href={`/yearbooks/${e.slug}`}>{t('Public page')}</Anchor>
        </Text>
      )}
      <DetailsPanel key={e.version} edition={e} onSaved={saved} />
      <ContributorsPanel edition={e} onSaved={saved} />
      <Panel title={t('Chapters')} error={reorder.error ?? removeChapter.error}>
        <PlainList label={t('Chapters')} gap="sm">
          {e.chapters.map((c, i) => (
            <li key={c.id}>
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Text fw={600}>
                  {i + 1}. {c.title}
                  {c.countryName ? ` (${c.countryName})` : ''}
                  {c.coordinatorName ? ` · ${c.coordinatorName}` : ''}
                </Text>
                <Group gap={4}>
                  {e.abilities.update && (
                    <>
                      <Button
                        size="xs"
                        variant="subtle"
                        disabled={i === 0}
                        onClick={() => swap(i, i - 1)}
                        aria-label={t('Move {{title}} up', { title: c.title })}
                      >
                        ↑
                      </Button>
                      <Button
                        size="xs"
                        variant="subtle"
                        disabled={i === ids.length - 1}
                        onClick={() => swap(i, i + 1)}
                        aria-label={t('Move {{title}} down', { title: c.title })}
                      >
                        ↓
                      </Button>
                    </>
                  )}
                  {c.abilities.write && (
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => setEditing(editing === c.id ? null : c.id)}
                    >
                      {editing === c.id ? t('Close') : t('Edit')}
                    </Button>
                  )}
                  {e.abilities.update && (
                    <Button size="xs" color="red" variant="subtle" onClick={() => removeChapter.mutate(c)}>
                      {t('Remove')}
                    </Button>
                  )}
                </Group>
              </Group>
              {editing === c.id && (
                <ChapterEditor
                  key={c.version}
                  edition={e}
                  chapter={c}
                  onSaved={(x) => {
                    saved(x);
                    setEditing(null);
                  }}
                />
              )}
            </li>
          ))}
        </PlainList>
        {e.abilities.update && <NewChapter edition={e} onSaved={saved} />}
      </Panel>
      <ReviewPanel edition={e} onSaved={saved} />
      <PdfPanel key={e.render?.id ?? 'none'} edition={e} />
    </Stack>
  );
}
