import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM envelope encryption. Each case has its own 32-byte data key; the data key is stored
 * wrapped by a master key from configuration. Additional authenticated data binds every ciphertext
 * to its case and field, so a ciphertext copied into another case or column fails to decrypt.
 */
const VERSION = 'g1';

export function newDataKey(): Buffer {
  return randomBytes(32);
}

function seal(key: Buffer, plaintext: Buffer, aad: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv.toString('base64url'), body.toString('base64url'), tag.toString('base64url')].join('.');
}

function open(key: Buffer, sealed: string, aad: string): Buffer {
  const [version, iv, body, tag] = sealed.split('.');
  if (version !== VERSION || !iv || body === undefined || !tag) throw new Error('Unknown ciphertext format');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]);
}

/** Encrypts one field of one case (text or JSON) under the case's data key. */
export function encryptField(dataKey: Buffer, caseId: string, field: string, value: unknown): string {
  return seal(dataKey, Buffer.from(JSON.stringify(value), 'utf8'), `${caseId}/${field}`);
}

export function decryptField<T = unknown>(dataKey: Buffer, caseId: string, field: string, sealed: string): T {
  return JSON.parse(open(dataKey, sealed, `${caseId}/${field}`).toString('utf8')) as T;
}

/** Wraps a case data key under a master key: `<masterKeyId>:<sealed>` stays readable only with that master key. */
export function wrapDataKey(masterKey: Buffer, caseId: string, dataKey: Buffer): string {
  return seal(masterKey, dataKey, `case-key/${caseId}`);
}

export function unwrapDataKey(masterKey: Buffer, caseId: string, wrapped: string): Buffer {
  return open(masterKey, wrapped, `case-key/${caseId}`);
}

/** Encrypts a file's bytes (binary, not JSON): iv ‖ tag ‖ ciphertext. */
export function encryptBytes(dataKey: Buffer, caseId: string, bytes: Buffer): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', dataKey, iv);
  cipher.setAAD(Buffer.from(`${caseId}/file`, 'utf8'));
  const body = Buffer.concat([cipher.update(bytes), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

export function decryptBytes(dataKey: Buffer, caseId: string, blob: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', dataKey, blob.subarray(0, 12));
  decipher.setAAD(Buffer.from(`${caseId}/file`, 'utf8'));
  decipher.setAuthTag(blob.subarray(12, 28));
  return Buffer.concat([decipher.update(blob.subarray(28)), decipher.final()]);
}
