import { type Capability, msg } from '../../app/capability.ts';
import { can } from '../../app/session.ts';
import { EventsPage } from './EventsPage.tsx';

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
