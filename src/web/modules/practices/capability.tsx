import { type Capability, msg } from '../../app/capability.ts';
import { lazyPage } from '../../app/lazy.ts';
import { can } from '../../app/session.ts';

const PracticesPage = lazyPage(() => import('./PracticesPage.tsx'), 'PracticesPage');

export const practicesCapability: Capability = {
  id: 'practices',
  navLabel: msg('Good practices'),
  description: msg('Propose good practices, review them and publish them to the public database.'),
  path: '/knowledge',
  element: <PracticesPage />,
  visible: (abilities) => can(abilities, 'practice', 'list'),
};
