import { type Capability, msg } from '../../app/capability.ts';
import { lazyPage } from '../../app/lazy.ts';
import { can } from '../../app/session.ts';

const AuditPage = lazyPage(() => import('./AuditPage.tsx'), 'AuditPage');

export const auditCapability: Capability = {
  id: 'audit',
  navLabel: msg('Audit log'),
  description: msg('Who did what and when: sign-ins, changes, refusals. Search and export.'),
  path: '/audit',
  element: <AuditPage />,
  visible: (abilities) => can(abilities, 'audit', 'search'),
};
