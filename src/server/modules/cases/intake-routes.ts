import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { line } from '../../../shared/schemas.ts';
import { contextOf } from '../../platform/http/context.ts';
import { isCountryCode } from '../geography/countries.ts';
import { ANOTHER_COUNTRY } from './get-help-destinations.ts';
import * as intake from './intake-service.ts';
import { country, text } from './schemas.ts';
import { SECTORS } from './vocabulary.ts';

const tags = ['get-help'];
const code = z
  .string()
  .trim()
  .min(6)
  .max(64)
  .regex(/^[A-Za-z0-9 -]+$/);
const language = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/);
/** Any ISO 3166 country, or "another country" (not in the list): every destination is accepted. */
const destination = z.union([
  country.refine(isCountryCode, 'ISO 3166-1 alpha-2 code of a country'),
  z.literal(ANOTHER_COUNTRY),
]);

/** A Get-help request, as the page's script sends it (and the page without script posts it). */
export const intakeRequestBody = z.strictObject({
  challenge: z.string().min(10).max(300),
  nonce: z.string().min(1).max(32),
  website: z.string().max(500).optional(),
  language,
  message: text(5000),
  name: line(200).optional(),
  contact: line(200).optional(),
  nationality: country.optional(),
  destinationCountry: destination.optional(),
  sector: z.enum(SECTORS).optional(),
});
export const intakeCodes = z.strictObject({ reference: code, secret: code });

/**
 * The public Get-help API. Secrets travel only in POST bodies (never in URLs, so never in logs or
 * history), responses are no-store (set for all case routes in routes.ts), and every route is rate-limited per address on top of the
 * proof of work and the per-reference lock.
 */
export const intakeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/intake/challenge',
    {
      config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: { tags, summary: 'A proof-of-work challenge for the Get-help form' },
    },
    async (request) => ({ data: intake.challengeFor(contextOf(request)) }),
  );

  app.post(
    '/intake/requests',
    {
      config: { access: 'public', rateLimit: { max: 5, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Ask for help; answers a reference code and a secret, shown once',
        body: intakeRequestBody,
      },
    },
    async (request, reply) =>
      reply.code(201).send({ data: await intake.submitIntake(contextOf(request), request.body) }),
  );

  app.post(
    '/intake/status',
    {
      config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Read your request with its reference code and secret',
        body: intakeCodes,
      },
    },
    async (request) => ({
      data: await intake.readOwnRequest(contextOf(request), request.body.reference, request.body.secret),
    }),
  );

  app.post(
    '/intake/messages',
    {
      config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Add information to your request',
        body: z.strictObject({ reference: code, secret: code, message: text(5000) }),
      },
    },
    async (request, reply) => {
      await intake.addOwnMessage(
        contextOf(request),
        request.body.reference,
        request.body.secret,
        request.body.message,
      );
      return reply.code(204).send();
    },
  );
};
