import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

// One term per language for the words staff and migrants must never have to guess at: "case",
// "client" and "corridor" (docs/translation/<lang>.md). Every string whose English says the word
// must say the glossary's term. Arabic once had "case" as الحالة, the same word as "status".
const GLOSSARY: Record<string, Partial<Record<'case' | 'client' | 'corridor', RegExp>>> = {
  fil: { case: /kaso|case worker/i, client: /kliyente/i, corridor: /corridor/i },
  id: { case: /kasus/i, client: /klien/i, corridor: /koridor/i },
  ar: { case: /قضي|قضا/, client: /موكِّل/, corridor: /ممر|الممرات/ },
  ne: { case: /केस/, client: /सेवाग्राही/, corridor: /आप्रवासन मार्ग/ },
  bn: { case: /কেস/, client: /সেবাগ্রহীতা/, corridor: /অভিবাসন পথ/ },
  si: { case: /සිද්ධි/ },
  ta: { case: /வழக்கு/ },
  hi: { case: /केस/ },
  ur: { case: /کیس/ },
};

const read = (locale: string): Record<string, string> =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`./${locale}.json`, import.meta.url)), 'utf8'));

describe('glossary terms', () => {
  for (const [locale, terms] of Object.entries(GLOSSARY)) {
    test(`${locale} says "case", "client" and "corridor" one way`, () => {
      const catalog = read(locale);
      const off = Object.entries(catalog).flatMap(([english, text]) =>
        Object.entries(terms)
          .filter(([word, term]) => new RegExp(`\\b${word}s?\\b`, 'i').test(english) && !term!.test(text))
          .map(([word]) => `${word}: ${english} → ${text}`),
      );
      expect(off).toEqual([]);
    });
  }
});
