import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Proof of work for the public Get-help form, instead of a third-party captcha: the server issues
 * an HMAC-signed, expiring challenge; the form's script finds a nonce such that
 * SHA-256(challenge ":" nonce) starts with `bits` zero bits (about 2^bits hashes: a second or two
 * on a cheap phone at 16 bits, expensive for a bot sending thousands).
 */
export const CHALLENGE_TTL_MS = 15 * 60_000;

export function issueChallenge(secret: Buffer, bits: number, now = Date.now()) {
  const expiresAt = now + CHALLENGE_TTL_MS;
  const payload = `${expiresAt}.${bits}.${randomBytes(12).toString('base64url')}`;
  const signature = createHmac('sha256', secret).update(payload).digest('base64url');
  return { challenge: `${payload}.${signature}`, bits, expiresAt: new Date(expiresAt).toISOString() };
}

export function leadingZeroBits(digest: Buffer): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

export type ChallengeCheck = 'ok' | 'invalid' | 'expired' | 'insufficient';

/** Checks signature, expiry, difficulty and the solution. Spending (no replay) is the caller's job. */
export function checkSolution(
  secret: Buffer,
  minBits: number,
  challenge: string,
  nonce: string,
  now = Date.now(),
): ChallengeCheck {
  const parts = challenge.split('.');
  if (parts.length !== 4) return 'invalid';
  const [expires, bits, , signature] = parts as [string, string, string, string];
  const expected = createHmac('sha256', secret).update(parts.slice(0, 3).join('.')).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
  if (Number(expires) < now) return 'expired';
  if (Number(bits) < minBits) return 'insufficient';
  const digest = createHash('sha256').update(`${challenge}:${nonce}`).digest();
  return leadingZeroBits(digest) >= Number(bits) ? 'ok' : 'insufficient';
}

/** Finds a nonce (what the form's script does in the browser); used by tests and the CLI. */
export function solve(challenge: string, bits: number): string {
  for (let n = 0; ; n++) {
    const nonce = n.toString(36);
    if (leadingZeroBits(createHash('sha256').update(`${challenge}:${nonce}`).digest()) >= bits) return nonce;
  }
}
