import { type Capability, msg } from '../../app/capability.ts';
import { can } from '../../app/session.ts';
import { StatisticsPage } from './StatisticsPage.tsx';

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
