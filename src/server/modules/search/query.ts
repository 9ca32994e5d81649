/** Scripts written without spaces between words: full-text parsing cannot split them, so they are matched as substrings. */
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

export interface SubstringQuery {
  include: string[];
  exclude: string[];
}

/** True when a query must be run as substring search (CJK, Thai and neighbours). */
export function needsSubstringSearch(q: string): boolean {
  return UNSPACED.test(q);
}

/**
 * Reads a web-search style query for substring matching: "quoted phrases" and words must all
 * occur, words after a minus must not (the same syntax websearch_to_tsquery reads).
 */
export function parseSubstringQuery(q: string): SubstringQuery {
  const include: string[] = [];
  const exclude: string[] = [];
  const re = /(-?)"([^"]*)"|(-?)(\S+)/g;
  for (let m = re.exec(q); m; m = re.exec(q)) {
    const negative = (m[1] ?? m[3]) === '-';
    const text = (m[2] ?? m[4] ?? '').trim().toLowerCase();
    if (!text || text.toLowerCase() === 'or') continue;
    (negative ? exclude : include).push(text);
  }
  return { include: include.slice(0, 10), exclude: exclude.slice(0, 10) };
}

/** Escapes LIKE wildcards so the text is matched literally. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
