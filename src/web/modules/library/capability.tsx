import { type Capability, msg } from '../../app/capability.ts';
import { can } from '../../app/session.ts';
import { LibraryPage } from './LibraryPage.tsx';

export const libraryCapability: Capability = {
  id: 'library',
  navLabel: msg('Library'),
  description: msg('Publications with their files: upload, text extraction for search, public downloads.'),
  path: '/library',
  element: <LibraryPage />,
  visible: (abilities) => can(abilities, 'publication', 'list'),
};
