import { Alert, Anchor, List } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, post, queryString } from '../../app/api.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { NewRecordForm } from './NewRecordForm.tsx';
import { emptyDraft, OrganisationFields, toBody } from './OrganisationFields.tsx';
import type { OrganisationProfile } from './types.ts';

/** Adds an organisation or network; warns when the name resembles one already in the directory. */
export function NewOrganisationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [draft, setDraft] = useState(emptyDraft);
  const [name] = useDebouncedValue(draft.name.trim(), 400);
  const similar = useQuery({
    queryKey: ['organisations', 'similar', name, draft.countryCode],
    queryFn: async () =>
      (
        await api<{ data: { id: string; name: string }[] }>(
          `/organisations/similar${queryString({ name, country: draft.countryCode })}`,
        )
      ).data,
    enabled: name.length >= 3,
  });
  const create = useMutation({
    mutationFn: () => post<{ data: OrganisationProfile }>('/organisations', toBody(draft)),
    onSuccess: (r) => navigate(`/directory/organisations/${r.data.id}`),
  });
  return (
    <>
      <PageHeader title={t('Add organisation')} />
      <NewRecordForm
        onSubmit={() => create.mutate()}
        error={create.error}
        pending={create.isPending}
        canSave={Boolean(draft.name.trim())}
        cancelTo="/directory"
      >
        <OrganisationFields draft={draft} onChange={setDraft} />
        {(similar.data?.length ?? 0) > 0 && (
          <Alert color="yellow" role="status" title={t('Similar organisations already in the directory')}>
            <List size="sm">
              {similar.data!.map((o) => (
                <List.Item key={o.id}>
                  <Anchor component={Link} to={`/directory/organisations/${o.id}`}>
                    {o.name}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
      </NewRecordForm>
    </>
  );
}
