import { http, HttpResponse } from 'msw';
import { Route, Routes, useLocation } from 'react-router-dom';
import type {
  ApiError,
  ContentManagerList,
  CustomFieldDefinition,
  ErrorResponse,
  FindStaff,
  GetLead,
  LeadDetail,
  NamedRef,
  StaffRef,
  StatusRef,
} from '../../../server/src/contracts';
import { listReturnState } from '../../../admin/src/components/leads/listReturn';
import { LeadProfilePage } from '../../../admin/src/pages/LeadProfilePage';
import { server } from '../../helpers/msw';
import { render } from '../../helpers/render';

export const API = 'http://localhost:1337';
export const LEAD_ID = 'lead-ada';

export const NEW: StatusRef = {
  documentId: 'st-new',
  name: 'New',
  color: '#4945ff',
  order: 1,
  isCustomerStatus: false,
};
export const QUALIFIED: StatusRef = {
  documentId: 'st-qualified',
  name: 'Qualified',
  color: '#f29d41',
  order: 3,
  isCustomerStatus: false,
};
export const CUSTOMER: StatusRef = {
  documentId: 'st-customer',
  name: 'Customer',
  color: '#328048',
  order: 5,
  isCustomerStatus: true,
};
export const SAM: StaffRef = { id: 3, firstname: 'Sam', lastname: 'Seller' };
export const MIA: StaffRef = { id: 4, firstname: 'Mia', lastname: 'Manager' };

/** A lead as `GET /crm/leads/:id` answers it. */
export const lead = (overrides: Partial<LeadDetail> = {}): LeadDetail => ({
  documentId: LEAD_ID,
  name: 'Ada Lovelace',
  position: 'Analyst',
  email: 'ada@example.com',
  website: null,
  phone: null,
  value: 1200,
  company: 'Engines Ltd',
  address: null,
  city: 'London',
  state: null,
  country: null,
  zip: null,
  description: null,
  isPublic: false,
  contactedToday: false,
  lastContactAt: null,
  lost: false,
  junk: false,
  dateConverted: null,
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
  status: NEW,
  source: { documentId: 'src-web', name: 'Website' },
  assignedTo: SAM,
  tags: [],
  customFields: { budget: 5000 },
  createdBy: SAM,
  customer: null,
  attachments: [],
  ...overrides,
});

/** Content Manager list routes hold `::`, which msw's path syntax would read as a parameter. */
const cm = (type: string) => new RegExp(`/content-manager/collection-types/plugin::crm\\.${type}(\\?|$)`);
const cmList = <T,>(results: T[]) =>
  HttpResponse.json<ContentManagerList<T>>({ results, pagination: { page: 1, pageSize: 100 } });

export const envelope = (
  status: number,
  name: string,
  message: string,
  details: ApiError['details'] = {}
): ErrorResponse => ({
  data: null,
  error: { status, name, message, details },
});

/** Serves the lead and the reference data the profile reads whatever its tab. */
export const serveProfile = (current: LeadDetail = lead()) => {
  server.use(
    http.get(cm('lead-status'), () => cmList<StatusRef>([NEW, QUALIFIED, CUSTOMER])),
    http.get(cm('lead-source'), () =>
      cmList<NamedRef>([
        { documentId: 'src-web', name: 'Website' },
        { documentId: 'src-ref', name: 'Referral' },
      ])
    ),
    http.get(cm('tag'), () => cmList<NamedRef>([{ documentId: 'tag-vip', name: 'VIP' }])),
    http.get(cm('custom-field'), () =>
      cmList<CustomFieldDefinition>([
        {
          documentId: 'cf-budget',
          name: 'Budget',
          slug: 'budget',
          type: 'number',
          options: null,
          required: false,
          active: true,
        },
      ])
    ),
    http.get(`${API}/crm/staff`, () => HttpResponse.json<FindStaff.Response>({ data: [SAM, MIA] })),
    http.get(`${API}/crm/leads/${LEAD_ID}`, () => HttpResponse.json<GetLead.Response>({ data: current }))
  );
};

interface Options {
  tab?: string;
  /** the list's query the profile was opened from (a link's history state) */
  from?: string;
  permissions?: { action: string; subject?: string | null }[];
}

/** The leads list's route, saying which query it was opened with. */
const LeadsList = () => <p>The leads list{useLocation().search}</p>;

/** Renders the profile at its route, with the leads list one link away. */
export const renderProfile = ({ tab, from, permissions }: Options = {}) =>
  render(
    <Routes>
      <Route path="/plugins/crm" element={<LeadsList />} />
      <Route path="/plugins/crm/leads/:documentId" element={<LeadProfilePage />} />
    </Routes>,
    {
      initialEntries: [
        {
          pathname: `/plugins/crm/leads/${LEAD_ID}`,
          search: tab ? `?tab=${tab}` : '',
          state: from === undefined ? null : listReturnState(from),
        },
      ],
      permissions,
    }
  );

const CM = 'plugin::content-manager.explorer';

/** What the Sales Staff role holds: no delete on leads, no anonymize. */
export const SALES_STAFF = [
  ...['read', 'create', 'update'].map((action) => ({
    action: `${CM}.${action}`,
    subject: 'plugin::crm.lead',
  })),
  ...['read', 'create', 'update', 'delete'].flatMap((action) =>
    ['customer', 'note', 'task', 'reminder', 'opportunity'].map((type) => ({
      action: `${CM}.${action}`,
      subject: `plugin::crm.${type}`,
    }))
  ),
  { action: 'plugin::crm.leads.convert' },
  { action: 'plugin::crm.leads.export' },
];
