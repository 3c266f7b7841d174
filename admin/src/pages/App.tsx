import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { PERMISSIONS } from '../permissions';
import { LeadsPage } from './LeadsPage';

const App = () => (
  <Page.Protect permissions={PERMISSIONS.readLeads}>
    <Routes>
      <Route index element={<LeadsPage />} />
      <Route path="*" element={<Page.Error />} />
    </Routes>
  </Page.Protect>
);

export default App;
