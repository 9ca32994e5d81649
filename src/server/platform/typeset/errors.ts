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
