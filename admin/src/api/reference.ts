import { useMemo } from 'react';
import type {
  ContentManagerList,
  CustomFieldDefinition,
  FindStaff,
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

/** The staff a lead or task can be assigned to. */
export const useStaffList = () => useGetStaffQuery().data?.data ?? [];
