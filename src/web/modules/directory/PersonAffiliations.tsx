import { Anchor, Divider, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Panel, PlainList } from '../../ui/Panel.tsx';
import { AddAffiliationForm } from './AddAffiliationForm.tsx';
import { termLabel, useTerms } from './lookups.ts';
import { MembershipActions } from './MembershipActions.tsx';
import { usePeopleFormat } from './peopleFormat.ts';
import type { Membership } from './types.ts';

/** The role and the post's own wording, without saying the role twice ("Area coordinator, Japan"). */
const postOf = (role: string, label: string | null) =>
  !label ? role : label.toLowerCase().includes(role.toLowerCase()) ? label : `${role} · ${label}`;

/** The posts a person holds and the organisations they belong to, with roles and dates. */
export function PersonAffiliations({
  personId,
  memberships,
  canAdd,
  onChanged,
}: {
  personId: string;
  memberships: Membership[];
  canAdd: boolean;
  /** After an affiliation was added, ended or removed. */
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const roles = useTerms('membership_role');
  const format = usePeopleFormat();
  return (
    <Panel title={t('Posts and affiliations')}>
      {memberships.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('None yet.')}
        </Text>
      ) : (
        <PlainList label={t('Posts and affiliations')} gap="sm">
          {memberships.map((m) => {
            const role = termLabel(roles.data, m.roleCode);
            const period = format.period(m.startDate, m.endDate);
            return (
              <Stack key={m.id} component="li" gap={0}>
                <Anchor
                  component={Link}
                  to={`/directory/organisations/${m.parentId}`}
                  fw={600}
                  style={{ overflowWrap: 'anywhere' }}
                >
                  {m.parentName}
                </Anchor>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {postOf(role, m.label)}
                </Text>
                {(m.countryName || period) && (
                  <Text size="sm" c="dimmed">
                    {[m.countryName, period].filter(Boolean).join(' · ')}
                  </Text>
                )}
                <MembershipActions membership={m} name={m.parentName} onDone={onChanged} />
              </Stack>
            );
          })}
        </PlainList>
      )}
      {canAdd && (
        <>
          <Divider />
          <AddAffiliationForm personId={personId} onDone={onChanged} />
        </>
      )}
    </Panel>
  );
}
