import { type Capability, msg } from '../../app/capability.ts';
import { lazyPage } from '../../app/lazy.ts';
import { can } from '../../app/session.ts';

const InternshipsPage = lazyPage(() => import('./InternshipsPage.tsx'), 'InternshipsPage');

export const internshipsCapability: Capability = {
  id: 'internships',
  navLabel: msg('Internships'),
  description: msg(
    'Review applications for internships and volunteering, and place interns with their school and supervisor.',
  ),
  path: '/manage/internships',
  element: <InternshipsPage />,
  visible: (abilities) => can(abilities, 'internshipApplication', 'list'),
};
