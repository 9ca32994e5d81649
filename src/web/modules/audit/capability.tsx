import { type Capability, msg } from '../../app/capability.ts';
import { can } from '../../app/session.ts';
import { AuditPage } from './AuditPage.tsx';

export const auditCapability: Capability = {
  id: 'audit',
  navLabel: msg('Audit log'),
  description: msg('Who did what and when: sign-ins, changes, refusals. Search and export.'),
  path: '/audit',
  element: <AuditPage />,
  visible: (abilities) => can(abilities, 'audit', 'search'),
};
