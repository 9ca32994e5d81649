import { type Capability, msg } from '../../app/capability.ts';
import { lazyPage } from '../../app/lazy.ts';
import { can } from '../../app/session.ts';

const StatisticsPage = lazyPage(() => import('./StatisticsPage.tsx'), 'StatisticsPage');

export const statisticsCapability: Capability = {
  id: 'statistics',
  navLabel: msg('Statistics'),
  description: msg(
    'Migration figures from ILOSTAT, UN DESA and the network, country profiles and their sources.',
  ),
  path: '/datasets',
  element: <StatisticsPage />,
  visible: (abilities) => can(abilities, 'statistics', 'read'),
};
