import type { Ctx } from '../../platform/http/context.ts';
import * as repo from './repository.ts';

/** One piece of work shown on a programme's page: a title, where it lives, and a short note. */
export interface LinkedItem {
  title: string;
  /** Where staff open it (the web app). */
  href: string;
  /** Where the public opens it, when it is public. */
  publicHref?: string;
  note?: string;
}

/**
 * A kind of work linked to a programme. Extension point: campaigns and events add their provider
 * with `registerLinkedWork(...)` from their own module (one line, at import time of their routes),
 * and the programme's staff screen and public page list it under `heading` — nothing here changes.
 * `publicOnly` is true on the public page: a provider must then return only what the public may see.
 */
export interface LinkedWorkProvider {
  kind: string;
  /** English heading, translated where it is shown (add it to the catalogs with the provider). */
  heading: string;
  list(ctx: Ctx, programmeId: string, options: { publicOnly: boolean }): Promise<LinkedItem[]>;
}

// Marks headings for the string extractor; the page translates them.
const msg = (s: string) => s;

const providers: LinkedWorkProvider[] = [];

/** Adds a kind of linked work (campaigns, events …); a second provider of the same kind is refused. */
export function registerLinkedWork(provider: LinkedWorkProvider): void {
  if (providers.some((p) => p.kind === provider.kind)) throw new Error(`Linked work ${provider.kind} twice`);
  providers.push(provider);
}

/** Every provider's items for a programme, in registration order; kinds with nothing are left out. */
export async function linkedWorkOf(ctx: Ctx, programmeId: string, options: { publicOnly: boolean }) {
  const groups = await Promise.all(
    providers.map(async (p) => ({
      kind: p.kind,
      heading: p.heading,
      items: await p.list(ctx, programmeId, options),
    })),
  );
  return groups.filter((g) => g.items.length > 0);
}

// Publications of the library name their programme (library.programme_id).
registerLinkedWork({
  kind: 'publications',
  heading: msg('Publications'),
  async list(ctx, programmeId, { publicOnly }) {
    const rows = await repo.publicationsOfProgramme(ctx.database.db, programmeId, publicOnly);
    return rows.map((r) => ({
      title: r.title,
      href: `/library/${r.id}`,
      ...(r.isPublic ? { publicHref: `/publications/${r.id}` } : {}),
    }));
  },
});

// Good practices link to a programme through the publications that document them.
registerLinkedWork({
  kind: 'practices',
  heading: msg('Good practices'),
  async list(ctx, programmeId, { publicOnly }) {
    const rows = await repo.practicesOfProgramme(ctx.database.db, programmeId, publicOnly);
    return rows.map((r) => ({
      title: r.title,
      href: `/knowledge/${r.id}`,
      ...(r.status === 'published' ? { publicHref: `/practices/${r.id}` } : {}),
    }));
  },
});
