import { type Capability, msg } from '../../app/capability.ts';
import { lazyPage } from '../../app/lazy.ts';
import { can } from '../../app/session.ts';
import { BASE } from './labels.ts';

const RecommendationsPage = lazyPage(() => import('./RecommendationsPage.tsx'), 'RecommendationsPage');

export const recommendationsCapability: Capability = {
  id: 'recommendations',
  navLabel: msg('Recommendations'),
  description: msg('Follow up the recommendations adopted in dialogues with governments and their missions.'),
  path: BASE,
  element: <RecommendationsPage />,
  visible: (abilities) => can(abilities, 'recommendation', 'list'),
};
