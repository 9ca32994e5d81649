import type { Role } from '../../../shared/roles.ts';

/** Someone signed in with every factor their role requires. */
export interface UserActor {
  kind: 'user';
  userId: string;
  organisationId: string;
  role: Role;
  email: string;
  name: string;
  locale: string;
  sessionId: string;
  totpEnabled: boolean;
  /** Signed in with a password, but their role requires 2FA and they have not enrolled yet. */
  mustEnrolTotp: boolean;
}

export interface PublicActor {
  kind: 'public';
}

export type Actor = UserActor | PublicActor;

export const PUBLIC: PublicActor = { kind: 'public' };

export function isUser(actor: Actor): actor is UserActor {
  return actor.kind === 'user';
}
