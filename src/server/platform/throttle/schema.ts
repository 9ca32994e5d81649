import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Failed attempts at guessing a secret (sign-in, Get-help references), per key: a client address,
 * an account, or both. Kept in the database, not in process memory, so every server behind a load
 * balancer sees the same counts and a restart does not forgive an attacker.
 */
export const requestThrottle = pgTable(
  'request_throttle',
  {
    key: text('key').primaryKey(),
    failures: integer('failures').notNull(),
    lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull(),
    blockedUntil: timestamp('blocked_until', { withTimezone: true }),
  },
  (t) => [index('request_throttle_last_failure_idx').on(t.lastFailureAt)],
);
