import { type Capability, msg } from '../../app/capability.ts';
import { lazyPage } from '../../app/lazy.ts';
import { can } from '../../app/session.ts';

const LibraryPage = lazyPage(() => import('./LibraryPage.tsx'), 'LibraryPage');

export const libraryCapability: Capability = {
  id: 'library',
  navLabel: msg('Library'),
  description: msg('Publications with their files: upload, text extraction for search, public downloads.'),
  path: '/library',
  element: <LibraryPage />,
  visible: (abilities) => can(abilities, 'publication', 'list'),
};
