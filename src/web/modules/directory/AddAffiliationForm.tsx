import { TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../app/api.ts';
import { PanelForm } from '../../ui/Panel.tsx';
import { RoleAndSinceFields } from './MembershipFields.tsx';
import { OrganisationPicker } from './OrganisationPicker.tsx';
import type { Organisation } from './types.ts';

/** Links a person to an organisation or network with a role, the post's own wording and a start date. */
export function AddAffiliationForm({ personId, onDone }: { personId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [organisation, setOrganisation] = useState<Organisation | null>(null);
  // A new key empties the picker after each added affiliation.
  const [round, setRound] = useState(0);
  const [roleCode, setRoleCode] = useState('member');
  const [label, setLabel] = useState('');
  const [startDate, setStartDate] = useState('');
  const add = useMutation({
    mutationFn: () =>
      post('/memberships', {
        personId,
        parentId: organisation?.id,
        roleCode,
        label: label.trim() || null,
        startDate: startDate || null,
      }),
    onSuccess: () => {
      setRound((r) => r + 1);
      setLabel('');
      setStartDate('');
      onDone();
    },
  });
  return (
    <PanelForm
      title={t('Add an affiliation')}
      onSubmit={() => add.mutate()}
      error={add.error}
      submit={{ label: t('Add affiliation'), pending: add.isPending, disabled: !organisation }}
    >
      <OrganisationPicker key={round} label={t('Organisation or network')} onChange={setOrganisation} />
      <RoleAndSinceFields
        roleCode={roleCode}
        onRoleCode={setRoleCode}
        startDate={startDate}
        onStartDate={setStartDate}
      />
      <TextInput
        label={t('Post (e.g. Area coordinator, South Korea)')}
        value={label}
        onChange={(e) => setLabel(e.currentTarget.value)}
        maxLength={200}
      />
    </PanelForm>
  );
}
