import { assign, setup } from 'xstate';
import { benchData } from './benchDefinition.ts';

type BenchData = typeof benchData;

/**
 * The XState v5 twin of `benchDefinition`: same states, same events, the same three
 * guards written as functions over the same data fields, and the same assignment of the
 * agent when the dossier is picked up.
 */
export const benchMachine = setup({
  types: {
    context: {} as { data: BenchData; assigneeId: string | null },
    events: {} as
      | { type: 'deposer' }
      | { type: 'instruire'; actorId: string }
      | { type: 'demander_complement' }
      | { type: 'completer' }
      | { type: 'accepter' }
      | { type: 'refuser' },
  },
  guards: {
    revenuRenseigne: ({ context }) =>
      typeof context.data.revenuMensuel === 'number' && context.data.revenuMensuel >= 0,
    peuDePiecesManquantes: ({ context }) =>
      Number.isInteger(context.data.piecesManquantes) &&
      context.data.piecesManquantes <= 2 &&
      context.data.piecesManquantes <= context.data.revenuMensuel / 500,
    revenuSousPlafond: ({ context }) =>
      typeof context.data.revenuMensuel === 'number' && context.data.revenuMensuel <= 1500,
  },
}).createMachine({
  id: 'bench',
  initial: 'brouillon',
  context: { data: benchData, assigneeId: null },
  states: {
    brouillon: { on: { deposer: 'depose' } },
    depose: {
      on: {
        instruire: {
          target: 'instruction',
          guard: 'revenuRenseigne',
          actions: assign({ assigneeId: ({ event }) => event.actorId }),
        },
      },
    },
    instruction: {
      on: {
        demander_complement: { target: 'complement', guard: 'peuDePiecesManquantes' },
        accepter: { target: 'accepte', guard: 'revenuSousPlafond' },
        refuser: 'refuse',
      },
    },
    complement: { on: { completer: 'instruction' } },
    accepte: { type: 'final' },
    refuse: { type: 'final' },
  },
});
