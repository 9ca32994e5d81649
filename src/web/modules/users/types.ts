import type { Role } from '../../../shared/roles.ts';

/** A row of GET /api/v1/users, with what the signed-in person may do to it. */
export interface UserRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  organisationId: string;
  organisationName: string;
  totpEnabled: boolean;
  disabled: boolean;
  lockedUntil: string | null;
  createdAt: string;
  version: number;
  abilities: { update?: boolean; resetTwoFactor?: boolean };
}
