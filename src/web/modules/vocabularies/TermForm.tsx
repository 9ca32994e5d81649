import { NativeSelect, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { patch, post } from '../../app/api.ts';
import { PanelForm } from '../../ui/Panel.tsx';
import { cleanLabels, LabelFields, type Labels } from './LabelFields.tsx';
import { useInvalidateVocabulary } from './queries.ts';
import { CODE_PATTERN, type VocabularyTerm } from './types.ts';

/** The term and every term below it: none of them can become its parent (the server refuses loops too). */
function selfAndBelow(terms: VocabularyTerm[], term: VocabularyTerm): Set<string> {
  const start = terms.findIndex((x) => x.code === term.code);
  const codes = new Set([term.code]);
  for (let i = start + 1; i < terms.length && terms[i]!.depth > term.depth; i++) codes.add(terms[i]!.code);
  return codes;
}

/** Adds a term (no `term`) or edits one: labels per language, parent, order and scope note. */
export function TermForm({
  vocabularyKey,
  terms,
  term,
  onDone,
}: {
  vocabularyKey: string;
  terms: VocabularyTerm[];
  term?: VocabularyTerm;
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const invalidate = useInvalidateVocabulary();
  const [code, setCode] = useState('');
  const [parentCode, setParentCode] = useState(term?.parentCode ?? '');
  const [position, setPosition] = useState(term ? String(term.position) : '');
  const [labels, setLabels] = useState<Labels>(term?.labels ?? {});
  const [scopeNote, setScopeNote] = useState(term?.scopeNote ?? '');

  const excluded = term ? selfAndBelow(terms, term) : new Set<string>();
  // Retired terms stay out of the choice, except the parent the term already has.
  const parents = terms.filter((x) => !excluded.has(x.code) && (!x.retired || x.code === parentCode));
  // A new term goes after its future siblings unless an order is given.
  const siblings = terms.filter((x) => (x.parentCode ?? '') === parentCode && x.code !== term?.code);
  const nextPosition = siblings.length ? Math.max(...siblings.map((x) => x.position)) + 10 : 0;

  const base = `/vocabularies/${vocabularyKey}/terms`;
  const save = useMutation({
    // Built when the form is sent, with the version of the term as it is shown right then.
    mutationFn: (body: Record<string, unknown>) =>
      term ? patch(`${base}/${term.code}`, body) : post(base, body),
    onSuccess: () => {
      if (!term) {
        setCode('');
        setPosition('');
        setLabels({});
        setScopeNote('');
      }
      onDone?.();
    },
    // Also after a conflict, so the next attempt starts from the current version.
    onSettled: () => invalidate(vocabularyKey),
  });

  return (
    <PanelForm
      title={term ? t('Edit “{{label}}”', { label: term.label }) : t('Add a term')}
      onSubmit={() => {
        const body = {
          parentCode: parentCode || null,
          position: position.trim() === '' ? nextPosition : Number(position),
          labels: cleanLabels(labels),
          scopeNote: scopeNote.trim() || null,
        };
        save.mutate(term ? { ...body, version: term.version } : { code: code.trim(), ...body });
      }}
      error={save.error}
      submit={{ label: term ? t('Save term') : t('Add term'), pending: save.isPending }}
    >
      {!term && (
        <TextInput
          label={t('Code')}
          description={t('Lowercase letters, digits and underscores; it cannot be changed later.')}
          required
          pattern={CODE_PATTERN}
          maxLength={63}
          dir="ltr"
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
        />
      )}
      <LabelFields value={labels} onChange={setLabels} />
      <NativeSelect
        label={t('Parent term')}
        value={parentCode}
        onChange={(e) => setParentCode(e.currentTarget.value)}
        data={[
          { value: '', label: t('None (top level)') },
          ...parents.map((x) => ({
            value: x.code,
            label: `${'\u00a0\u00a0'.repeat(x.depth)}${x.label}`,
          })),
        ]}
      />
      <TextInput
        label={t('Order among its siblings')}
        description={term ? undefined : t('Leave empty to place it last.')}
        type="number"
        inputMode="numeric"
        min={0}
        max={1000000}
        step={1}
        value={position}
        onChange={(e) => setPosition(e.currentTarget.value)}
      />
      <Textarea
        label={t('Scope note')}
        description={t('What the term covers, for those choosing it.')}
        maxLength={2000}
        autosize
        minRows={2}
        value={scopeNote}
        onChange={(e) => setScopeNote(e.currentTarget.value)}
      />
    </PanelForm>
  );
}
