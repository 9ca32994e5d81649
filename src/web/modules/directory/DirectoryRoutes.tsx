import { Route, Routes } from 'react-router';
import { DuplicatesPage } from './DuplicatesPage.tsx';
import { ImportPage } from './ImportPage.tsx';
import { NewOrganisationPage } from './NewOrganisationPage.tsx';
import { NewPersonPage } from './NewPersonPage.tsx';
import { OrganisationPage } from './OrganisationPage.tsx';
import { OrganisationsPage } from './OrganisationsPage.tsx';
import { PeoplePage } from './PeoplePage.tsx';
import { PersonPage } from './PersonPage.tsx';

/** The directory's own pages under /directory. */
export function DirectoryRoutes() {
  return (
    <Routes>
      <Route index element={<OrganisationsPage />} />
      <Route path="organisations/new" element={<NewOrganisationPage />} />
      <Route path="organisations/:id" element={<OrganisationPage />} />
      <Route path="people" element={<PeoplePage />} />
      <Route path="people/new" element={<NewPersonPage />} />
      <Route path="people/:id" element={<PersonPage />} />
      <Route path="import" element={<ImportPage />} />
      <Route path="duplicates" element={<DuplicatesPage />} />
    </Routes>
  );
}
