import { describe, expect, it } from 'vitest';
import { MAX_BRANCHES, splitColumns } from './queueIndexes.ts';

const pinned = (...columns: string[]) => new Set(['tenant_id', ...columns]);

describe('splitColumns: which choices become index ranges', () => {
  it('splits units and states onto the unit queue index, newest first', () => {
    const choices = [
      { column: 'unit_code', size: 3 },
      { column: 'state', size: 2 },
    ];
    expect(splitColumns(pinned(), choices, ['created_at', 'id'])).toEqual({
      columns: ['unit_code', 'state'],
      index: 'dossiers_queue_unit_idx',
    });
  });

  it('prefers the narrowest range: démarche and state over unit and state', () => {
    const choices = [{ column: 'state', size: 2 }];
    expect(splitColumns(pinned('demarche_id'), choices, ['created_at', 'id'])).toEqual({
      columns: ['state'],
      index: 'dossiers_queue_demarche_idx',
    });
  });

  it('splits states under an assignee sorted by due date', () => {
    const choices = [
      { column: 'unit_code', size: 2 },
      { column: 'state', size: 2 },
    ];
    expect(splitColumns(pinned('assignee_id'), choices, ['due_at', 'id'])).toEqual({
      columns: ['state'],
      index: 'dossiers_assignee_idx',
    });
  });

  it('keeps the query whole when no index holds the sort after pinned columns', () => {
    const choices = [{ column: 'state', size: 2 }];
    expect(splitColumns(pinned(), choices, ['updated_at', 'id'])).toEqual({
      columns: [],
      index: null,
    });
    // due_idx serves the order with nothing to split: one query, the planner filters.
    expect(splitColumns(pinned(), choices, ['due_at', 'id'])).toEqual({
      columns: [],
      index: 'dossiers_due_idx',
    });
  });

  it('never splits into more than MAX_BRANCHES branches', () => {
    const choices = [
      { column: 'unit_code', size: MAX_BRANCHES },
      { column: 'state', size: 2 },
    ];
    expect(splitColumns(pinned(), choices, ['created_at', 'id'])).toEqual({
      columns: [],
      index: 'dossiers_created_idx',
    });
  });
});
