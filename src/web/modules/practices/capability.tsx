import { type Capability, msg } from '../../app/capability.ts';
import { can } from '../../app/session.ts';
import { PracticesPage } from './PracticesPage.tsx';

export const practicesCapability: Capability = {
  id: 'practices',
  navLabel: msg('Good practices'),
  description: msg('Propose good practices, review them and publish them to the public database.'),
  path: '/knowledge',
  element: <PracticesPage />,
  visible: (abilities) => can(abilities, 'practice', 'list'),
};
