import { useCallback, useState } from 'react';

/** The list's columns: key, English label, whether it sorts, its width (fixed layout), shown by default. */
export const LEAD_COLUMNS = [
  { key: 'name', label: 'Name', sortable: true, width: undefined, shown: true },
  { key: 'company', label: 'Company', sortable: true, width: '14%', shown: true },
  { key: 'email', label: 'Email', sortable: true, width: '17%', shown: true },
  { key: 'phone', label: 'Phone', sortable: true, width: '12%', shown: false },
  { key: 'status', label: 'Status', sortable: false, width: '11%', shown: true },
  { key: 'source', label: 'Source', sortable: false, width: '10%', shown: false },
  { key: 'assignedTo', label: 'Assigned to', sortable: false, width: '12%', shown: true },
  { key: 'tags', label: 'Tags', sortable: false, width: '12%', shown: false },
  { key: 'city', label: 'City', sortable: true, width: '10%', shown: false },
  { key: 'country', label: 'Country', sortable: true, width: '10%', shown: false },
  { key: 'value', label: 'Value', sortable: true, width: '10%', shown: true },
  { key: 'lastContactAt', label: 'Last contact', sortable: true, width: '11%', shown: false },
  { key: 'createdAt', label: 'Created', sortable: true, width: '11%', shown: true },
] as const;

export type LeadColumnKey = (typeof LEAD_COLUMNS)[number]['key'];

export const DEFAULT_COLUMNS: LeadColumnKey[] = LEAD_COLUMNS.filter((c) => c.shown).map((c) => c.key);

const KNOWN = new Set<string>(LEAD_COLUMNS.map((c) => c.key));

/** The localStorage key of a user's columns: one choice per admin user on a shared browser. */
export const columnsStorageKey = (userId: number | null) => `crm.leads.columns.${userId ?? 'anonymous'}`;

const read = (key: string): LeadColumnKey[] => {
  try {
    const stored: unknown = JSON.parse(window.localStorage.getItem(key) ?? 'null');
    if (!Array.isArray(stored)) return DEFAULT_COLUMNS;
    const keys = stored.filter((k): k is LeadColumnKey => typeof k === 'string' && KNOWN.has(k));
    // the name links to the lead: it is always shown
    return keys.includes('name') ? keys : ['name', ...keys];
  } catch {
    return DEFAULT_COLUMNS;
  }
};

/**
 * The columns the user chose for the leads list, kept in localStorage per admin user; in the
 * list's own order whatever order they were ticked in.
 */
export const useLeadColumns = (userId: number | null) => {
  const key = columnsStorageKey(userId);
  const [state, setState] = useState(() => ({ key, columns: read(key) }));
  // another user signed in (or the id arrived): read their choice
  const columns = state.key === key ? state.columns : read(key);
  if (state.key !== key) setState({ key, columns });

  const toggle = useCallback(
    (column: LeadColumnKey, shown: boolean) => {
      if (column === 'name') return;
      setState((previous) => {
        const chosen = new Set<string>(previous.key === key ? previous.columns : read(key));
        if (shown) chosen.add(column);
        else chosen.delete(column);
        const next = LEAD_COLUMNS.map((c) => c.key).filter((k) => chosen.has(k));
        window.localStorage.setItem(key, JSON.stringify(next));
        return { key, columns: next };
      });
    },
    [key]
  );

  const reset = useCallback(() => {
    window.localStorage.removeItem(key);
    setState({ key, columns: DEFAULT_COLUMNS });
  }, [key]);

  return { columns, toggle, reset };
};
