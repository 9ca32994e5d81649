import type { Tx } from '../../db/client.ts';
import { randomToken, sha256 } from './crypto.ts';
import * as repo from './repository.ts';

type TokenValues = Omit<Parameters<typeof repo.insertToken>[1], 'tokenHash' | 'expiresAt'>;

/**
 * Issues a single-use token for a link: earlier unused tokens of the same purpose (for the same
 * address, when there is one) expire, only the new token's hash is stored, and the token itself is
 * returned once, for the link.
 */
export async function issueToken(tx: Tx, values: TokenValues, validForMs: number): Promise<string> {
  await repo.expireTokens(tx, values.purpose, values.email ?? undefined);
  const token = randomToken();
  await repo.insertToken(tx, {
    ...values,
    tokenHash: sha256(token),
    expiresAt: new Date(Date.now() + validForMs),
  });
  return token;
}
