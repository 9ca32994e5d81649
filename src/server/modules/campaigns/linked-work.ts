import { isAdministratorRole } from '../../../shared/roles.ts';
import { isUser } from '../../platform/access/actor.ts';
import { registerLinkedWork } from '../programmes/linked-work.ts';
import { campaignsOfProgramme } from './repository.ts';

const msg = (s: string) => s;

// A programme's page lists its campaigns. Drafts only for the network's staff (administrators and
// the secretariat), who may read every draft; everyone else sees published campaigns.
registerLinkedWork({
  kind: 'campaigns',
  heading: msg('Campaigns'),
  async list(ctx, programmeId, { publicOnly }) {
    const staff =
      !publicOnly &&
      isUser(ctx.actor) &&
      (isAdministratorRole(ctx.actor.role) || ctx.actor.role === 'secretariat');
    const rows = await campaignsOfProgramme(ctx.database.db, programmeId, staff);
    return rows.map((c) => ({
      title: c.names[ctx.locale] || c.name,
      href: `/advocacy/campaigns/${c.id}`,
      ...(c.status === 'published' ? { publicHref: `/campaigns/${c.slug}` } : {}),
    }));
  },
});
