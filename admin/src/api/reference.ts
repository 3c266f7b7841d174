import { useMemo } from 'react';
import type { CustomFieldDefinition, NamedRef, StaffRef, StatusRef } from './types';
import { useRequest } from './useRequest';

/** The Content Manager's answer for a collection type; the CRM's reference types are read through it. */
interface CmList<T> {
  results: T[];
}

const cm = (uid: string, query: string) =>
  `/content-manager/collection-types/${uid}?page=1&pageSize=100&${query}`;

/**
 * Statuses, sources, tags, lead custom-field definitions and the team: what filters, pickers and
 * forms offer. Each is read with the caller's own rights; one that may not be read stays empty.
 */
export const useReferenceData = () => {
  const statuses = useRequest<CmList<StatusRef>>(cm('plugin::crm.lead-status', 'sort=order:ASC'));
  const sources = useRequest<CmList<NamedRef>>(cm('plugin::crm.lead-source', 'sort=name:ASC'));
  const tags = useRequest<CmList<NamedRef>>(cm('plugin::crm.tag', 'sort=name:ASC'));
  const customFields = useRequest<CmList<CustomFieldDefinition>>(
    cm('plugin::crm.custom-field', 'filters[target][$eq]=lead&filters[active][$eq]=true&sort=name:ASC')
  );
  const staff = useRequest<{ data: StaffRef[] }>('/crm/staff');

  return useMemo(
    () => ({
      loading: [statuses, sources, tags, customFields, staff].some((r) => r.status === 'loading'),
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

/** The staff a lead or task can be assigned to (`GET /crm/staff`). */
export const useStaffList = (): StaffRef[] => useRequest<{ data: StaffRef[] }>('/crm/staff').data?.data ?? [];

/** "Ada Lovelace", or the first name alone. */
export const staffName = (member: Pick<StaffRef, 'firstname' | 'lastname'> | null | undefined) =>
  member ? [member.firstname, member.lastname].filter(Boolean).join(' ') : '';
