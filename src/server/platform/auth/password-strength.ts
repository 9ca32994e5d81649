import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import { Problem } from '../http/problem.ts';

// Problem titles are wrapped in `msg` so the string extractor puts them in the catalogs.
const msg = (s: string) => s;

/** Below this zxcvbn score (3: about 10^8 guesses, safe against online guessing) a new password is refused. */
const MIN_SCORE = 3;

// The estimator answers with translation keys (no translations given); each maps to one of our own
// sentences, so the reason reaches the person in their language through the catalogs.
const GENERIC = msg('This password is too easy to guess. A few unrelated words make a strong one.');
const REASONS: Record<string, string> = {
  topTen: msg(
    'This is one of the most used passwords. Choose another: a few unrelated words make a strong one.',
  ),
  topHundred: msg(
    'This is one of the most used passwords. Choose another: a few unrelated words make a strong one.',
  ),
  common: msg(
    'This is one of the most used passwords. Choose another: a few unrelated words make a strong one.',
  ),
  pwned: msg(
    'This is one of the most used passwords. Choose another: a few unrelated words make a strong one.',
  ),
  similarToCommon: msg(
    'This is too close to a much-used password. Choose another: a few unrelated words make a strong one.',
  ),
  straightRow: msg(
    'Rows of keys on the keyboard are easy to guess. A few unrelated words make a strong password.',
  ),
  keyPattern: msg(
    'Rows of keys on the keyboard are easy to guess. A few unrelated words make a strong password.',
  ),
  simpleRepeat: msg('Repeated characters are easy to guess. A few unrelated words make a strong password.'),
  extendedRepeat: msg('Repeated characters are easy to guess. A few unrelated words make a strong password.'),
  sequences: msg(
    'Sequences like "abc" or "1234" are easy to guess. A few unrelated words make a strong password.',
  ),
  recentYears: msg('Years and dates are easy to guess. A few unrelated words make a strong password.'),
  dates: msg('Years and dates are easy to guess. A few unrelated words make a strong password.'),
  wordByItself: msg(
    'Single words and names are easy to guess. A few unrelated words make a strong password.',
  ),
  namesByThemselves: msg(
    'Single words and names are easy to guess. A few unrelated words make a strong password.',
  ),
  commonNames: msg('Single words and names are easy to guess. A few unrelated words make a strong password.'),
  userInputs: msg('The password must not be made of your name, email or organisation.'),
};

let estimator: ZxcvbnFactory | undefined;

/** The estimator with its dictionaries, built once (about 2 s) on first use and kept. */
function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    useLevenshteinDistance: true,
  });
  return estimator;
}

/**
 * Refuses a new password that is common, breached-list material, a keyboard pattern, or built from
 * what the person told us (name, email, organisation): `400 weak_password` with the reason as title.
 */
export function assertStrongPassword(
  password: string,
  field: string,
  userInputs: (string | undefined)[] = [],
) {
  const inputs = userInputs.flatMap((s) => (s ? [s, ...s.split(/[@.\s]+/).filter((p) => p.length > 2)] : []));
  const result = zxcvbn().check(password, [...inputs, 'tulay']);
  if (result.score >= MIN_SCORE) return;
  const reason = (result.feedback.warning && REASONS[result.feedback.warning]) || GENERIC;
  throw new Problem(400, 'weak_password', reason, undefined, [
    { field, code: 'weak_password', message: reason },
  ]);
}
