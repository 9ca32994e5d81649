import { type Capability, msg } from '../../app/capability.ts';
import { lazyPage } from '../../app/lazy.ts';
import { can } from '../../app/session.ts';

const TrainingsPage = lazyPage(() => import('./TrainingsPage.tsx'), 'TrainingsPage');

export const trainingsCapability: Capability = {
  id: 'trainings',
  navLabel: msg('Trainings'),
  description: msg(
    'Training courses and their cohorts: completion, certificates, follow-ups, alumni and reach.',
  ),
  path: '/trainings',
  element: <TrainingsPage />,
  visible: (abilities) => can(abilities, 'training', 'list'),
};
