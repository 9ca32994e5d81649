import { type Capability, msg } from '../../app/capability.ts';
import { lazyPage } from '../../app/lazy.ts';
import { can } from '../../app/session.ts';

const UsersPage = lazyPage(() => import('./UsersPage.tsx'), 'UsersPage');

export const usersCapability: Capability = {
  id: 'users',
  navLabel: msg('Users'),
  description: msg(
    'Invite colleagues, change roles, suspend accounts and decide which roles need two-factor authentication.',
  ),
  path: '/users',
  element: <UsersPage />,
  visible: (abilities) => can(abilities, 'user', 'list'),
};
