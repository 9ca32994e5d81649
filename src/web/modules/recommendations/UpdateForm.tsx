import { NativeSelect, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, post } from '../../app/api.ts';
import { PanelForm } from '../../ui/Panel.tsx';
import { statusLabel } from './labels.ts';
import type { Recommendation } from './types.ts';

const today = () => new Date().toISOString().slice(0, 10);

/** Public library documents: evidence is shown on the public tracker. */
function usePublicDocuments() {
  return useQuery({
    queryKey: ['publications', 'public-evidence'],
    queryFn: async () =>
      (
        await api<{ data: { id: string; title: string; isPublic: boolean }[] }>('/publications?limit=200')
      ).data.filter((d) => d.isPublic),
    staleTime: 60_000,
  });
}

/** Records a dated status change with a note and its evidence (a public document and/or a link). */
export function UpdateForm({
  recommendation: r,
  onDone,
}: {
  recommendation: Recommendation;
  onDone: (saved: Recommendation) => void;
}) {
  const { t } = useTranslation();
  const documents = usePublicDocuments();
  const [status, setStatus] = useState(r.next[0] ?? '');
  const [date, setDate] = useState(today());
  const [note, setNote] = useState('');
  const [documentId, setDocument] = useState('');
  const [evidenceUrl, setUrl] = useState('');
  const save = useMutation({
    mutationFn: async () =>
      (
        await post<{ data: Recommendation }>(`/recommendations/${r.id}/updates`, {
          status,
          date,
          note,
          documentId: documentId || null,
          evidenceUrl: evidenceUrl.trim() || null,
          version: r.version,
        })
      ).data,
    onSuccess: (saved) => {
      setNote('');
      setDocument('');
      setUrl('');
      setStatus(saved.next[0] ?? '');
      onDone(saved);
    },
  });
  return (
    <PanelForm
      title={t('Record an update')}
      onSubmit={() => save.mutate()}
      error={save.error}
      submit={{ label: t('Record the update'), pending: save.isPending }}
    >
      <NativeSelect
        label={t('New status')}
        required
        value={status}
        onChange={(e) => setStatus(e.currentTarget.value as typeof status)}
        data={r.next.map((s) => ({ value: s, label: statusLabel(t, s) }))}
      />
      <TextInput
        type="date"
        label={t('Date')}
        required
        value={date}
        max={today()}
        onChange={(e) => setDate(e.currentTarget.value)}
      />
      <Textarea
        label={t('Note')}
        required
        autosize
        minRows={2}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
      <NativeSelect
        label={t('Evidence: a public document of the library')}
        value={documentId}
        onChange={(e) => setDocument(e.currentTarget.value)}
        data={[
          { value: '', label: '—' },
          ...(documents.data ?? []).map((d) => ({ value: d.id, label: d.title })),
        ]}
      />
      <TextInput
        type="url"
        label={t('Evidence: a link')}
        placeholder="https://"
        value={evidenceUrl}
        onChange={(e) => setUrl(e.currentTarget.value)}
      />
    </PanelForm>
  );
}
