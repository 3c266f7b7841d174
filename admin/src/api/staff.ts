import { useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';

export interface StaffMember {
  id: number;
  firstname: string | null;
  lastname: string | null;
}

type StaffState = { status: 'loading' } | { status: 'error' } | { status: 'success'; staff: StaffMember[] };

/** Loads `GET /crm/staff`: the admin users a lead can be assigned to. */
export const useStaff = (): StaffState => {
  const { get } = useFetchClient();
  const [state, setState] = useState<StaffState>({ status: 'loading' });

  useEffect(() => {
    let cancelled = false;
    get<{ data: StaffMember[] }>('/crm/staff')
      .then(({ data }) => !cancelled && setState({ status: 'success', staff: data.data }))
      .catch(() => !cancelled && setState({ status: 'error' }));
    return () => {
      cancelled = true;
    };
  }, [get]);

  return state;
};
