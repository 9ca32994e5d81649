import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';

const flag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1' || v === 'yes');

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  /** The address people use to reach Tulay; links in emails are built from it. */
  PUBLIC_URL: z.string().url().optional(),
  DEMO_DATA: flag(true),
  /** A single SQL statement running longer than this is cancelled (PostgreSQL) or the embedded engine is restarted. */
  STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Tulay <no-reply@localhost>'),
  /**
   * Set when Tulay runs behind a TLS-terminating proxy: cookies get `Secure`, and the client address
   * comes from X-Forwarded-For as far as the trusted proxies go: a hop count (`1` = one proxy) or
   * the proxies' addresses / CIDR ranges, comma-separated. `true` means one hop.
   */
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((v, ctx) => {
      const parsed = parseTrustProxy(v);
      if (parsed === undefined) ctx.addIssue({ code: 'custom', message: TRUST_PROXY_HELP });
      return parsed ?? false;
    }),
  /** Origins, besides PUBLIC_URL's, from which browsers may send writes (comma-separated, e.g. `https://tulay.example.org`). */
  ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((v, ctx) => {
      const list = v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const bad = list.filter((o) => originOf(o) === undefined);
      if (bad.length) ctx.addIssue({ code: 'custom', message: `not an origin: ${bad.join(', ')}` });
      return list.map((o) => originOf(o)!).filter(Boolean);
    }),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  /** Case master keys `id:base64(32 bytes),…`, the first one active; absent: a key file in DATA_DIR (docs/decisions/cases-encryption-and-rls.md). */
  CASE_KEYS: z.string().optional(),
  /** Days after a case is closed before its identifying data is crypto-shredded. */
  CASE_RETENTION_DAYS: z.coerce.number().int().min(1).default(730),
  CASE_FILE_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(10 * 1024 * 1024),
  /** File work (spreadsheet reading, PDF/DOCX text) runs on this many threads, each with a heap limit and a time limit. */
  FILE_WORKERS: z.coerce.number().int().min(1).max(8).default(2),
  /** Imports and uploads that may wait for a file-work thread; more get 503 `busy`. */
  FILE_WORK_QUEUE: z.coerce.number().int().min(0).max(100).default(4),
  FILE_WORK_TIMEOUT_MS: z.coerce.number().int().min(100).default(60_000),
  FILE_WORK_MEMORY_MB: z.coerce.number().int().min(128).default(512),
  /** Leading zero bits the Get-help form's proof of work must find (about 2^n SHA-256 on the phone). */
  INTAKE_POW_BITS: z.coerce.number().int().min(0).max(28).default(16),
});

export type Config = z.infer<typeof schema> & { dataDir: string; publicUrl: string };

/** What Fastify's `trustProxy` gets: false, a number of proxy hops, or the proxies' addresses. */
export type TrustProxy = false | number | string[];

const TRUST_PROXY_HELP =
  'false, a hop count (1 = one proxy), or proxy addresses / CIDR ranges, comma-separated';

/**
 * `true` is read as one hop rather than "trust every address": with a proxy that appends to
 * X-Forwarded-For, trusting every hop would let the client write its own address at the left.
 */
export function parseTrustProxy(value: string | boolean | number | string[]): TrustProxy | undefined {
  if (value === false || value === true) return value ? 1 : false;
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? value || false : undefined;
  if (Array.isArray(value)) return value.every(isAddressOrRange) ? value : undefined;
  const v = value.trim().toLowerCase();
  if (['', 'false', 'no', '0'].includes(v)) return false;
  if (['true', 'yes'].includes(v)) return 1;
  if (/^\d{1,2}$/.test(v)) return Number(v);
  const list = v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return list.length && list.every(isAddressOrRange) ? list : undefined;
}

/**
 * The `trustProxy` option for Fastify. A hop count becomes a function trusting the socket peer and
 * the next n − 1 addresses from the right: Fastify itself ignores X-Forwarded-* for a bare number.
 */
export function fastifyTrustProxy(
  value: TrustProxy,
): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof value !== 'number') return value;
  return (_address, hop) => hop < value;
}

function isAddressOrRange(entry: string): boolean {
  const [address, bits, ...rest] = entry.split('/');
  if (rest.length || !address || isIP(address) === 0) return false;
  if (bits === undefined) return true;
  const max = isIP(address) === 4 ? 32 : 128;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= max;
}

/** `scheme://host[:port]` of a URL, lower-cased with the default port dropped; undefined if not http(s). */
export function originOf(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : undefined;
  } catch {
    return undefined;
  }
}

/** Reads configuration from the environment once; unknown values fail loudly at start rather than later. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${lines}`);
  }
  const merged = { ...parsed.data, ...overrides };
  const trustProxy = parseTrustProxy(merged.TRUST_PROXY);
  if (trustProxy === undefined) throw new Error(`Invalid configuration:\n  TRUST_PROXY: ${TRUST_PROXY_HELP}`);
  return {
    ...merged,
    TRUST_PROXY: trustProxy,
    dataDir: resolve(merged.DATA_DIR),
    publicUrl: (merged.PUBLIC_URL ?? `http://localhost:${merged.PORT}`).replace(/\/$/, ''),
  };
}
