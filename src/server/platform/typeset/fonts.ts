import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// The fonts every PDF is set in, from npm packages (Google's Noto families as TTF, packaged by
// @expo-google-fonts; fonts under the SIL Open Font License 1.1, package code MIT). They are never
// fetched at run time and never taken from the system: the templates name these families only, with
// fallback off, and the PDF embeds the subset of glyphs a document uses.

const require = createRequire(import.meta.url);

/** Family names in the order the engine tries them for a character (Latin first, then by script). */
export const FONT_FAMILIES = [
  'Noto Sans',
  'Noto Sans Arabic',
  'Noto Sans Devanagari',
  'Noto Sans Bengali',
  'Noto Sans Thai',
  'Noto Sans TC',
] as const;

const PACKAGES = [
  '@expo-google-fonts/noto-sans',
  '@expo-google-fonts/noto-sans-arabic',
  '@expo-google-fonts/noto-sans-devanagari',
  '@expo-google-fonts/noto-sans-bengali',
  '@expo-google-fonts/noto-sans-thai',
  '@expo-google-fonts/noto-sans-tc',
];

/** Regular and bold only: the templates use no other weight, and each weight of CJK is 7 MB. */
const WEIGHTS = ['400Regular', '700Bold'];

/** The folders holding the TTF files, for the engine's font search (it reads only these). */
export function fontDirectories(): string[] {
  return PACKAGES.flatMap((name) => {
    const root = dirname(require.resolve(`${name}/package.json`));
    return WEIGHTS.map((weight) => join(root, weight));
  });
}
