import { type Capability, msg } from '../../app/capability.ts';
import { lazyPage } from '../../app/lazy.ts';
import { can } from '../../app/session.ts';

const AgreementsPage = lazyPage(() => import('./AgreementsPage.tsx'), 'AgreementsPage');

export const agreementsCapability: Capability = {
  id: 'agreements',
  navLabel: msg('Agreements'),
  description: msg(
    'Keep the register of labour agreements and regional instruments the network monitors, with their provisions, corridors and findings.',
  ),
  path: '/manage/agreements',
  element: <AgreementsPage />,
  visible: (abilities) => can(abilities, 'agreement', 'list'),
};
