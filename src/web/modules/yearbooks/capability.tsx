import { type Capability, msg } from '../../app/capability.ts';
import { lazyPage } from '../../app/lazy.ts';
import { can } from '../../app/session.ts';

const YearbooksPage = lazyPage(() => import('./YearbooksPage.tsx'), 'YearbooksPage');

// Staff screens live at /editions: /yearbooks is the public pages' address.
export const yearbooksCapability: Capability = {
  id: 'yearbooks',
  navLabel: msg('Yearbooks and briefs'),
  description: msg(
    'Build yearbooks and policy briefs from the statistics, review them and publish their PDF.',
  ),
  path: '/editions',
  element: <YearbooksPage />,
  visible: (abilities) => can(abilities, 'yearbook', 'list'),
};
