import { Button, Group, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { del, patch } from '../../app/api.ts';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import type { Membership } from './types.ts';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Ending a membership (it stays in the history with its end date) or removing one entered by
 * mistake. Shown only for what the server says this person may do with this membership.
 */
export function MembershipActions({
  membership: m,
  name,
  onDone,
}: {
  membership: Membership;
  /** What the membership is called in button names, e.g. the organisation or the member. */
  name: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [ending, setEnding] = useState(false);
  const [endDate, setEndDate] = useState(today);
  const [confirming, setConfirming] = useState(false);
  const end = useMutation({
    mutationFn: () => patch(`/memberships/${m.id}`, { endDate, version: m.version }),
    onSuccess: () => {
      setEnding(false);
      onDone();
    },
  });
  const remove = useMutation({
    mutationFn: () => del(`/memberships/${m.id}?version=${m.version}`),
    onSuccess: onDone,
  });
  if (!m.abilities.update && !m.abilities.delete) return null;
  return (
    <>
      <ProblemAlert error={end.error ?? remove.error} />
      {ending ? (
        <Group
          component="form"
          gap="xs"
          align="flex-end"
          aria-label={t('End the membership in {{name}}', { name })}
          onSubmit={(e) => {
            e.preventDefault();
            end.mutate();
          }}
        >
          <TextInput
            type="date"
            label={t('Ended on')}
            value={endDate}
            onChange={(e) => setEndDate(e.currentTarget.value)}
            required
            size="xs"
          />
          <Button type="submit" size="xs" loading={end.isPending}>
            {t('Save')}
          </Button>
          <Button size="xs" variant="default" onClick={() => setEnding(false)}>
            {t('Cancel')}
          </Button>
        </Group>
      ) : (
        <Group gap="xs">
          {m.abilities.update && !m.endDate && (
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() => setEnding(true)}
              aria-label={t('End the membership in {{name}}', { name })}
            >
              {t('End')}
            </Button>
          )}
          {m.abilities.delete && !confirming && (
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() => setConfirming(true)}
              aria-label={t('Remove the membership in {{name}}', { name })}
            >
              {t('Remove')}
            </Button>
          )}
          {confirming && (
            <>
              <Text size="xs" role="status">
                {t('Remove it for good? Ending it keeps it in the history.')}
              </Text>
              <Button
                size="compact-xs"
                color="red.9"
                loading={remove.isPending}
                onClick={() => remove.mutate()}
              >
                {t('Yes, remove')}
              </Button>
              <Button size="compact-xs" variant="default" onClick={() => setConfirming(false)}>
                {t('Cancel')}
              </Button>
            </>
          )}
        </Group>
      )}
    </>
  );
}
