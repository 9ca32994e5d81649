/**
 * The interface languages, each named in its own script so anyone can find theirs. Complete ones
 * translate every string (a test holds them to it); partial ones translate the public pages (the
 * pages migrants use to ask for help, the public layout) and fall back to English string by string
 * elsewhere. `scripts/extract-strings.config.mjs` lists the same split.
 */
export const LOCALES = [
  { code: 'en', name: 'English', dir: 'ltr', complete: true },
  { code: 'fil', name: 'Filipino', dir: 'ltr', complete: true },
  { code: 'id', name: 'Bahasa Indonesia', dir: 'ltr', complete: true },
  { code: 'ms', name: 'Bahasa Melayu', dir: 'ltr', complete: false },
  { code: 'vi', name: 'Tiếng Việt', dir: 'ltr', complete: false },
  { code: 'th', name: 'ไทย', dir: 'ltr', complete: false },
  { code: 'km', name: 'ខ្មែរ', dir: 'ltr', complete: false },
  { code: 'my', name: 'မြန်မာ', dir: 'ltr', complete: false },
  { code: 'ne', name: 'नेपाली', dir: 'ltr', complete: true },
  { code: 'bn', name: 'বাংলা', dir: 'ltr', complete: true },
  { code: 'si', name: 'සිංහල', dir: 'ltr', complete: false },
  { code: 'ta', name: 'தமிழ்', dir: 'ltr', complete: false },
  { code: 'hi', name: 'हिन्दी', dir: 'ltr', complete: false },
  { code: 'ur', name: 'اردو', dir: 'rtl', complete: false },
  { code: 'ar', name: 'العربية', dir: 'rtl', complete: true },
  { code: 'zh-Hant', name: '繁體中文', dir: 'ltr', complete: true },
  { code: 'ja', name: '日本語', dir: 'ltr', complete: false },
  { code: 'ko', name: '한국어', dir: 'ltr', complete: false },
] as const;
export type Locale = (typeof LOCALES)[number]['code'];
export const LOCALE_CODES = LOCALES.map((l) => l.code) as [Locale, ...Locale[]];
export const DEFAULT_LOCALE: Locale = 'en';

export function directionOf(locale: string): 'ltr' | 'rtl' {
  return LOCALES.find((l) => l.code === locale)?.dir ?? 'ltr';
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALE_CODES as readonly string[]).includes(value);
}

/**
 * Language tags that name one of ours differently: Tagalog for Filipino, the old Java code `in`
 * (still sent by older Android phones) for Indonesian, and Malay's individual-language code.
 */
const ALIASES = new Map<string, Locale>([
  ['tl', 'fil'],
  ['in', 'id'],
  ['zsm', 'ms'],
]);

/**
 * The interface language for one BCP 47 tag a browser sends (`zh-TW`, `my-MM`, `fil-PH`), or
 * undefined. Every Chinese tag gets Traditional Chinese, the only Chinese we have: most readers of
 * Simplified Chinese read it more easily than the English fallback.
 */
export function matchLocale(tag: string): Locale | undefined {
  const lower = tag.trim().toLowerCase();
  const exact = LOCALE_CODES.find((c) => c.toLowerCase() === lower);
  if (exact) return exact;
  const base = lower.split(/[-_]/)[0] ?? '';
  if (base === 'zh') return 'zh-Hant';
  return ALIASES.get(base) ?? LOCALE_CODES.find((c) => c === base);
}

/** The best interface language for an Accept-Language header (weights honoured, q=0 refused). */
export function negotiateLocale(header: string | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const wanted = header
    .slice(0, 1000)
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      const weight = q === undefined ? 1 : Number(q);
      return { tag, q: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((w) => w.q > 0)
    // Stable: equal weights keep the order the browser gave.
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of wanted) {
    const match = matchLocale(tag);
    if (match) return match;
  }
  return DEFAULT_LOCALE;
}
