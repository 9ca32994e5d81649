import { type Capability, msg } from '../../app/capability.ts';
import { lazyPage } from '../../app/lazy.ts';
import { can } from '../../app/session.ts';

const ProgrammesPage = lazyPage(() => import('./ProgrammesPage.tsx'), 'ProgrammesPage');

// Staff screens live under /advocacy/programmes: /programmes is the server-rendered public page.
export const programmesCapability: Capability = {
  id: 'programmes',
  navLabel: msg('Programmes'),
  description: msg(
    'Create, publish and archive the programmes the network runs, with their people and reach.',
  ),
  path: '/advocacy/programmes',
  element: <ProgrammesPage />,
  visible: (abilities) => can(abilities, 'programme', 'list'),
};
