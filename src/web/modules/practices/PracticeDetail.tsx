import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Stack,
  Text,
  Textarea,
  Title,
  Typography,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, post } from '../../app/api.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { ACTION_LABELS, STATUS_LABELS } from './labels.ts';
import { PracticeForm } from './PracticeForm.tsx';
import type { Practice } from './types.ts';

/** Transitions the record's abilities allow, in the order a reviewer reads them. */
const STEPS: { action: string; ability: string; from: string[]; needsComment: boolean; color?: string }[] = [
  { action: 'submit', ability: 'submit', from: ['draft', 'changes_requested'], needsComment: false },
  { action: 'publish', ability: 'review', from: ['submitted'], needsComment: false },
  { action: 'request_changes', ability: 'review', from: ['submitted'], needsComment: true, color: 'orange' },
  { action: 'reject', ability: 'review', from: ['submitted'], needsComment: true, color: 'red' },
  { action: 'unpublish', ability: 'unpublish', from: ['published'], needsComment: true, color: 'gray' },
];

/** One practice: its facts, the review workflow and history, and editing while allowed. */
export function PracticeDetail() {
  const { t } = useTranslation();
  const { id } = useParams();
  const client = useQueryClient();
  const [comment, setComment] = useState('');
  const [editing, setEditing] = useState(false);
  const practice = useQuery({
    queryKey: ['practice', id],
    queryFn: async () => (await api<{ data: Practice }>(`/practices/${id}`)).data,
  });
  const refresh = (p: Practice) => {
    client.setQueryData(['practice', id], p);
    void client.invalidateQueries({ queryKey: ['practices'] });
  };
  const move = useMutation({
    mutationFn: async (action: string) =>
      (
        await post<{ data: Practice }>(`/practices/${id}/transitions`, {
          action,
          version: practice.data!.version,
          ...(comment.trim() ? { comment } : {}),
        })
      ).data,
    onSuccess: (p) => {
      setComment('');
      refresh(p);
    },
  });
  if (practice.isPending) return <Loader aria-label={t('Loading')} />;
  if (practice.error) return <ProblemAlert error={practice.error} />;
  const p = practice.data;
  const steps = STEPS.filter((s) => p.abilities[s.ability] && s.from.includes(p.status));
  return (
    <>
      <PageHeader
        title={p.localTitle}
        actions={<Badge size="lg">{t(STATUS_LABELS[p.status] ?? p.status)}</Badge>}
      />
      <Stack gap="md">
        <Anchor component={Link} to="/knowledge">
          {t('All good practices')}
        </Anchor>
        {p.status === 'published' && (
          <Alert color="green" role="status">
            <Anchor href={`/practices/${p.id}`}>{t('See the public page')}</Anchor>
          </Alert>
        )}
        {editing ? (
          <PracticeForm
            practice={p}
            onDone={(updated) => {
              setEditing(false);
              refresh(updated);
            }}
          />
        ) : (
          <>
            <Text size="sm">
              <strong>{t('Responsible organisations')}:</strong>{' '}
              {p.responsible
                .map((r) => (r.type?.label ? `${r.name} (${r.type.label})` : r.name))
                .join(', ') || '—'}
            </Text>
            <Text size="sm">
              <strong>{t('Countries')}:</strong> {p.countries.map((c) => c.label).join(', ') || '—'}
            </Text>
            <Text size="sm">
              <strong>{t('Thematic areas')}:</strong> {p.themes.map((c) => c.label).join(', ') || '—'}
            </Text>
            <Text size="sm">
              <strong>{t('MLFLM')}:</strong> {p.mlflm.map((c) => c.label).join('; ') || '—'}
            </Text>
            <Typography>
              {/* Sanitised by the server with a strict allow-list when it was saved. */}
              {/* biome-ignore lint/security/noDangerouslySetInnerHtml: server-sanitised rich text (practices/html.ts) */}
              <div dangerouslySetInnerHTML={{ __html: p.localDescription }} />
            </Typography>
            {p.sources.length > 0 && (
              <Stack gap={4}>
                <Text size="sm" fw={700}>
                  {t('Sources')}
                </Text>
                {p.sources.map((source) =>
                  source.url ? (
                    <Anchor key={source.title + source.url} href={source.url} size="sm" rel="noreferrer">
                      {source.title}
                    </Anchor>
                  ) : (
                    <Text key={source.title} size="sm">
                      {source.title}
                    </Text>
                  ),
                )}
              </Stack>
            )}
            {p.abilities.update && (
              <Group>
                <Button variant="light" onClick={() => setEditing(true)}>
                  {t('Edit')}
                </Button>
              </Group>
            )}
          </>
        )}
        {steps.length > 0 && (
          <Stack gap="xs">
            <Title order={2} fz="lg">
              {t('Review')}
            </Title>
            <ProblemAlert error={move.error} />
            <Textarea
              label={t('Comment for the proposer')}
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
              autosize
              minRows={2}
            />
            <Group>
              {steps.map((s) => (
                <Button
                  key={s.action}
                  color={s.color}
                  loading={move.isPending && move.variables === s.action}
                  disabled={s.needsComment && !comment.trim()}
                  onClick={() => move.mutate(s.action)}
                >
                  {t(ACTION_LABELS[s.action]!)}
                </Button>
              ))}
            </Group>
          </Stack>
        )}
        {p.history && (
          <Stack gap={4}>
            <Title order={2} fz="lg">
              {t('History')}
            </Title>
            <Stack component="ol" gap={4} p={0} m={0} style={{ listStyle: 'none' }}>
              {p.history.map((h) => (
                <Text component="li" size="sm" key={h.id}>
                  {new Date(h.at).toLocaleString()} · {h.actorName ?? 'Tulay'} ·{' '}
                  {t(ACTION_LABELS[h.action] ?? h.action)}
                  {h.comment ? `: ${h.comment}` : ''}
                </Text>
              ))}
            </Stack>
          </Stack>
        )}
      </Stack>
    </>
  );
}
