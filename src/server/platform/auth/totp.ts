import { randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';

const PERIOD = 30;

export function newTotpSecret(): string {
  return generateSecret();
}

/** The enrolment QR code, drawn on the server as SVG so no third party ever sees the secret. */
export async function enrolmentMaterial(secret: string, email: string) {
  const otpauthUrl = generateURI({ issuer: 'Tulay', label: email, secret });
  const qrSvg = await QRCode.toString(otpauthUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return { secret, otpauthUrl, qrSvg };
}

/**
 * Checks a 6-digit code with one step of clock drift either way. Returns the time step it matched
 * so the caller can refuse the same code twice (replay), or null.
 */
export async function verifyTotp(
  secret: string,
  code: string,
  lastUsedStep: number | null,
): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({
    secret,
    token: code,
    epochTolerance: PERIOD,
    ...(lastUsedStep !== null ? { afterTimeStep: lastUsedStep } : {}),
  }).catch(() => ({ valid: false }) as const);
  if (!result.valid) return null;
  return currentStep() + result.delta;
}

export function currentStep(now = Date.now()): number {
  return Math.floor(now / 1000 / PERIOD);
}

/** Ten recovery codes like `4f7k-92xq-m3hd`, from an alphabet without look-alike characters. */
export function newRecoveryCodes(count = 10): string[] {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  return Array.from({ length: count }, () => {
    const bytes = randomBytes(12);
    const chars = Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
  });
}

export function normaliseRecoveryCode(code: string): string {
  return code.trim().toLowerCase().replace(/\s+/g, '');
}
