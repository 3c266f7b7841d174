/**
 * A row or document of the CRM's content types. Their types are not generated (the plugin ships
 * no `types/generated`), so fields are read loosely; `documentId` is always there.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type DocumentRow = Record<string, any> & { documentId: string };

/** Document Service input for the CRM's content types. */
export type DocumentData = Record<string, unknown>;
