import {
  readFilterState,
  toLeadQuery,
  writeFilterState,
} from '../../../admin/src/components/leads/leadQuery';
import { moveOnBoard } from '../../../admin/src/components/leads/moveOnBoard';
import type { BoardCard, BoardColumn } from '../../../server/src/contracts';

describe('the Leads page query', () => {
  it('asks for the default list when the URL says nothing', () => {
    expect(toLeadQuery(readFilterState(new URLSearchParams()))).toEqual([
      ['page', '1'],
      ['pageSize', '25'],
      ['sort', 'createdAt:desc'],
    ]);
  });

  it('turns every filter into the API syntax of SPEC §9', () => {
    const state = readFilterState(
      new URLSearchParams(
        'q=%20ada%20&page=3&pageSize=50&sort=name:asc&status=s1&status=s2&source=src&assignedTo=me&tags=t1' +
          '&visibility=private&createdFrom=2026-01-01&createdTo=2026-01-31&valueMin=100&valueMax=900' +
          '&includeConverted=true&includeJunk=true'
      )
    );
    expect(toLeadQuery(state)).toEqual([
      ['page', '3'],
      ['pageSize', '50'],
      ['sort', 'name:asc'],
      ['q', 'ada'],
      ['filters[status][documentId][$in][0]', 's1'],
      ['filters[status][documentId][$in][1]', 's2'],
      ['filters[source][documentId][$eq]', 'src'],
      ['filters[tags][documentId][$in][0]', 't1'],
      ['assignedTo', 'me'],
      ['filters[isPublic][$eq]', 'false'],
      ['filters[createdAt][$gte]', '2026-01-01T00:00:00.000Z'],
      ['filters[createdAt][$lt]', '2026-02-01T00:00:00.000Z'],
      ['filters[value][$gte]', '100'],
      ['filters[value][$lte]', '900'],
      ['includeConverted', 'true'],
      ['includeJunk', 'true'],
    ]);
  });

  it('keeps the board free of paging and clamps a page size above 100', () => {
    const state = readFilterState(new URLSearchParams('pageSize=500&page=-2&includeLost=true'));
    expect(state.pageSize).toBe(100);
    expect(state.page).toBe(1);
    expect(toLeadQuery(state, false)).toEqual([['includeLost', 'true']]);
  });

  it('writes only what differs from the defaults back to the URL', () => {
    const state = readFilterState(new URLSearchParams('status=s1&includeLost=true'));
    expect(writeFilterState(state, 'board').toString()).toBe('view=board&status=s1&includeLost=true');
    expect(writeFilterState(readFilterState(new URLSearchParams()), 'list').toString()).toBe('');
  });
});

const lead = (documentId: string) => ({ documentId, name: documentId, nextTask: null }) as BoardCard;
const column = (id: string, leads: BoardCard[], total = leads.length): BoardColumn => ({
  status: { documentId: id, name: id, color: null, order: null, isCustomerStatus: false },
  total,
  value: 0,
  leads,
});

describe('moving a card on the board', () => {
  it('takes the lead out of its column and puts it first in the target, totals included', () => {
    const board = [column('new', [lead('a'), lead('b')], 7), column('won', [lead('c')], 1)];
    const moved = moveOnBoard(board, 'b', 'won');
    expect(moved.map((c) => [c.status.documentId, c.total, c.leads.map((l) => l.documentId)])).toEqual([
      ['new', 6, ['a']],
      ['won', 2, ['b', 'c']],
    ]);
    expect(moved[1].leads[0].status?.documentId).toBe('won');
    expect(board[0].leads).toHaveLength(2);
  });

  it('leaves the board as it is for a drop on the same column or an unknown lead', () => {
    const board = [column('new', [lead('a')]), column('won', [])];
    expect(moveOnBoard(board, 'a', 'new')).toBe(board);
    expect(moveOnBoard(board, 'zzz', 'won')).toBe(board);
  });
});
