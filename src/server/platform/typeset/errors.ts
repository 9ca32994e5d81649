import { Problem } from '../http/problem.ts';

/**
 * Why a document was not typeset: `invalid` (the document itself: a missing field, a bad date, a
 * chart the engine cannot read), `too_large` (past DOCUMENT_LIMITS), `timeout` or `memory` (the
 * engine's process passed its limit and was stopped), `busy` (too many documents waiting),
 * `aborted` (the caller's signal), `crashed` (the engine's process died).
 */
export class TypesetError extends Error {
  constructor(
    readonly reason: 'invalid' | 'too_large' | 'timeout' | 'memory' | 'busy' | 'aborted' | 'crashed',
    message: string,
  ) {
    super(message);
    this.name = 'TypesetError';
  }
}

const msg = (s: string) => s;

/**
 * The HTTP answer to a document that was not typeset, for the routes that typeset (a yearbook's PDF,
 * a certificate): 422 when the document is at fault or too costly, 503 when the engine is busy or
 * failed (try again); `aborted` means the caller left, so whatever is answered is not read.
 */
export function typesetProblem(error: TypesetError): Problem {
  switch (error.reason) {
    case 'invalid':
      return new Problem(422, 'typeset_invalid', msg('The document could not be typeset.'), error.message);
    case 'too_large':
    case 'timeout':
    case 'memory':
      return new Problem(
        422,
        'typeset_too_costly',
        msg('The document takes too long or too much memory to typeset. Split it into smaller parts.'),
        error.message,
      );
    default:
      return new Problem(
        503,
        'typeset_busy',
        msg('The server is busy typesetting other documents. Try again in a minute.'),
        error.message,
        undefined,
        { 'retry-after': '30' },
      );
  }
}
