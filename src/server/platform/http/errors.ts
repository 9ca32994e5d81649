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
      code: String(
        v.params?.issue && typeof v.params.issue === 'object' && 'code' in v.params.issue
          ? v.params.issue.code
          : v.keyword,
      ),
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
    case '57014': // PostgreSQL: statement cancelled by statement_timeout
      return problems.databaseBusy();
  }
  if (e.statusCode === 429) return problems.rateLimited(60);
  if (e.message === 'Connection terminated unexpectedly') return problems.databaseBusy();
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return new Problem(e.statusCode, 'bad_request', msg('The request is not valid.'), e.message);
  }
  return problems.internal();
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
