import { type Capability, msg } from '../../app/capability.ts';
import { lazyPage } from '../../app/lazy.ts';
import { can } from '../../app/session.ts';
import { BASE } from './base.ts';

const CampaignsPage = lazyPage(() => import('./CampaignsPage.tsx'), 'CampaignsPage');

export const campaignsCapability: Capability = {
  id: 'campaigns',
  navLabel: msg('Campaigns'),
  description: msg('Track campaigns country by country: stages, sources and the organisations that sign on.'),
  // /campaigns itself is the public tracker, rendered by the server.
  path: BASE,
  element: <CampaignsPage />,
  visible: (abilities) => can(abilities, 'campaign', 'list'),
};
