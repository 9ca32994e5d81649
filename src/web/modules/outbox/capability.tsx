import { type Capability, msg } from '../../app/capability.ts';
import { lazyPage } from '../../app/lazy.ts';
import { can } from '../../app/session.ts';

const OutboxPage = lazyPage(() => import('./OutboxPage.tsx'), 'OutboxPage');

export const outboxCapability: Capability = {
  id: 'outbox',
  navLabel: msg('Outbox'),
  description: msg(
    'Emails Tulay sent or holds, with invitation and reset links when no mail server is set up.',
  ),
  path: '/outbox',
  element: <OutboxPage />,
  visible: (abilities) => can(abilities, 'outbox', 'read'),
};
