import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { ABILITIES } from '../../../server/src/contracts';
import { AbilitiesProvider } from '../hooks/useAbilities';
import { LeadProfilePage } from './LeadProfilePage';
import { LeadsPage } from './LeadsPage';
import { MyWorkPage } from './MyWorkPage';
import { ReportsPage } from './ReportsPage';

const App = () => (
  <Page.Protect permissions={ABILITIES.readLeads}>
    <AbilitiesProvider>
      <Routes>
        <Route index element={<LeadsPage />} />
        <Route path="leads/:documentId" element={<LeadProfilePage />} />
        <Route path="reports" element={<ReportsPage />} />
        <Route path="my-work" element={<MyWorkPage />} />
        <Route path="*" element={<Page.Error />} />
      </Routes>
    </AbilitiesProvider>
  </Page.Protect>
);

export default App;
