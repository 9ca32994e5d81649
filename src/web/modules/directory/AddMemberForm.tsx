import { Button, Group, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../app/api.ts';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { RoleAndSinceFields } from './MembershipFields.tsx';
import { OrganisationPicker } from './OrganisationPicker.tsx';
import type { Organisation } from './types.ts';

/** Links a member organisation to this one with a role and a start date. */
export function AddMemberForm({ parentId, onDone }: { parentId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [member, setMember] = useState<Organisation | null>(null);
  // A new key empties the picker after each added member.
  const [round, setRound] = useState(0);
  const [roleCode, setRoleCode] = useState('member');
  const [startDate, setStartDate] = useState('');
  const add = useMutation({
    mutationFn: () =>
      post('/memberships', {
        organisationId: member?.id,
        parentId,
        roleCode,
        startDate: startDate || null,
      }),
    onSuccess: () => {
      setRound((r) => r + 1);
      setStartDate('');
      onDone();
    },
  });
  return (
    <Stack
      component="form"
      gap="sm"
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate();
      }}
      aria-label={t('Add a member')}
    >
      <ProblemAlert error={add.error} />
      <OrganisationPicker
        key={round}
        label={t('Member organisation')}
        exclude={parentId}
        onChange={setMember}
      />
      <RoleAndSinceFields
        roleCode={roleCode}
        onRoleCode={setRoleCode}
        startDate={startDate}
        onStartDate={setStartDate}
      />
      <Group>
        <Button type="submit" loading={add.isPending} disabled={!member}>
          {t('Add member')}
        </Button>
      </Group>
    </Stack>
  );
}
