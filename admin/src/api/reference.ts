import { useMemo } from 'react';
import type {
  ContentManagerList,
  CustomFieldDefinition,
  FindStaff,
  LeadSettings,
  NamedRef,
  StatusRef,
} from '../../../server/src/contracts';
import { crmApi } from './crm';

export { staffName } from '../../../server/src/contracts';

const cm = (uid: string, query: string) =>
  `/content-manager/collection-types/${uid}?page=1&pageSize=100&${query}`;

const REFERENCE = ['CrmReference'] as const;

const referenceApi = crmApi.injectEndpoints({
  endpoints: (build) => ({
    getStatuses: build.query<ContentManagerList<StatusRef>, void>({
      query: () => cm('plugin::crm.lead-status', 'sort=order:ASC'),
      providesTags: [...REFERENCE],
    }),
    getSources: build.query<ContentManagerList<NamedRef>, void>({
      query: () => cm('plugin::crm.lead-source', 'sort=name:ASC'),
      providesTags: [...REFERENCE],
    }),
    getTags: build.query<ContentManagerList<NamedRef>, void>({
      query: () => cm('plugin::crm.tag', 'sort=name:ASC'),
      providesTags: [...REFERENCE],
    }),
    getLeadCustomFields: build.query<ContentManagerList<CustomFieldDefinition>, void>({
      query: () =>
        cm('plugin::crm.custom-field', 'filters[target][$eq]=lead&filters[active][$eq]=true&sort=name:ASC'),
      providesTags: [...REFERENCE],
    }),
    /** The staff a lead or task can be assigned to (`GET /crm/staff`). */
    getStaff: build.query<FindStaff.Response, void>({
      query: () => '/crm/staff',
      providesTags: [...REFERENCE],
    }),
  }),
});

export const {
  useGetStatusesQuery,
  useGetSourcesQuery,
  useGetTagsQuery,
  useGetLeadCustomFieldsQuery,
  useGetStaffQuery,
} = referenceApi;

/**
 * Statuses, sources, tags, lead custom-field definitions and the team: what filters, pickers and
 * forms offer. Each is read with the caller's own rights; one that may not be read stays empty.
 */
export const useReferenceData = () => {
  const statuses = useGetStatusesQuery();
  const sources = useGetSourcesQuery();
  const tags = useGetTagsQuery();
  const customFields = useGetLeadCustomFieldsQuery();
  const staff = useGetStaffQuery();

  return useMemo(
    () => ({
      loading: [statuses, sources, tags, customFields, staff].some((r) => r.isLoading),
      statuses: statuses.data?.results ?? [],
      sources: sources.data?.results ?? [],
      tags: tags.data?.results ?? [],
      customFields: customFields.data?.results ?? [],
      staff: staff.data?.data ?? [],
    }),
    [statuses, sources, tags, customFields, staff]
  );
};

export type ReferenceData = ReturnType<typeof useReferenceData>;

/** Before (or without) the server's answer: the plugin config's own defaults. */
export const DEFAULT_SETTINGS: LeadSettings = {
  currency: 'USD',
  defaultStatus: 'New',
  defaultSource: 'Website',
};

/** The currency of lead values and a new lead's default status and source, from the plugin config. */
export const useLeadSettings = (): LeadSettings =>
  useGetStaffQuery().data?.meta?.settings ?? DEFAULT_SETTINGS;

/**
 * The status and source a new lead starts with: the configured ones by name (the status only if it
 * is not the customer status), else the first open status; no source when the named one is gone.
 */
export const defaultsFor = (
  settings: LeadSettings,
  statuses: StatusRef[],
  sources: NamedRef[]
): { status: string; source: string } => {
  const open = statuses.filter((status) => !status.isCustomerStatus);
  const status = open.find((s) => s.name === settings.defaultStatus) ?? open[0];
  const source = sources.find((s) => s.name === settings.defaultSource);
  return { status: status?.documentId ?? '', source: source?.documentId ?? '' };
};

/** The staff a lead or task can be assigned to. */
export const useStaffList = () => useGetStaffQuery().data?.data ?? [];
