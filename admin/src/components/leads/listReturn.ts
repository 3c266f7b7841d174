/**
 * The way back from a lead's profile to the list it was opened from: the list keeps its search,
 * filters, sort, page and view in its URL's query, which a link to a profile carries in its
 * history state; the profile's "Back to the leads" goes to that very URL.
 */
const LIST = '/plugins/crm';

/** The history state a link from the list to a profile carries. */
export const listReturnState = (search: string) => ({ crmListSearch: search });

/** The list's URL to go back to: the one the profile was opened from, else the default list. */
export const listReturnPath = (state: unknown): string => {
  const search = (state as { crmListSearch?: unknown } | null)?.crmListSearch;
  return typeof search === 'string' && search.startsWith('?') ? `${LIST}${search}` : LIST;
};
