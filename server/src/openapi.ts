import { CUSTOMER_CONTACT_FIELDS, CUSTOMER_SELF_EDITABLE_FIELDS } from './content-types/customer/fields';

/**
 * The plugin's content-API routes in OpenAPI 3, for Strapi's documentation plugin. Registered
 * when that plugin is installed; it shows them when the app lists `crm` in its
 * `x-strapi-config.plugins`.
 */
const error = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

const text = { type: 'string', maxLength: 255 };

const profile = {
  type: 'object',
  properties: Object.fromEntries(
    ['documentId', ...CUSTOMER_CONTACT_FIELDS].map((f) => [
      f,
      { type: 'string', nullable: f !== 'documentId' && f !== 'firstName' },
    ])
  ),
};

export const openApiOverride = {
  paths: {
    '/crm/web-leads': {
      post: {
        tags: ['Crm'],
        operationId: 'post/crm/web-leads',
        summary: "Capture a lead from a site's contact form",
        description:
          'Needs plugin::crm.web-lead.create (Public role or API token). Fields outside the configured list are ignored; a filled honeypot is accepted and dropped; rate limited per IP.',
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/CrmWebLeadRequest' } } },
        },
        responses: {
          201: {
            description: 'Captured (no lead data is returned)',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/CrmOkResponse' } } },
          },
          400: error('A field is invalid: every bad field is named in error.details.errors'),
          403: error('The permission has not been granted'),
          429: error('Too many submissions from this address; see Retry-After'),
        },
      },
    },
    '/crm/me': {
      get: {
        tags: ['Crm'],
        operationId: 'get/crm/me',
        summary: "The logged-in customer's profile",
        responses: {
          200: {
            description: 'The profile',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/CrmProfileResponse' } } },
          },
          403: error('Not a customer login'),
          404: error('No customer profile belongs to this account'),
        },
      },
      put: {
        tags: ['Crm'],
        operationId: 'put/crm/me',
        summary: "Update the logged-in customer's editable fields",
        requestBody: {
          required: true,
          content: {
            'application/json': { schema: { $ref: '#/components/schemas/CrmProfileUpdateRequest' } },
          },
        },
        responses: {
          200: {
            description: 'The updated profile',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/CrmProfileResponse' } } },
          },
          400: error('A field is invalid or may not be changed'),
          403: error('Not a customer login'),
          404: error('No customer profile belongs to this account'),
        },
      },
    },
  },
  components: {
    schemas: {
      CrmWebLeadRequest: {
        type: 'object',
        required: ['name'],
        properties: {
          name: text,
          email: { type: 'string', format: 'email' },
          phone: text,
          company: text,
          website: { type: 'string', format: 'uri' },
          position: text,
          city: text,
          country: text,
          description: { type: 'string', maxLength: 10000 },
          customFields: {
            type: 'object',
            additionalProperties: true,
            description: 'Values of lead custom fields offered on web forms, by slug',
          },
          consent: {
            type: 'object',
            required: ['given', 'text'],
            properties: {
              given: { type: 'boolean', enum: [true] },
              text: { type: 'string', maxLength: 10000 },
            },
          },
        },
      },
      CrmOkResponse: {
        type: 'object',
        properties: { data: { type: 'object', properties: { ok: { type: 'boolean', enum: [true] } } } },
      },
      CrmProfileResponse: { type: 'object', properties: { data: profile } },
      CrmProfileUpdateRequest: {
        type: 'object',
        properties: Object.fromEntries(CUSTOMER_SELF_EDITABLE_FIELDS.map((f) => [f, text])),
      },
    },
  },
};
