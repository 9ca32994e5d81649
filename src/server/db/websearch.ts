// websearch_to_tsquery reads `-` as NOT and `"` as a phrase; PostgreSQL keeps pending operators on a
// fixed stack of 32, so 33 dashes in a row fail with "tsquery stack too small" (a 500). Queries are
// rewritten here into what the same syntax means, with operators that can never pile up.

/** At most this many words or phrases reach the database (more adds nothing to a search). */
const MAX_TERMS = 32;

/** Dashes that are not inside a word (`a-b` keeps its dash; `--`, `- `, `-!` do not). */
const LOOSE_DASHES = /(?<![\p{L}\p{N}])-+|-+(?![\p{L}\p{N}])/gu;

function words(text: string): string {
  return text
    .replace(/"/g, ' ')
    .replace(/-{2,}/g, '-')
    .replace(LOOSE_DASHES, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A web-search query reduced to terms, `-term`, `"phrases"` and `or` between two terms: the
 * meaning websearch_to_tsquery gives it, never more than one NOT before a term, at most 32 terms.
 */
export function safeWebsearch(q: string): string {
  const out: string[] = [];
  const re = /(-*)"([^"]*)"?|(\S+)/g;
  for (let m = re.exec(q); m && out.length < MAX_TERMS; m = re.exec(q)) {
    if (m[2] !== undefined) {
      const phrase = words(m[2]);
      if (phrase) out.push(`${m[1] ? '-' : ''}"${phrase}"`);
      continue;
    }
    const token = m[3] ?? '';
    const negative = token.startsWith('-');
    const text = words(token);
    if (!text) continue;
    if (text.toLowerCase() === 'or') {
      // OR only between two terms, as websearch reads it; a dangling one is dropped.
      if (out.length && out.at(-1)?.toLowerCase() !== 'or') out.push('or');
      continue;
    }
    out.push(negative ? `-${text}` : text);
  }
  while (out.at(-1)?.toLowerCase() === 'or') out.pop();
  return out.join(' ');
}
