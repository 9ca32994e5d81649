import { DEFAULT_TWO_FACTOR_ROLES, ROLES } from '../../../shared/roles.ts';
import type { Tx } from '../../db/client.ts';
import { roleSettings } from './schema.ts';

/** Gives every role its default 2FA requirement once; later changes by administrators are kept. */
export async function ensureRoleDefaults(tx: Tx): Promise<void> {
  await tx
    .insert(roleSettings)
    .values(ROLES.map((role) => ({ role, requiresTwoFactor: DEFAULT_TWO_FACTOR_ROLES.includes(role) })))
    .onConflictDoNothing();
}
