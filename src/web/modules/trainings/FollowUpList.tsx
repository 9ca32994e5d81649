import { Group, Loader, NativeSelect, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, queryString } from '../../app/api.ts';
import { can, useMe } from '../../app/session.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { PlainList } from '../../ui/Panel.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { FollowUpCard } from './FollowUpCard.tsx';
import type { FollowUp } from './types.ts';

/** The follow-up task list: mine or everyone's, open, overdue or done, by due date. */
export function FollowUpList() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const client = useQueryClient();
  const [scope, setScope] = useState('mine');
  const [state, setState] = useState('open');
  const filters = { scope, state };
  const list = useQuery({
    queryKey: ['training-follow-ups', filters],
    queryFn: async () =>
      (await api<{ data: FollowUp[] }>(`/training-follow-ups${queryString(filters)}`)).data,
  });
  return (
    <>
      <PageHeader
        title={t('Follow-ups')}
        lead={t('Graduates are followed up some months after their cohort ends.')}
      />
      <Group
        align="end"
        gap="sm"
        wrap="wrap"
        mb="md"
        component="form"
        aria-label={t('Filter follow-ups')}
        onSubmit={(e) => e.preventDefault()}
      >
        {can(me?.abilities, 'training', 'graduates') && (
          <NativeSelect
            label={t('Whose')}
            value={scope}
            onChange={(e) => setScope(e.currentTarget.value)}
            data={[
              { value: 'mine', label: t('Mine') },
              { value: 'all', label: t('Everyone’s') },
            ]}
          />
        )}
        <NativeSelect
          label={t('Status')}
          value={state}
          onChange={(e) => setState(e.currentTarget.value)}
          data={[
            { value: 'open', label: t('To do') },
            { value: 'overdue', label: t('Overdue') },
            { value: 'closed', label: t('Done') },
          ]}
        />
      </Group>
      {list.isPending && <Loader aria-label={t('Loading')} />}
      <ProblemAlert error={list.error} />
      {list.data?.length === 0 && <Text c="dimmed">{t('No follow-ups here.')}</Text>}
      <PlainList label={t('Follow-ups')} gap="sm">
        {list.data?.map((f) => (
          <FollowUpCard
            key={`${f.id}-${f.version}`}
            task={f}
            onChange={() => void client.invalidateQueries({ queryKey: ['training-follow-ups'] })}
          />
        ))}
      </PlainList>
    </>
  );
}
