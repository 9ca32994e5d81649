import { type Capability, msg } from '../../app/capability.ts';
import { lazyPage } from '../../app/lazy.ts';
import { can } from '../../app/session.ts';

const CaucusPage = lazyPage(() => import('./CaucusPage.tsx'), 'CaucusPage');

export const caucusCapability: Capability = {
  id: 'caucus',
  navLabel: msg('Caucus'),
  description: msg(
    'Keep the inter-parliamentary caucus: members of parliament and their seats, the membership, resolutions with their signatories, and the Popolo export.',
  ),
  path: '/manage/caucus',
  element: <CaucusPage />,
  visible: (abilities) => can(abilities, 'caucus', 'list'),
};
