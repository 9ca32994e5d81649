import { type Capability, msg } from '../../app/capability.ts';
import { lazyPage } from '../../app/lazy.ts';
import { can } from '../../app/session.ts';

const EventsPage = lazyPage(() => import('./EventsPage.tsx'), 'EventsPage');

export const eventsCapability: Capability = {
  id: 'events',
  navLabel: msg('Events'),
  description: msg(
    'Plan conferences, trainings, dialogues and caucus meetings; invite people and record attendance.',
  ),
  path: '/convenings',
  element: <EventsPage />,
  visible: (abilities) => can(abilities, 'event', 'list'),
};
