import { Anchor, Button, List, Loader, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../app/api.ts';
import { useFormat } from '../../app/format.ts';
import { can, useMe } from '../../app/session.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { EditPersonDialog } from './EditPersonDialog.tsx';
import { PersonAffiliations } from './PersonAffiliations.tsx';
import { ConsentBadge, PersonContact, PersonFacts } from './PersonDetails.tsx';
import type { PersonProfile } from './types.ts';

/** A person's profile: consent, facts, contact details (when sent), posts and affiliations; editing. */
export function PersonPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { id = '' } = useParams();
  const client = useQueryClient();
  const { data: me } = useMe();
  const [editing, setEditing] = useState(false);
  const profile = useQuery({
    // Country and role names come from the server in the reader's language.
    queryKey: ['person', id, i18n.language],
    queryFn: async () => (await api<{ data: PersonProfile }>(`/people/${id}`)).data,
  });
  const refresh = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['person', id] }),
      client.invalidateQueries({ queryKey: ['people'] }),
      // Organisation pages list their people by name.
      client.invalidateQueries({ queryKey: ['organisation'] }),
    ]);
  if (profile.isPending) return <Loader aria-label={t('Loading')} />;
  if (profile.isError) return <ProblemAlert error={profile.error} />;
  const p = profile.data;
  return (
    <>
      <PageHeader
        title={p.honorificPrefix ? `${p.honorificPrefix} ${p.name}` : p.name}
        actions={
          p.abilities.update && (
            <Button onClick={() => setEditing(true)} aria-haspopup="dialog">
              {t('Edit')}
            </Button>
          )
        }
      />
      <Stack gap="md">
        <Anchor component={Link} to="/directory/people" size="sm" w="fit-content">
          {t('All people')}
        </Anchor>
        <ConsentBadge person={p} />
        {p.summary && (
          <Text style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }} maw={640}>
            {p.summary}
          </Text>
        )}
        <PersonFacts person={p} />
        <PersonContact person={p} />
        <PersonAffiliations
          personId={p.id}
          memberships={p.memberships}
          canAdd={can(me?.abilities, 'membership', 'create')}
          onChanged={() => void refresh()}
        />
        {(p.history?.length ?? 0) > 0 && (
          <Panel title={t('History')}>
            <List size="sm" spacing={2}>
              {p.history!.map((h) => (
                <List.Item
                  key={`${h.at}${h.action}`}
                >{`${format.dateTime(h.at)} · ${h.action} · ${h.actorEmail ?? ''}`}</List.Item>
              ))}
            </List>
          </Panel>
        )}
      </Stack>
      {editing && (
        <EditPersonDialog
          person={p}
          opened
          onClose={() => setEditing(false)}
          onSaved={refresh}
          reload={refresh}
        />
      )}
    </>
  );
}
