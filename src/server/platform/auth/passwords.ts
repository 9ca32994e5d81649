import { hash, verify } from '@node-rs/argon2';
import { z } from 'zod';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../../shared/roles.ts';

// argon2id (algorithm 2) with the OWASP-recommended minimum: 19 MiB, 2 passes, 1 lane.
const options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const passwordSchema = z.string().min(PASSWORD_MIN).max(PASSWORD_MAX);

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

/** Verifies against a stored hash; a missing hash is checked against a dummy so timing does not reveal it. */
export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  const target = storedHash ?? (await dummyHash);
  const ok = await verify(target, password).catch(() => false);
  return ok && storedHash !== null;
}

const dummyHash = hash('not a real password, only for timing', options);
