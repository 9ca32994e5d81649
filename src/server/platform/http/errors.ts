import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { translate } from '../i18n/translate.ts';
import { type FieldError, Problem, problems } from './problem.ts';

const msg = (s: string) => s;

/** Writes a problem as RFC 9457 JSON with its title in the reader's language. */
export function sendProblem(request: FastifyRequest, reply: FastifyReply, problem: Problem) {
  if (problem.headers) reply.headers(problem.headers);
  return reply
    .code(problem.status)
    .type('application/problem+json; charset=utf-8')
    .send({
      type: `about:blank`,
      status: problem.status,
      code: problem.code,
      title: translate(request.locale ?? 'en', problem.title),
      ...(problem.detail ? { detail: problem.detail } : {}),
      ...(problem.errors ? { errors: problem.errors } : {}),
      instance: request.url.split('?')[0],
    });
}

/** Maps every failure to a precise problem; anything unexpected is logged and becomes a plain 500. */
export function toProblem(error: unknown): Problem {
  if (error instanceof Problem) return error;
  const e = error as FastifyError & { code?: string };
  if (hasZodFastifySchemaValidationErrors(e)) {
    const errors: FieldError[] = e.validation.map((v) => ({
      field: [e.validationContext, v.instancePath.replace(/^\//, '').replaceAll('/', '.')]
        .filter(Boolean)
        .join('.'),
      code: issueCode(v.params) ?? v.keyword,
      message: v.message ?? 'Invalid',
    }));
    return problems.validation(errors);
  }
  switch (e.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problems.malformedJson();
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problems.tooLarge();
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return problems.unsupportedMediaType();
    case 'FST_ERR_BAD_URL':
      return new Problem(400, 'bad_url', msg('The address is not valid.'));
    case 'FST_ERR_VALIDATION':
      return problems.validation([{ field: 'request', code: 'invalid', message: e.message }]);
  }
  if (ranOutOfTime(e)) return problems.databaseBusy();
  // A multipart body without a boundary, cut off, or with broken part headers (busboy's words).
  if (e instanceof Error && MALFORMED_MULTIPART.test(e.message)) return malformedUpload();
  if (e.statusCode === 429) return problems.rateLimited(60);
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return new Problem(e.statusCode, 'bad_request', msg('The request is not valid.'), e.message);
  }
  return problems.internal();
}

/**
 * A statement that outlived STATEMENT_TIMEOUT_MS: cancelled by PostgreSQL (57014), or its
 * connection ended by the embedded engine's watchdog restart. Drizzle wraps the driver's error in
 * its own (`cause`), and a transaction's failed rollback on the dead connection wraps it again.
 */
function ranOutOfTime(error: unknown): boolean {
  for (
    let e = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined, depth = 0;
    e && depth < 5;
    depth += 1
  ) {
    if (e.code === '57014') return true;
    if (typeof e.message === 'string' && droppedConnection.test(e.message)) return true;
    e = e.cause as typeof e;
  }
  return false;
}
const droppedConnection =
  /^(Connection terminated unexpectedly|Client has encountered a connection error and is not queryable)$/;

const MALFORMED_MULTIPART =
  /^(Multipart: Boundary not found|Unexpected end of (form|multipart)|Malformed part header)/;
const malformedUpload = () =>
  new Problem(400, 'malformed_upload', msg('The upload was cut off or malformed.'), undefined, [
    { field: 'file', code: 'malformed_upload', message: 'The upload was cut off or malformed' },
  ]);

/**
 * Answers what Node's HTTP parser refuses before Fastify sees a request (headers or an address
 * over `maxHeaderSize`: 431; a timeout: 408; anything else: 400) as problem+json like every other
 * error. No locale is known yet, so the title is English.
 */
export function clientErrorHandler(this: FastifyInstance, error: Error & { code?: string }, socket: Socket) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, title] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'headers_too_large', msg('The address or the request headers are too long.')]
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'request_timeout', msg('The request took too long to arrive.')]
        : [400, 'bad_request', msg('The request is not valid.')];
  const body = JSON.stringify({ type: 'about:blank', status, code, title });
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: application/problem+json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  socket.destroy(error);
}

/**
 * The stable code of a failed field: a refinement's own `params.code` when it names one
 * (`unstorable_text`), else Zod's issue code (which the provider passes as the keyword).
 */
function issueCode(params: unknown): string | undefined {
  const own = (params as { params?: { code?: unknown } } | undefined)?.params?.code;
  return typeof own === 'string' ? own : undefined;
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const problem = toProblem(error);
    if (problem.status >= 500 || problem.code === 'file_content_missing')
      request.log.error({ err: error }, 'request failed');
    return sendProblem(request, reply, problem);
  });
  app.setNotFoundHandler((request, reply) => sendProblem(request, reply, problems.notFound('route')));
}
