import { Route, Routes } from 'react-router';
import { type Capability, msg } from '../../app/capability.ts';
import { can } from '../../app/session.ts';
import { CaseDetailPage } from './CaseDetailPage.tsx';
import { CasesPage } from './CasesPage.tsx';
import { NewCasePage } from './NewCasePage.tsx';

function CaseRoutes() {
  return (
    <Routes>
      <Route index element={<CasesPage />} />
      <Route path="new" element={<NewCasePage />} />
      <Route path=":id" element={<CaseDetailPage />} />
    </Routes>
  );
}

export const casesCapability: Capability = {
  id: 'cases',
  navLabel: msg('Cases'),
  description: msg('Legal-aid cases across borders: confidential, consent-gated, every read recorded.'),
  path: '/cases',
  element: <CaseRoutes />,
  visible: (abilities) => can(abilities, 'case', 'list'),
};
