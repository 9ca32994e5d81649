import { generateSync } from 'otplib';

/**
 * A valid code for the secret that has not been used yet: the server refuses a code from a time
 * step it already accepted (replay), so after using one we wait for the next 30-second step.
 */
export async function freshCode(secret: string, usedSteps: Set<number>): Promise<string> {
  for (;;) {
    const step = Math.floor(Date.now() / 30_000);
    if (!usedSteps.has(step)) {
      usedSteps.add(step);
      return generateSync({ secret });
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}
