import { CUSTOMER_UID, type ConvertLead, type GetConversion } from '../../../server/src/contracts';
import { aroundLead, crmApi, leadPath } from './crm';

/** `Relations`: the Content Manager's relation fields (the lead's status and customer in its edit view). */
const conversionApi = crmApi.enhanceEndpoints({ addTagTypes: ['Relations'] }).injectEndpoints({
  endpoints: (build) => ({
    /** The dialog's prefill (`GET /crm/leads/:id/conversion`). */
    getConversion: build.query<GetConversion.Response, string>({
      query: (leadId) => leadPath(leadId, '/conversion'),
      providesTags: (_result, _error, leadId) => [{ type: 'CrmConversion', id: leadId }],
    }),
    /**
     * Converts the lead (`POST /crm/leads/:id/convert`). The lead, the list, the board, its log,
     * its sections (notes may move to the customer) and the Content Manager's lead, its relation
     * fields and customers are read again.
     */
    convertLead: build.mutation<ConvertLead.Response, { leadId: string; body: ConvertLead.Request['body'] }>({
      query: ({ leadId, body }) => ({ url: leadPath(leadId, '/convert'), method: 'POST', data: body }),
      invalidatesTags: (_result, error, { leadId }) =>
        error
          ? []
          : [
              { type: 'CrmLead', id: leadId },
              { type: 'CrmSection' },
              ...aroundLead(leadId),
              { type: 'Document', id: `${CUSTOMER_UID}_LIST` },
              // the edit view shows the status and the customer through its relations endpoint
              'Relations',
            ],
    }),
  }),
});

export const { useGetConversionQuery, useConvertLeadMutation } = conversionApi;
