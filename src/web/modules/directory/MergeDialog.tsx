import { Alert, Anchor, Button, Card, Group, Loader, Radio, Stack } from '@mantine/core';
import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, post } from '../../app/api.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { type Fact, FactList } from '../../ui/FactList.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import type { DuplicatePair } from './DuplicatesPage.tsx';
import type { OrganisationProfile } from './types.ts';

/** The two records of a pair next to each other; the person picks the one to keep, then merges. */
export function MergeDialog({ pair, onClose }: { pair: DuplicatePair; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [keep, setKeep] = useState(pair.aId);
  const records = useQueries({
    queries: [pair.aId, pair.bId].map((id) => ({
      queryKey: ['organisation', id],
      queryFn: async () => (await api<{ data: OrganisationProfile }>(`/organisations/${id}`)).data,
    })),
  });
  const [a, b] = records.map((r) => r.data);
  const merge = useMutation({
    mutationFn: () => {
      const survivor = keep === a!.id ? a! : b!;
      const duplicate = keep === a!.id ? b! : a!;
      return post<{ data: OrganisationProfile }>(`/organisations/${survivor.id}/merge`, {
        duplicateId: duplicate.id,
        version: survivor.version,
        duplicateVersion: duplicate.version,
      });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['organisations'] }),
    // A 409 means one of the records changed meanwhile: fetch both again before another try.
    onError: () => records.forEach((r) => void r.refetch()),
  });
  const error = records.find((r) => r.error)?.error ?? merge.error;

  return (
    <Dialog opened onClose={onClose} title={t('Compare and merge')}>
      <Stack gap="sm">
        <ProblemAlert error={error} />
        {(!a || !b) && !error && <Loader aria-label={t('Loading')} />}
        {merge.isSuccess ? (
          <Alert color="green" role="status" title={t('Merged')}>
            {t('The memberships and names of the duplicate now belong to this record:')}{' '}
            <Anchor component={Link} to={`/directory/organisations/${merge.data.data.id}`}>
              {merge.data.data.name}
            </Anchor>
          </Alert>
        ) : (
          a &&
          b && (
            <>
              <Radio.Group
                value={keep}
                onChange={setKeep}
                label={t('Which record stays?')}
                description={t(
                  'The record that stays keeps its own values and takes the missing ones, the other names, countries and every membership from the duplicate. The duplicate remains as a pointer, so old links still work.',
                )}
              >
                <Stack gap="xs" mt="xs">
                  {[a, b].map((o) => (
                    <RecordCard key={o.id} organisation={o} />
                  ))}
                </Stack>
              </Radio.Group>
              <Group justify="flex-end">
                <Button variant="default" onClick={onClose}>
                  {t('Cancel')}
                </Button>
                <Button color="red.9" loading={merge.isPending} onClick={() => merge.mutate()}>
                  {t('Merge into {{name}}', { name: keep === a.id ? a.name : b.name })}
                </Button>
              </Group>
            </>
          )
        )}
      </Stack>
    </Dialog>
  );
}

function RecordCard({ organisation: o }: { organisation: OrganisationProfile }) {
  const { t } = useTranslation();
  const facts: Fact[] = [
    [t('Acronym'), o.acronym],
    [t('Type'), o.typeLabel],
    [t('Country'), o.countryName],
    [t('Founded'), o.foundedYear],
    [t('Website'), o.website],
    [t('External id'), o.externalId],
    [t('Memberships'), String(o.memberOf.length + o.members.length + o.people.length)],
  ];
  return (
    <Card withBorder padding="sm">
      <Radio value={o.id} label={o.name} styles={{ label: { fontWeight: 600, overflowWrap: 'anywhere' } }} />
      <FactList facts={facts} labelWidth={110} />
    </Card>
  );
}
