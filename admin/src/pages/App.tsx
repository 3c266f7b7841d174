import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { AbilitiesContext, useUserAbilities } from '../hooks/useAbilities';
import { PERMISSIONS } from '../permissions';
import { LeadProfilePage } from './LeadProfilePage';
import { LeadsPage } from './LeadsPage';

const App = () => (
  <Page.Protect permissions={PERMISSIONS.readLeads}>
    <AbilitiesContext.Provider value={useUserAbilities()}>
      <Routes>
        <Route index element={<LeadsPage />} />
        <Route path="leads/:documentId" element={<LeadProfilePage />} />
        <Route path="*" element={<Page.Error />} />
      </Routes>
    </AbilitiesContext.Provider>
  </Page.Protect>
);

export default App;
