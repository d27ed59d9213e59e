import { type ChangeEvent, type FocusEvent, useCallback, useEffect, useRef } from 'react';

/** Typing pauses this long before the answer reaches the form's state. */
export const COMMIT_AFTER_MS = 300;

type TextControl = HTMLInputElement | HTMLTextAreaElement;

function asText(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

/**
 * A text control the browser keeps (uncontrolled): a keystroke renders nothing in React,
 * so its cost stays the same however long the form. What is typed reaches the form after
 * a pause or on leaving the field; a value changed from elsewhere (a reload, a computed
 * value) is written into the control unless the citizen is typing in it.
 *
 * @example
 * const typed = useTypedText(value, (text) => onChange(text === '' ? undefined : text));
 * <input ref={typed.ref} defaultValue={typed.defaultValue} onChange={typed.onChange} onBlur={typed.onBlur} />
 */
export function useTypedText<Control extends TextControl>(
  value: unknown,
  commitText: (text: string) => void,
) {
  const ref = useRef<Control>(null);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const typing = useRef(false);
  const latestCommit = useRef(commitText);
  latestCommit.current = commitText;

  useEffect(() => {
    const control = ref.current;
    if (control && !typing.current && control.value !== asText(value)) {
      control.value = asText(value);
    }
  }, [value]);
  useEffect(() => () => clearPending(pending), []);

  const commit = useCallback(() => {
    clearPending(pending);
    typing.current = false;
    latestCommit.current(ref.current?.value ?? '');
  }, []);
  const onChange = useCallback(
    (_event: ChangeEvent<Control>) => {
      typing.current = true;
      clearPending(pending);
      pending.current = setTimeout(commit, COMMIT_AFTER_MS);
    },
    [commit],
  );
  /** Commits what was typed when the control loses focus (call before the form's onBlur). */
  const onBlur = useCallback(
    (_event: FocusEvent<Control>) => {
      if (typing.current) commit();
    },
    [commit],
  );
  return { ref, defaultValue: asText(value), onChange, onBlur };
}

function clearPending(pending: { current: ReturnType<typeof setTimeout> | null }) {
  if (pending.current !== null) clearTimeout(pending.current);
  pending.current = null;
}
