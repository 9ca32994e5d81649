import { Problem, problems } from '../http/problem.ts';
import { type Actor, isUser, type UserActor } from './actor.ts';

/** A rule answers for one action: with no record, "may this actor do it to any record of the kind?". */
export type Rule<R> = (actor: UserActor, record?: R) => boolean;
export type Policy<R> = Readonly<Record<string, Rule<R>>>;

const policies = new Map<string, Policy<never>>();

/** Declares who may do what to one kind of record. Every resource has exactly one policy. */
export function definePolicy<R>(resource: string, rules: Policy<R>): Policy<R> {
  if (policies.has(resource)) throw new Error(`Policy for ${resource} declared twice`);
  policies.set(resource, rules as Policy<never>);
  return rules;
}

/** Deny by default: an unknown resource or action, the public, or an unfinished 2FA enrolment get nothing. */
export function can<R>(actor: Actor, action: string, resource: string, record?: R): boolean {
  if (!isUser(actor) || actor.mustEnrolTotp) return false;
  const rule = policies.get(resource)?.[action] as Rule<R> | undefined;
  if (!rule || !Object.hasOwn(policies.get(resource)!, action)) return false;
  return rule(actor, record);
}

/**
 * The one check services make before acting. The public gets 401, a signed-in person 403;
 * pass `hideAs404` for records whose very existence must not be revealed.
 */
export function authorize<R>(
  actor: Actor,
  action: string,
  resource: string,
  record?: R,
  options: { hideAs404?: boolean } = {},
): asserts actor is UserActor {
  if (can(actor, action, resource, record)) return;
  if (!isUser(actor)) throw problems.unauthenticated();
  if (options.hideAs404) throw problems.notFound(resource);
  throw problems.forbidden();
}

/** The abilities sent with a record so the interface shows only what the person may do. */
export function abilitiesFor<R>(actor: Actor, resource: string, record?: R): Record<string, boolean> {
  const rules = policies.get(resource);
  if (!rules) return {};
  return Object.fromEntries(
    Object.keys(rules).map((action) => [action, can(actor, action, resource, record)]),
  );
}

/** Resource-level abilities for every declared resource: what the navigation may offer this person. */
export function allAbilities(actor: Actor): Record<string, Record<string, boolean>> {
  return Object.fromEntries(
    [...policies.keys()].map((resource) => [resource, abilitiesFor(actor, resource)]),
  );
}

export function declaredPolicies(): ReadonlyMap<string, Policy<never>> {
  return policies;
}

export { Problem };
