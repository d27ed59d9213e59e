import type { CompiledTransition } from './compileDefinition.ts';
import type { GuardVerdict } from './compileGuard.ts';
import type { DossierSnapshot, GuardFailure } from './types.ts';

/**
 * Runs a transition's guard on what it was written for. `guardOn: 'context'` sees
 * `{ data, input, dossier: { state, createdAt, enteredStateAt, submittedAt, unit } }`:
 * its failures are keyed by the field under `data` or `input` (`/data/avis` → `/avis`),
 * as field errors are. Without `guardOn` the guard sees the data alone, as every v2
 * document means it. A `guardMessage` replaces ajv's messages: the admin's words say
 * why (« Un avis doit avoir été donné »), the field keys still say where.
 *
 * `input === null` (listing the allowed actions, before the actor typed anything): the
 * failures about the input are left out, the actor has not answered yet.
 *
 * @example
 * checkGuard(transition, dossier, { montant: 900 });
 * // { kind: 'fail', failures: [{ field: '/avis', rule: 'required', message: 'Un avis…' }] }
 */
export function checkGuard(
  transition: CompiledTransition,
  dossier: DossierSnapshot,
  input: Record<string, unknown> | null,
): GuardVerdict | undefined {
  const guard = transition.guard;
  if (guard === null) return undefined;
  const { guardOn, guardMessage } = transition.definition;
  if (guardOn !== 'context') return withMessage(guard(dossier.data), guardMessage);
  const verdict = guard({ data: dossier.data, input: input ?? {}, dossier: facts(dossier) });
  if (verdict.kind !== 'fail') return verdict;
  const failures = verdict.failures.flatMap((failure) => {
    if (input === null && isUnder(failure.field, '/input')) return [];
    return [{ ...failure, field: withoutRoot(failure.field) }];
  });
  return failures.length === 0 ? PASS : withMessage({ kind: 'fail', failures }, guardMessage);
}

const PASS: GuardVerdict = { kind: 'pass' };

function facts(dossier: DossierSnapshot): Record<string, unknown> {
  return {
    state: dossier.state,
    createdAt: dossier.createdAt,
    enteredStateAt: dossier.enteredStateAt,
    submittedAt: dossier.submittedAt ?? null,
    unit: dossier.unit,
  };
}

function withMessage(verdict: GuardVerdict, message: string | undefined): GuardVerdict {
  if (message === undefined || verdict.kind !== 'fail') return verdict;
  const failures: GuardFailure[] = verdict.failures.map((f) => ({ ...f, message }));
  // Two keywords failing on one field would say the admin's sentence twice.
  const seen = new Set<string>();
  return {
    kind: 'fail',
    failures: failures.filter((f) => !seen.has(f.field) && seen.add(f.field)),
  };
}

function isUnder(field: string, root: string): boolean {
  return field === root || field.startsWith(`${root}/`);
}

/** `/data/avis` and `/input/montant` → `/avis`, `/montant`; `/dossier/state` stays. */
function withoutRoot(field: string): string {
  if (isUnder(field, '/data')) return field.slice('/data'.length);
  if (isUnder(field, '/input')) return field.slice('/input'.length);
  return field;
}
