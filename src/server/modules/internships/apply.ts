import { z } from 'zod';
import { email, line, text } from '../../../shared/schemas.ts';
import type { Ctx } from '../../platform/http/context.ts';
import type { FieldError } from '../../platform/http/problem.ts';
import {
  assertNotThrottled,
  recordFailures,
  type Throttle,
  throttleKey,
} from '../../platform/throttle/throttle.ts';
import { day } from '../agreements/inputs.ts';
import * as repo from './repository.ts';

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

/** The public form's fields, as the browser sends them (strings); anything else is refused. */
export const applicationForm = z.strictObject({
  opportunityId: z.uuid(),
  name: line(200),
  email,
  phone: optional(line(50)),
  school: optional(line(300)),
  availableFrom: optional(day),
  availableUntil: optional(day),
  motivation: text(5000, { trim: true }).pipe(z.string().min(1)),
  consent: z.literal('yes'),
  /** A field people do not see: a bot fills it. */
  website: z.string().max(500).optional(),
});
export type ApplicationForm = z.infer<typeof applicationForm>;

/**
 * Limits against abuse, in the database so every server shares them: each application counts
 * against the sender's address (5 a day, then waits that grow to a day) and against the email
 * (3 a day): past `free` counted submissions the next one blocks the key. The route is also rate-limited per address per minute.
 */
function throttles(ctx: Ctx, address: string): Throttle[] {
  return [
    {
      key: throttleKey('internship-address', ctx.ip),
      rule: { free: 4, baseSeconds: 600, maxSeconds: 86_400, windowSeconds: 86_400 },
    },
    {
      key: throttleKey('internship-email', address.toLowerCase()),
      rule: { free: 2, baseSeconds: 3600, maxSeconds: 86_400, windowSeconds: 86_400 },
    },
  ];
}

export type ApplyResult = { ok: true } | { ok: false; errors: FieldError[] };

/** Stores one application after checks; field problems come back as errors for the form to show. */
export async function submitApplication(ctx: Ctx, input: ApplicationForm): Promise<ApplyResult> {
  // A filled honeypot is a bot: answer exactly like a success, store nothing.
  if (input.website) {
    ctx.note({ action: 'internship.application.honeypot', resourceType: 'internshipApplication' });
    return { ok: true };
  }
  const errors: FieldError[] = [];
  if (input.availableFrom && input.availableUntil && input.availableFrom > input.availableUntil)
    errors.push({ field: 'availableUntil', code: 'dates_out_of_order', message: 'Before the start' });
  const opportunity = await repo.findOpportunity(ctx.database.db, input.opportunityId);
  if (!opportunity?.open)
    errors.push({ field: 'opportunityId', code: 'unknown_opportunity', message: 'Not an open opportunity' });
  if (errors.length || !opportunity) return { ok: false, errors };
  const limits = throttles(ctx, input.email);
  await assertNotThrottled(ctx.database.db, limits);
  const id = await ctx.database.db.transaction(async (tx) => {
    const created = await repo.insertApplication(tx, {
      opportunityId: opportunity.id,
      organisationId: opportunity.organisationId,
      name: input.name,
      email: input.email,
      phone: input.phone ?? null,
      school: input.school ?? null,
      availableFrom: input.availableFrom ?? null,
      availableUntil: input.availableUntil ?? null,
      motivation: input.motivation,
      locale: ctx.locale,
      consentedAt: new Date(),
    });
    await recordFailures(tx, limits);
    return created;
  });
  ctx.note({
    action: 'internship.application.submit',
    resourceType: 'internshipApplication',
    resourceId: id,
  });
  return { ok: true };
}
