import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { patch } from '../../app/api.ts';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { useInvalidateVocabulary } from './queries.ts';
import { TermForm } from './TermForm.tsx';
import type { VocabularyTerm } from './types.ts';

/** One term of the tree, indented by its depth; its edit form opens in place. */
export function TermItem({
  vocabularyKey,
  term,
  terms,
}: {
  vocabularyKey: string;
  term: VocabularyTerm;
  terms: VocabularyTerm[];
}) {
  const { t } = useTranslation();
  const invalidate = useInvalidateVocabulary();
  const [editing, setEditing] = useState(false);
  // The version travels with the click: it is the one of the term the person sees.
  const retire = useMutation({
    mutationFn: (change: { retired: boolean; version: number }) =>
      patch(`/vocabularies/${vocabularyKey}/terms/${term.code}`, change),
    onSettled: () => invalidate(vocabularyKey),
  });
  const formId = `edit-term-${term.code}`;
  // Deep trees stop indenting after four levels so a phone keeps room for the text.
  const indent = Math.min(term.depth, 4);
  return (
    <Stack
      component="li"
      gap="xs"
      data-testid={`term-${term.code}`}
      style={{
        paddingInlineStart: `calc(${indent} * var(--mantine-spacing-md))`,
        borderInlineStart: indent ? '2px solid var(--mantine-color-gray-3)' : undefined,
      }}
    >
      <Group justify="space-between" wrap="wrap" gap="xs" align="flex-start">
        <div style={{ minWidth: 0, flex: '1 1 10rem' }}>
          <Text fw={600} c={term.retired ? 'dimmed' : undefined} style={{ overflowWrap: 'anywhere' }}>
            {term.label}
          </Text>
          <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            <span dir="ltr">{term.code}</span>
          </Text>
          {term.scopeNote && (
            <Text size="sm" dir="auto" ta="start" style={{ overflowWrap: 'anywhere' }}>
              {term.scopeNote}
            </Text>
          )}
        </div>
        <Group gap="xs">
          {term.retired && (
            <Badge color="gray" variant="light">
              {t('Retired')}
            </Badge>
          )}
          {term.abilities.update && (
            <>
              <Button
                size="xs"
                variant="default"
                aria-expanded={editing}
                aria-controls={editing ? formId : undefined}
                aria-label={t('Edit {{label}}', { label: term.label })}
                onClick={() => setEditing((open) => !open)}
              >
                {t('Edit')}
              </Button>
              <Button
                size="xs"
                variant="default"
                loading={retire.isPending}
                aria-label={
                  term.retired
                    ? t('Restore {{label}}', { label: term.label })
                    : t('Retire {{label}}', { label: term.label })
                }
                onClick={() => retire.mutate({ retired: !term.retired, version: term.version })}
              >
                {term.retired ? t('Restore') : t('Retire')}
              </Button>
            </>
          )}
        </Group>
      </Group>
      <ProblemAlert error={retire.error} />
      {editing && (
        <div id={formId}>
          <TermForm
            vocabularyKey={vocabularyKey}
            terms={terms}
            term={term}
            onDone={() => setEditing(false)}
          />
        </div>
      )}
    </Stack>
  );
}
