import type { ContentManagerList, CustomFieldDefinition } from '../../../../server/src/contracts';
import { crmApi } from '../../api/crm';

export type CustomFieldTarget = 'lead' | 'customer';

const definitionsApi = crmApi.injectEndpoints({
  endpoints: (build) => ({
    /** The active custom fields of leads or customers, in their order (Content Manager route). */
    getCustomFieldDefinitions: build.query<ContentManagerList<CustomFieldDefinition>, CustomFieldTarget>({
      query: (target) =>
        `/content-manager/collection-types/plugin::crm.custom-field?page=1&pageSize=100` +
        `&filters[target][$eq]=${target}&filters[active][$eq]=true&sort[0]=order:ASC&sort[1]=name:ASC`,
      providesTags: ['CrmReference'],
    }),
  }),
});

export const { useGetCustomFieldDefinitionsQuery } = definitionsApi;
