import { useAuth } from '@strapi/strapi/admin';
import { createContext, useContext, useMemo } from 'react';
import { abilitiesFrom, type CrmAbilities } from '../permissions';

/** The signed-in user's CRM abilities, from the permissions the admin panel already holds. */
export const useUserAbilities = (): CrmAbilities => {
  const permissions = useAuth('CrmAbilities', (state) => state.permissions);
  return useMemo(() => abilitiesFrom(permissions), [permissions]);
};

const NONE = abilitiesFrom([]);

/** Lets the Leads page hand its abilities down once; components read them with `useAbilities`. */
export const AbilitiesContext = createContext<CrmAbilities>(NONE);
export const useAbilities = () => useContext(AbilitiesContext);
