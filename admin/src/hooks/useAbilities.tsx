import { useRBAC } from '@strapi/strapi/admin';
import { createContext, useContext } from 'react';
import {
  ABILITIES,
  SECTION_ABILITIES,
  type RequiredPermission,
  type SectionAction,
  type SectionKind,
} from '../../../server/src/contracts';

/** What the signed-in user may do in the CRM: drives which buttons, tabs and menus appear. */
export interface CrmAbilities {
  createLead: boolean;
  updateLead: boolean;
  deleteLead: boolean;
  convert: boolean;
  export: boolean;
  anonymize: boolean;
  /** Per section kind (notes, tasks, reminders, opportunities): read / create / update / delete. */
  section: (kind: SectionKind, action: SectionAction) => boolean;
}

const LEAD_CRUD = [
  ...ABILITIES.readLeads,
  ...ABILITIES.createLead,
  ...ABILITIES.updateLead,
  ...ABILITIES.deleteLead,
];

/** Whether the user holds every permission of `permissions` (false while they are checked). */
const useHoldsAll = (permissions: RequiredPermission[]) => {
  const { allowedActions, isLoading } = useRBAC(permissions);
  return !isLoading && Object.values(allowedActions).every(Boolean);
};

/**
 * The signed-in user's CRM abilities, checked by the admin's `useRBAC` against the permissions
 * each action's route demands (the shared contracts). Conditions (creator, assignee, public) are
 * applied by the server per lead, which answers 404 for a lead out of reach.
 */
export const useUserAbilities = (): CrmAbilities => {
  const leads = useRBAC(LEAD_CRUD);
  const convert = useHoldsAll(ABILITIES.convert);
  const exportLead = useHoldsAll(ABILITIES.export);
  const anonymize = useHoldsAll(ABILITIES.anonymize);
  const notes = useRBAC(SECTION_ABILITIES.notes);
  const tasks = useRBAC(SECTION_ABILITIES.tasks);
  const reminders = useRBAC(SECTION_ABILITIES.reminders);
  const opportunities = useRBAC(SECTION_ABILITIES.opportunities);
  const sections = { notes, tasks, reminders, opportunities };
  const can = (actions: Record<string, boolean>, action: SectionAction) =>
    !!actions[`can${action[0].toUpperCase()}${action.slice(1)}`];

  return {
    createLead: can(leads.allowedActions, 'create'),
    updateLead: can(leads.allowedActions, 'update'),
    deleteLead: can(leads.allowedActions, 'delete'),
    convert,
    export: exportLead,
    anonymize,
    section: (kind, action) => can(sections[kind].allowedActions, action),
  };
};

/** Whether the user may convert leads (the Content Manager's edit view asks this alone). */
export const useCanConvert = () => useHoldsAll(ABILITIES.convert);

const NONE: CrmAbilities = {
  createLead: false,
  updateLead: false,
  deleteLead: false,
  convert: false,
  export: false,
  anonymize: false,
  section: () => false,
};

/** Lets the Leads page hand its abilities down once; components read them with `useAbilities`. */
export const AbilitiesContext = createContext<CrmAbilities>(NONE);
export const useAbilities = () => useContext(AbilitiesContext);

/** Checks the abilities once for everything below it. */
export const AbilitiesProvider = ({ children }: { children: React.ReactNode }) => (
  <AbilitiesContext.Provider value={useUserAbilities()}>{children}</AbilitiesContext.Provider>
);
