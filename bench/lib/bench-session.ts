import type { Database } from '../../src/server/db/client.ts';
import { randomToken, sha256 } from '../../src/server/platform/auth/crypto.ts';
import { insertSession, insertUser } from '../../src/server/platform/auth/repository.ts';
import type { Role } from '../../src/shared/roles.ts';

/**
 * A signed-in account of `role` in the first organisation, made directly in the database (no
 * sign-in round trip, no rate limit): the `tulay_session=…` cookie pair for its requests.
 */
export async function benchSession(database: Database, role: Role): Promise<string> {
  const [{ id: organisationId }] = (await database.pool.query('select id from organisations limit 1')).rows;
  const user = await insertUser(database.db, {
    organisationId,
    email: `bench-${role}@example.org`,
    name: 'Bench',
    role,
    passwordHash: null,
  });
  const token = randomToken();
  await insertSession(database.db, {
    tokenHash: sha256(token),
    userId: user.id,
    stage: 'active',
    expiresAt: new Date(Date.now() + 3_600_000),
  });
  return `tulay_session=${token}`;
}
