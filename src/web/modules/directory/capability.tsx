import { type Capability, msg } from '../../app/capability.ts';
import { lazyPage } from '../../app/lazy.ts';
import { can } from '../../app/session.ts';

const DirectoryRoutes = lazyPage(() => import('./DirectoryRoutes.tsx'), 'DirectoryRoutes');

export const directoryCapability: Capability = {
  id: 'directory',
  navLabel: msg('Directory'),
  description: msg(
    'Organisations, networks, people and memberships: search, filter, map, import and export.',
  ),
  path: '/directory',
  element: <DirectoryRoutes />,
  visible: (abilities) => can(abilities, 'organisation', 'list'),
};
