import type { BoardColumn } from '../../../../server/src/contracts';

/** A column's value after adding `delta`; a column the server sent without a value keeps none. */
const plus = (column: BoardColumn, delta: number) =>
  typeof column.value === 'number' ? { value: column.value + delta } : {};

/**
 * The board after moving a lead to another status column: taken out of its column, put first in
 * the target one, totals and summed values adjusted. Returns the board unchanged when there is
 * nothing to move.
 */
export const moveOnBoard = (board: BoardColumn[], leadId: string, toStatusId: string): BoardColumn[] => {
  const from = board.find((column) => column.leads.some((lead) => lead.documentId === leadId));
  const to = board.find((column) => column.status.documentId === toStatusId);
  if (!from || !to || from === to) return board;
  const lead = from.leads.find((l) => l.documentId === leadId)!;
  const value = lead.value ?? 0;
  return board.map((column) => {
    if (column === from) {
      return {
        ...column,
        total: column.total - 1,
        ...plus(column, -value),
        leads: column.leads.filter((l) => l.documentId !== leadId),
      };
    }
    if (column === to) {
      return {
        ...column,
        total: column.total + 1,
        ...plus(column, value),
        leads: [{ ...lead, status: to.status }, ...column.leads],
      };
    }
    return column;
  });
};
