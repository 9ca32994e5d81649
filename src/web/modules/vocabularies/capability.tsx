import { Route, Routes } from 'react-router';
import { type Capability, msg } from '../../app/capability.ts';
import { lazyPage } from '../../app/lazy.ts';
import { can } from '../../app/session.ts';

const VocabulariesPage = lazyPage(() => import('./VocabulariesPage.tsx'), 'VocabulariesPage');
const VocabularyPage = lazyPage(() => import('./VocabularyPage.tsx'), 'VocabularyPage');

function VocabularyRoutes() {
  return (
    <Routes>
      <Route index element={<VocabulariesPage />} />
      <Route path=":key" element={<VocabularyPage />} />
    </Routes>
  );
}

/** Administrators keep the controlled vocabularies; everyone else only reads them through the forms. */
export const vocabulariesCapability: Capability = {
  id: 'vocabularies',
  navLabel: msg('Vocabularies'),
  description: msg(
    'Terms for organisation types, membership roles and more, in every language; CSV export and import.',
  ),
  path: '/vocabularies',
  element: <VocabularyRoutes />,
  visible: (abilities) => can(abilities, 'vocabulary', 'update'),
};
