import { NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { termOptions, useTerms } from './lookups.ts';

/** The role and start of a new membership, shared by "add a member" and "add an affiliation". */
export function RoleAndSinceFields({
  roleCode,
  onRoleCode,
  startDate,
  onStartDate,
}: {
  roleCode: string;
  onRoleCode: (code: string) => void;
  startDate: string;
  onStartDate: (date: string) => void;
}) {
  const { t } = useTranslation();
  const roles = useTerms('membership_role');
  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
      <NativeSelect
        label={t('Role')}
        value={roleCode}
        onChange={(e) => onRoleCode(e.currentTarget.value)}
        data={termOptions(roles.data)}
      />
      <TextInput
        label={t('Since (YYYY, YYYY-MM or YYYY-MM-DD)')}
        value={startDate}
        onChange={(e) => onStartDate(e.currentTarget.value.trim())}
      />
    </SimpleGrid>
  );
}
