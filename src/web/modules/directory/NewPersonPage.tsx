import { Alert } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { post } from '../../app/api.ts';
import { can, useMe } from '../../app/session.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { NewRecordForm } from './NewRecordForm.tsx';
import { emptyPerson, PersonFields, personBody } from './PersonFields.tsx';
import type { PersonProfile } from './types.ts';

/** Adds a person to the directory; public listing stays off until the person has agreed to it. */
export function NewPersonPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { data: me } = useMe();
  const withContact = can(me?.abilities, 'person', 'readContact');
  const [draft, setDraft] = useState(emptyPerson);
  const create = useMutation({
    mutationFn: () => post<{ data: PersonProfile }>('/people', personBody(draft, withContact)),
    onSuccess: (r) => {
      void client.invalidateQueries({ queryKey: ['people'] });
      navigate(`/directory/people/${r.data.id}`);
    },
  });
  if (me && !can(me.abilities, 'person', 'create')) {
    return (
      <>
        <PageHeader title={t('Add person')} />
        <Alert color="yellow" role="status">
          {t('Your account may not add people to the directory.')}
        </Alert>
      </>
    );
  }
  return (
    <>
      <PageHeader title={t('Add person')} />
      <NewRecordForm
        onSubmit={() => create.mutate()}
        error={create.error}
        pending={create.isPending}
        canSave={Boolean(draft.name.trim())}
        cancelTo="/directory/people"
      >
        <PersonFields draft={draft} onChange={setDraft} withContact={withContact} />
      </NewRecordForm>
    </>
  );
}
