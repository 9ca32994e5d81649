import { registerLinkedWork } from '../programmes/linked-work.ts';
import { publicEventsOfProgramme } from './repository.ts';

const msg = (s: string) => s;

// A programme's page lists its public events (private ones belong to their organisation's staff).
registerLinkedWork({
  kind: 'events',
  heading: msg('Events'),
  async list(ctx, programmeId) {
    const rows = await publicEventsOfProgramme(ctx.database.db, programmeId);
    return rows.map((e) => ({
      title: e.titles[ctx.locale] || e.title,
      href: `/convenings/${e.id}`,
      publicHref: `/events/${e.slug}`,
      note: e.startsAt.toISOString().slice(0, 10),
    }));
  },
});
