import { Route, Routes } from 'react-router';
import { GetHelpPage } from './GetHelpPage.tsx';
import { GetHelpStatusPage } from './GetHelpStatusPage.tsx';

/** The public Get-help pages (no sign-in): ask for help, and come back with the codes. */
export function GetHelpRoutes() {
  return (
    <Routes>
      <Route index element={<GetHelpPage />} />
      <Route path="status" element={<GetHelpStatusPage />} />
    </Routes>
  );
}
