import { Alert, Anchor, Badge, Button, Card, Group, List, Loader, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, api, patch } from '../../app/api.ts';
import { useFormat } from '../../app/format.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { type Fact, FactList } from '../../ui/FactList.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { AddMemberForm } from './AddMemberForm.tsx';
import { corridorLabel, countryName, useCountries } from './lookups.ts';
import { MembershipActions } from './MembershipActions.tsx';
import { draftOf, type OrganisationDraft, OrganisationFields, toBody } from './OrganisationFields.tsx';
import { usePeopleFormat } from './peopleFormat.ts';
import type { Membership, OrganisationProfile } from './types.ts';

/** Names in other languages that differ from the main one, each once. */
const otherNames = (o: OrganisationProfile) =>
  [...new Set(Object.values(o.names))].filter((name) => name && name !== o.name);

function Memberships({
  title,
  items,
  side,
  onChanged,
}: {
  title: string;
  items: Membership[];
  side: 'parent' | 'member';
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { period } = usePeopleFormat();
  return (
    <Card withBorder padding="md">
      <Title order={2} fz="lg" mb="xs">
        {title}
      </Title>
      {items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('None yet.')}
        </Text>
      ) : (
        <List spacing={4} aria-label={title}>
          {items.map((m) => {
            const id = side === 'parent' ? m.parentId : m.organisationId;
            const name = side === 'parent' ? m.parentName : m.memberName;
            const dates = period(m.startDate, m.endDate);
            return (
              <List.Item key={m.id}>
                {side === 'member' && m.personId ? (
                  <Anchor component={Link} to={`/directory/people/${m.personId}`}>
                    {name}
                  </Anchor>
                ) : id && m.personId === null ? (
                  <Anchor component={Link} to={`/directory/organisations/${id}`}>
                    {name}
                  </Anchor>
                ) : (
                  name
                )}
                {` · ${m.label ?? m.roleLabel ?? m.roleCode}`}
                {dates ? ` (${dates})` : ''}
                <MembershipActions membership={m} name={name ?? ''} onDone={onChanged} />
              </List.Item>
            );
          })}
        </List>
      )}
    </Card>
  );
}

/** An organisation's profile: facts, memberships both ways, people and history; editing with versions. */
export function OrganisationPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { id = '' } = useParams();
  const client = useQueryClient();
  const [editing, setEditing] = useState<OrganisationDraft | null>(null);
  const countries = useCountries();
  const profile = useQuery({
    queryKey: ['organisation', id],
    queryFn: async () => (await api<{ data: OrganisationProfile }>(`/organisations/${id}`)).data,
  });
  const refresh = () => client.invalidateQueries({ queryKey: ['organisation', id] });
  const save = useMutation({
    mutationFn: (draft: OrganisationDraft) =>
      patch(`/organisations/${id}`, { ...toBody(draft), version: profile.data!.version }),
    onSuccess: () => {
      setEditing(null);
      void client.invalidateQueries({ queryKey: ['organisations'] });
      return refresh();
    },
  });
  if (profile.isPending) return <Loader aria-label={t('Loading')} />;
  if (profile.isError) return <ProblemAlert error={profile.error} />;
  const o = profile.data;
  const conflict = save.error instanceof ApiError && save.error.code === 'version_conflict';
  const facts: Fact[] = [
    [t('Type'), o.typeLabel],
    [t('Headquarters country'), o.countryName],
    [t('Founding year'), o.foundedYear],
    [t('Also known as'), otherNames(o).join(' · ') || null],
    [t('Active in'), o.countries.map((c) => countryName(countries.data, c)).join(', ') || null],
    [t('Corridors'), o.corridors.map((c) => corridorLabel(countries.data, c, i18n.dir())).join(', ') || null],
    [t('Contact'), o.contactPoints.map((c) => c.value).join(' · ') || null],
  ];
  return (
    <>
      <PageHeader
        title={o.acronym ? `${o.name} (${o.acronym})` : o.name}
        lead={o.description ?? undefined}
        actions={
          o.abilities.update && (
            <Button
              onClick={() => {
                save.reset();
                setEditing(draftOf(o));
              }}
            >
              {t('Edit')}
            </Button>
          )
        }
      />
      <Stack gap="md">
        {o.mergedIntoId && (
          <Alert color="yellow" role="status">
            {t('This record was merged into another organisation.')}{' '}
            <Anchor component={Link} to={`/directory/organisations/${o.mergedIntoId}`}>
              {t('Open it')}
            </Anchor>
          </Alert>
        )}
        <Group gap="xs">
          <Badge variant="light" color={o.published ? 'green' : 'gray'}>
            {o.published ? t('Public') : t('Not public')}
          </Badge>
          {o.website && (
            <Anchor
              href={o.website}
              rel="noopener noreferrer"
              target="_blank"
              size="sm"
              style={{ overflowWrap: 'anywhere' }}
            >
              {o.website}
            </Anchor>
          )}
        </Group>
        <Card withBorder padding="md">
          <FactList facts={facts} />
        </Card>
        <Memberships title={t('Member of')} items={o.memberOf} side="parent" onChanged={refresh} />
        <Card withBorder padding="md">
          <Memberships title={t('Members')} items={o.members} side="member" onChanged={refresh} />
          {o.abilities.update && (
            <Stack mt="md">
              <Title order={3} fz="md">
                {t('Add a member')}
              </Title>
              <AddMemberForm parentId={o.id} onDone={() => void refresh()} />
            </Stack>
          )}
        </Card>
        {o.people.length > 0 && (
          <Memberships title={t('People')} items={o.people} side="member" onChanged={refresh} />
        )}
        {o.history.length > 0 && (
          <Card withBorder padding="md">
            <Title order={2} fz="lg" mb="xs">
              {t('History')}
            </Title>
            <List size="sm" spacing={2}>
              {o.history.map((h) => (
                <List.Item
                  key={`${h.at}${h.action}`}
                >{`${format.dateTime(h.at)} · ${h.action} · ${h.actorEmail ?? ''}`}</List.Item>
              ))}
            </List>
          </Card>
        )}
      </Stack>
      <Dialog opened={editing !== null} onClose={() => setEditing(null)} title={t('Edit organisation')}>
        {editing && (
          <Stack
            component="form"
            gap="md"
            onSubmit={(e) => {
              e.preventDefault();
              save.mutate(editing);
            }}
          >
            {conflict ? (
              <Alert color="orange" role="alert" title={(save.error as ApiError).problem.title}>
                <Button
                  size="xs"
                  mt="xs"
                  variant="light"
                  onClick={() => {
                    save.reset();
                    void refresh().then(() => setEditing(null));
                  }}
                >
                  {t('Reload')}
                </Button>
              </Alert>
            ) : (
              <ProblemAlert error={save.error} />
            )}
            <OrganisationFields draft={editing} onChange={setEditing} />
            <Group>
              <Button type="submit" loading={save.isPending}>
                {t('Save')}
              </Button>
            </Group>
          </Stack>
        )}
      </Dialog>
    </>
  );
}
