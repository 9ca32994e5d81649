import { type Capability, msg } from '../../app/capability.ts';
import { can } from '../../app/session.ts';
import { BASE } from './base.ts';
import { CampaignsPage } from './CampaignsPage.tsx';

export const campaignsCapability: Capability = {
  id: 'campaigns',
  navLabel: msg('Campaigns'),
  description: msg('Track campaigns country by country: stages, sources and the organisations that sign on.'),
  // /campaigns itself is the public tracker, rendered by the server.
  path: BASE,
  element: <CampaignsPage />,
  visible: (abilities) => can(abilities, 'campaign', 'list'),
};
