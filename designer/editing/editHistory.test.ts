import { describe, expect, it } from 'vitest';
import { socialAidDefinition } from '../../shared/testing/socialAidDefinition.ts';
import { coalesceKeyOf, editHistory, MAX_UNDO_STEPS, startHistory } from './editHistory.ts';

const title = (text: string) => ({ type: 'setMeta' as const, patch: { title: text } });

describe('editHistory', () => {
  it('undoes and redoes a step; a new step empties the redo list', () => {
    let history = startHistory(socialAidDefinition);
    history = editHistory(history, {
      type: 'apply',
      changes: [{ type: 'removeField', name: 'nom' }],
    });
    const removed = history.present;
    history = editHistory(history, { type: 'undo' });
    expect(history.present).toBe(socialAidDefinition);
    history = editHistory(history, { type: 'redo' });
    expect(history.present).toBe(removed);
    history = editHistory(history, { type: 'undo' });
    history = editHistory(history, {
      type: 'apply',
      changes: [{ type: 'removeField', name: 'email' }],
    });
    expect(history.future).toEqual([]);
  });

  it('records nothing for a change that changes nothing, keeping the redo list', () => {
    let history = startHistory(socialAidDefinition);
    history = editHistory(history, {
      type: 'apply',
      changes: [{ type: 'removeField', name: 'nom' }],
    });
    history = editHistory(history, { type: 'undo' });
    const same = editHistory(history, {
      type: 'apply',
      changes: [{ type: 'removeField', name: 'absent' }],
    });
    expect(same).toBe(history);
    expect(same.future).toHaveLength(1);
  });

  it('makes one step of typing in one text, and of a drag', () => {
    let history = startHistory(socialAidDefinition);
    for (const text of ['A', 'Ai', 'Aid', 'Aide'])
      history = editHistory(history, { type: 'apply', changes: [title(text)] });
    expect(history.past).toHaveLength(1);
    for (const x of [1, 2, 3]) {
      history = editHistory(history, {
        type: 'apply',
        changes: [{ type: 'setPositions', positions: { depose: { x, y: 0 } } }],
      });
    }
    expect(history.past).toHaveLength(2);
    history = editHistory(history, { type: 'undo' });
    expect(history.present.meta.title).toBe('Aide');
    history = editHistory(history, { type: 'undo' });
    expect(history.present).toBe(socialAidDefinition);
  });

  it('starts a new step after an undo even for the same text', () => {
    let history = startHistory(socialAidDefinition);
    history = editHistory(history, { type: 'apply', changes: [title('A')] });
    history = editHistory(history, { type: 'undo' });
    history = editHistory(history, { type: 'apply', changes: [title('B')] });
    history = editHistory(history, { type: 'apply', changes: [title('C')] });
    expect(history.past).toHaveLength(1);
    expect(history.past[0]).toBe(socialAidDefinition);
  });

  it('does not record the viewport as a step', () => {
    let history = startHistory(socialAidDefinition);
    history = editHistory(history, {
      type: 'apply',
      changes: [{ type: 'setViewport', viewport: { x: 1, y: 1, zoom: 2 } }],
    });
    expect(history.past).toHaveLength(0);
    expect(history.present.workflow.layout?.viewport).toEqual({ x: 1, y: 1, zoom: 2 });
  });

  it('gives its own step to a required toggle, a rename, and any structural change', () => {
    expect(coalesceKeyOf([{ type: 'updateField', name: 'nom', required: true }])).toBeNull();
    expect(coalesceKeyOf([{ type: 'updateField', name: 'nom', rename: 'n' }])).toBeNull();
    expect(coalesceKeyOf([{ type: 'removeField', name: 'nom' }])).toBeNull();
    expect(coalesceKeyOf([{ type: 'updateField', name: 'nom', schema: {} }])).toBe(
      'field:nom:schema',
    );
  });

  it('keeps at most MAX_UNDO_STEPS steps, and load starts over', () => {
    let history = startHistory(socialAidDefinition);
    for (let i = 0; i < MAX_UNDO_STEPS + 5; i += 1) {
      history = editHistory(history, {
        type: 'apply',
        changes: [{ type: 'updateField', name: 'nom', required: i % 2 === 0 }],
      });
    }
    expect(history.past).toHaveLength(MAX_UNDO_STEPS);
    expect(editHistory(history, { type: 'load', definition: socialAidDefinition })).toEqual(
      startHistory(socialAidDefinition),
    );
  });
});
