import type { Database } from '../../db/client.ts';
import { isUser } from '../../platform/access/actor.ts';
import { randomToken, sha256 } from '../../platform/auth/crypto.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { problems } from '../../platform/http/problem.ts';
import { countryName } from '../geography/countries.ts';
import { htmlToText } from '../practices/html.ts';
import { termsOf } from '../vocabularies/service.ts';
import { calendar, type IcsEvent } from './ics.ts';
import * as repo from './repository.ts';

async function toIcs(ctx: Ctx, rows: repo.EventRow[]): Promise<IcsEvent[]> {
  const kinds = await termsOf(ctx.database.db, 'event_kind', 'en', true);
  return rows.map((e) => ({
    id: e.id,
    title: e.title,
    description: htmlToText(e.description),
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    timeZone: e.timeZone,
    location: e.online
      ? 'Online'
      : [e.venue, e.city, e.countryCode ? countryName(e.countryCode, 'en') : null].filter(Boolean).join(', '),
    url: `${ctx.config.publicUrl}/events/${e.slug}`,
    kind: kinds.find((k) => k.code === e.kindCode)?.label ?? e.kindCode,
    updatedAt: e.updatedAt,
  }));
}

/** Every public event from a year ago on (older ones stay on their pages). */
export async function publicFeed(ctx: Ctx) {
  const rows = await repo.publicEvents(ctx.database.db, 2000, new Date(Date.now() - 366 * 86_400_000));
  return calendar('Tulay events', await toIcs(ctx, rows));
}

/** One event's .ics: public events for anyone, others for those who may read them. */
export async function eventIcs(ctx: Ctx, row: repo.EventRow) {
  return calendar(row.title, await toIcs(ctx, [row]));
}

/** The private feed behind a token: the events its owner is invited to or registered for. */
export async function personalFeed(ctx: Ctx, token: string) {
  const owner = await repo.feedOwner(ctx.database.db, sha256(token));
  if (!owner) throw problems.notFound('calendar');
  const rows = (await repo.eventsOfEmail(ctx.database.db, owner.email)).map((r) => r.event);
  return calendar(`Tulay · ${owner.name}`, await toIcs(ctx, rows));
}

const feedUrl = (ctx: Ctx, token: string) => `${ctx.config.publicUrl}/calendars/${token}.ics`;

export async function feedStatus(ctx: Ctx) {
  if (!isUser(ctx.actor)) throw problems.unauthenticated();
  const feed = await repo.activeFeedOf(ctx.database.db, ctx.actor.userId);
  return { active: Boolean(feed), createdAt: feed?.createdAt.toISOString() ?? null };
}

/** Makes a new private feed address (the old one stops working); the address is shown once. */
export async function renewFeed(ctx: Ctx) {
  if (!isUser(ctx.actor)) throw problems.unauthenticated();
  const userId = ctx.actor.userId;
  const token = randomToken();
  await ctx.database.db.transaction(async (tx) => {
    await repo.revokeFeeds(tx, userId);
    await repo.insertFeed(tx, userId, sha256(token));
  });
  ctx.note({ action: 'calendar_feed.renew', resourceType: 'user', resourceId: userId });
  return { url: feedUrl(ctx, token) };
}

export async function revokeFeed(ctx: Ctx) {
  if (!isUser(ctx.actor)) throw problems.unauthenticated();
  const userId = ctx.actor.userId;
  await ctx.database.db.transaction((tx) => repo.revokeFeeds(tx, userId));
  ctx.note({ action: 'calendar_feed.revoke', resourceType: 'user', resourceId: userId });
}

/** The public event pages, for the sitemap. */
export async function sitemapUrls(database: Database, publicUrl: string): Promise<string[]> {
  const rows = await repo.publicEvents(database.db, 5000);
  return [`${publicUrl}/events`, ...rows.map((r) => `${publicUrl}/events/${r.slug}`)];
}
