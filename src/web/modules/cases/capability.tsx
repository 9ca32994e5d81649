import { Route, Routes } from 'react-router';
import { type Capability, msg } from '../../app/capability.ts';
import { lazyPage } from '../../app/lazy.ts';
import { can } from '../../app/session.ts';

const CaseDetailPage = lazyPage(() => import('./CaseDetailPage.tsx'), 'CaseDetailPage');
const CaseStatisticsPage = lazyPage(() => import('./CaseStatisticsPage.tsx'), 'CaseStatisticsPage');
const CaseSupervisorsPage = lazyPage(() => import('./CaseSupervisorsPage.tsx'), 'CaseSupervisorsPage');
const CasesPage = lazyPage(() => import('./CasesPage.tsx'), 'CasesPage');
const NewCasePage = lazyPage(() => import('./NewCasePage.tsx'), 'NewCasePage');

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

/** Anonymised statistics: for every staff role, also those who handle no cases themselves. */
export const caseStatisticsCapability: Capability = {
  id: 'case-statistics',
  navLabel: msg('Case statistics'),
  description: msg('Anonymised counts of consented cases by corridor, sector, violation, outcome and year.'),
  path: '/case-statistics',
  element: <CaseStatisticsPage />,
  visible: (abilities) => can(abilities, 'caseStatistics', 'read'),
};

/** Administrators and secretariat staff name who supervises their organisation's cases. */
export const caseSupervisorsCapability: Capability = {
  id: 'case-supervisors',
  navLabel: msg('Case supervisors'),
  description: msg('Name who supervises your organisation’s cases and who receives Get-help requests.'),
  path: '/case-supervisors',
  element: <CaseSupervisorsPage />,
  visible: (abilities) => can(abilities, 'caseSupervisor', 'list'),
};
