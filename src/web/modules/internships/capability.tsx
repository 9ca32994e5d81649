import { type Capability, msg } from '../../app/capability.ts';
import { can } from '../../app/session.ts';
import { InternshipsPage } from './InternshipsPage.tsx';

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
