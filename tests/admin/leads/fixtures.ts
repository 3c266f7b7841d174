import { configure } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import type {
  BoardCard,
  CustomFieldDefinition,
  LeadSettings,
  LeadSummary,
  StatusRef,
} from '../../../server/src/contracts';
import { server } from '../../helpers/msw';

export const API = 'http://localhost:1337';

// a loaded two-core machine answers msw and renders the page slower than Testing Library's 1 s default
configure({ asyncUtilTimeout: 10_000 });

export const NEW: StatusRef = {
  documentId: 'st-new',
  name: 'New',
  color: '#4945ff',
  order: 1,
  isCustomerStatus: false,
};
export const CONTACTED: StatusRef = {
  documentId: 'st-contacted',
  name: 'Contacted',
  color: '#0c75af',
  order: 2,
  isCustomerStatus: false,
};
export const CUSTOMER: StatusRef = {
  documentId: 'st-customer',
  name: 'Customer',
  color: '#328048',
  order: 5,
  isCustomerStatus: true,
};
export const SOURCES = [
  { documentId: 'src-web', name: 'Website' },
  { documentId: 'src-ref', name: 'Referral' },
];
export const SAM = { id: 3, firstname: 'Sam', lastname: 'Seller' };

export const BUDGET: CustomFieldDefinition = {
  documentId: 'cf-budget',
  name: 'Budget',
  slug: 'budget',
  type: 'number',
  options: null,
  required: true,
  active: true,
};
export const INDUSTRY: CustomFieldDefinition = {
  documentId: 'cf-industry',
  name: 'Industry',
  slug: 'industry',
  type: 'select',
  options: ['Retail', 'Energy'],
  required: false,
  active: true,
};

export const summary = (name: string, extra: Partial<LeadSummary> = {}): LeadSummary => ({
  documentId: `doc-${name}`,
  name,
  position: null,
  email: `${name.toLowerCase()}@example.com`,
  website: null,
  phone: '+44 20 7946 0000',
  value: 1200,
  company: `${name} Ltd`,
  address: null,
  city: null,
  state: null,
  country: null,
  zip: null,
  description: null,
  isPublic: true,
  contactedToday: false,
  lastContactAt: null,
  lost: false,
  junk: false,
  dateConverted: null,
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
  status: NEW,
  source: SOURCES[0],
  assignedTo: SAM,
  tags: [],
  ...extra,
});

export const card = (name: string, extra: Partial<BoardCard> = {}): BoardCard => ({
  ...summary(name),
  nextTask: null,
  ...extra,
});

/** Content Manager list routes hold `::`, which msw's path syntax would read as a parameter. */
const cm = (type: string) => new RegExp(`/content-manager/collection-types/plugin::crm\\.${type}(\\?|$)`);
const cmList = (results: object[]) => HttpResponse.json({ results, pagination: { page: 1, pageSize: 100 } });

/**
 * The reference data (with the settings `GET /crm/staff` answers) and the list; returns the query
 * of every list request and the leads it answers (a test may push to them).
 */
export const serveLeads = ({
  settings = { currency: 'EUR', defaultStatus: 'Contacted', defaultSource: 'Referral' },
  customFields = [BUDGET, INDUSTRY],
  leads = [summary('Ada')],
  total,
}: {
  settings?: LeadSettings;
  customFields?: CustomFieldDefinition[];
  leads?: LeadSummary[];
  total?: { total: number; totalCapped?: boolean };
} = {}) => {
  const queries: URLSearchParams[] = [];
  server.use(
    http.get(cm('lead-status'), () => cmList([NEW, CONTACTED, CUSTOMER])),
    http.get(cm('lead-source'), () => cmList(SOURCES)),
    http.get(cm('tag'), () => cmList([])),
    http.get(cm('custom-field'), () => cmList(customFields)),
    http.get(`${API}/crm/staff`, () => HttpResponse.json({ data: [SAM], meta: { settings } })),
    http.get(`${API}/crm/leads`, ({ request }) => {
      const params = new URL(request.url).searchParams;
      queries.push(params);
      return HttpResponse.json({
        data: leads,
        meta: {
          pagination: {
            page: Number(params.get('page')),
            pageSize: 25,
            pageCount: 1,
            total: leads.length,
            ...total,
          },
        },
      });
    })
  );
  return { queries, leads };
};

/** Replaces an input's text the way a paste does (typing each key re-renders the whole form). */
export const fill = async (
  userEvent: {
    clear: (e: Element) => Promise<void>;
    click: (e: Element) => Promise<void>;
    paste: (t: string) => Promise<void>;
  },
  input: HTMLElement,
  text: string
) => {
  await userEvent.clear(input);
  await userEvent.click(input);
  await userEvent.paste(text);
};
