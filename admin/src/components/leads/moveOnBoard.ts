import type { BoardColumn } from '../../../../server/src/contracts';

/**
 * The board after moving a lead to another status column: taken out of its column, put first in
 * the target one, totals adjusted. Returns the board unchanged when there is nothing to move.
 */
export const moveOnBoard = (board: BoardColumn[], leadId: string, toStatusId: string): BoardColumn[] => {
  const from = board.find((column) => column.leads.some((lead) => lead.documentId === leadId));
  const to = board.find((column) => column.status.documentId === toStatusId);
  if (!from || !to || from === to) return board;
  const lead = from.leads.find((l) => l.documentId === leadId)!;
  return board.map((column) => {
    if (column === from) {
      return {
        ...column,
        total: column.total - 1,
        leads: column.leads.filter((l) => l.documentId !== leadId),
      };
    }
    if (column === to) {
      return { ...column, total: column.total + 1, leads: [{ ...lead, status: to.status }, ...column.leads] };
    }
    return column;
  });
};
