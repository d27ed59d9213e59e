import { startTransition, useEffect, useState } from 'react';

/** Quiet time after the last change before `useSettledValue` passes a value on. */
export const SETTLE_DELAY_MS = 250;

/**
 * `value` once it has stopped changing for `delayMs`: work that follows the draft but
 * need not follow every keystroke (the live checks) runs once a burst of typing pauses,
 * off the keystroke's path, in a transition that a new keystroke interrupts.
 *
 * @example
 * const linted = useSettledValue(editor.definition);
 * const lint = useMemo(() => studioLint(linted, []), [linted]);
 */
export function useSettledValue<T>(value: T, delayMs = SETTLE_DELAY_MS): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => startTransition(() => setSettled(() => value)), delayMs);
    return () => window.clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}
