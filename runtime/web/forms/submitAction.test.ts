import { describe, expect, it } from 'vitest';
import { submitAction } from './submitAction.ts';

const withdraw = { transition: 'retirer', closes: true as const };
const deposit = { transition: 'deposer', submitsForm: true as const, blockedBy: [{}] };

describe('submitAction: what the review step’s button fires', () => {
  it('is the action sending the whole form, even blocked on the answers as loaded', () => {
    expect(submitAction([withdraw, deposit])?.transition).toBe('deposer');
  });

  it('is never an action that closes the dossier or asks for an input', () => {
    const ask = { transition: 'demander', input: {} };
    expect(submitAction([withdraw, ask])).toBeUndefined();
    const send: { transition: string; closes?: true } = { transition: 'envoyer' };
    expect(submitAction([withdraw, send])?.transition).toBe('envoyer');
  });
});
