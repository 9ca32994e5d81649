import type { Config } from '../../config.ts';
import type { Tx } from '../../db/client.ts';
import { clearFailures, clearFailuresUnder, type Throttle, throttleKey } from '../throttle/throttle.ts';

// Sign-in throttling keys on what the caller typed (the email, lower-cased) and the address it came
// from, never on whether an account exists: an unknown email is throttled exactly like a real one,
// so the answers cannot tell them apart. Blocks are temporary and grow with each failure.
//
// - one address guessing one account: LOGIN_MAX_FAILURES free, then 30 s doubling up to
//   LOGIN_LOCK_MINUTES. The owner signing in from elsewhere is not affected.
// - one account from any address (a spread-out attack): 4 × LOGIN_MAX_FAILURES free, then 2 s
//   doubling up to one minute, so an attacker can slow the owner down but never lock them out.
// - one address across accounts (spraying one password): 4 × LOGIN_MAX_FAILURES free, then 10 s
//   doubling up to LOGIN_LOCK_MINUTES.

const WINDOW_SECONDS = 15 * 60;

/** The throttles one sign-in attempt counts against. */
export function loginThrottles(config: Config, email: string, ip: string): Throttle[] {
  const account = email.trim().toLowerCase();
  const lockSeconds = config.LOGIN_LOCK_MINUTES * 60;
  const max = config.LOGIN_MAX_FAILURES;
  return [
    {
      key: throttleKey('login-account-address', account, ip),
      rule: { free: max, baseSeconds: 30, maxSeconds: lockSeconds, windowSeconds: WINDOW_SECONDS },
    },
    {
      key: throttleKey('login-account', account),
      rule: { free: 4 * max, baseSeconds: 2, maxSeconds: 60, windowSeconds: WINDOW_SECONDS },
    },
    {
      key: throttleKey('login-address', ip),
      rule: { free: 4 * max, baseSeconds: 10, maxSeconds: lockSeconds, windowSeconds: WINDOW_SECONDS },
    },
  ];
}

/** After a password reset proves the mailbox: the account's failures from every address are forgotten. */
export async function forgetLoginFailures(tx: Tx, config: Config, email: string): Promise<void> {
  const account = email.trim().toLowerCase();
  await clearFailuresUnder(tx, 'login-account-address', account);
  await clearFailures(tx, loginThrottles(config, account, '').slice(1, 2));
}
