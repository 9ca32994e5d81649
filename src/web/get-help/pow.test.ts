import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { leadingZeroBits as serverBits } from '../../server/modules/cases/intake-pow.ts';
import { sha256Words, solveChallenge } from './pow.ts';

describe("the Get-help form's proof of work", () => {
  it('computes SHA-256 like node:crypto, across block boundaries', () => {
    for (const text of ['', 'abc', 'x'.repeat(55), 'y'.repeat(56), 'z'.repeat(64), 'مرحبا:123'.repeat(20)]) {
      const words = sha256Words(new TextEncoder().encode(text));
      const hex = [...words].map((w) => w.toString(16).padStart(8, '0')).join('');
      expect(hex).toBe(createHash('sha256').update(text).digest('hex'));
    }
  });

  it('finds a nonce the server accepts', async () => {
    const challenge = '1999999999999.10.abc.sig';
    const nonce = await solveChallenge(challenge, 10);
    expect(serverBits(createHash('sha256').update(`${challenge}:${nonce}`).digest())).toBeGreaterThanOrEqual(
      10,
    );
  });
});
