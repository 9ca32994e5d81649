/** A field-level complaint inside a problem response. */
export interface FieldError {
  field: string;
  code: string;
  message: string;
}

/**
 * An RFC 9457 problem with a stable machine code. Services throw it; the error handler turns it
 * into `application/problem+json` with a title in the reader's language.
 */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    /** English title: a key of the translation catalogs, translated when the response is written. */
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(`${code}: ${detail ?? title}`);
  }
}

// Titles are wrapped in `msg` so the string extractor puts them in the catalogs.
const msg = (s: string) => s;

export const problems = {
  validation: (errors: FieldError[], detail?: string) =>
    new Problem(400, 'validation_failed', msg('Some fields are not valid.'), detail, errors),
  malformedJson: () => new Problem(400, 'malformed_json', msg('The request body is not valid JSON.')),
  unsupportedMediaType: () =>
    new Problem(415, 'unsupported_media_type', msg('This content type is not accepted here.')),
  tooLong: () => new Problem(414, 'uri_too_long', msg('The address is too long.')),
  tooLarge: () => new Problem(413, 'payload_too_large', msg('The request is too large.')),
  unauthenticated: () => new Problem(401, 'unauthenticated', msg('Please sign in.')),
  forbidden: () => new Problem(403, 'forbidden', msg('You do not have permission to do this.')),
  enrolmentRequired: () =>
    new Problem(403, 'two_factor_enrolment_required', msg('Set up two-factor authentication to continue.')),
  notFound: (what = 'resource') =>
    new Problem(404, 'not_found', msg('Not found.'), `No such ${what}, or you may not see it.`),
  versionConflict: () =>
    new Problem(
      409,
      'version_conflict',
      msg('Someone else changed this record. Reload it and apply your change again.'),
    ),
  conflict: (code: string, title: string, detail?: string) => new Problem(409, code, title, detail),
  rateLimited: (retryAfterSeconds: number) =>
    new Problem(
      429,
      'rate_limited',
      msg('Too many attempts. Wait a moment and try again.'),
      undefined,
      undefined,
      {
        'retry-after': String(retryAfterSeconds),
      },
    ),
  crossSite: () => new Problem(403, 'cross_site_request', msg('This request came from another site.')),
  databaseBusy: () =>
    new Problem(503, 'database_timeout', msg('The database took too long to answer. Try again.')),
  internal: () => new Problem(500, 'internal_error', msg('Something went wrong on our side.')),
};
