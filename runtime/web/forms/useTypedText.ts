import { type FocusEvent, useCallback, useEffect, useRef } from 'react';

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
 * Keystrokes are heard by a listener on the control itself, and their `input` event goes
 * no further: after every `input` event it sees on an `<input>`, React rewrites the
 * control's `name` attribute (restoring « controlled » state, even for an uncontrolled
 * control). Inside a `<form>` that drops the form's cache of named controls, and React's
 * next event walk, which reads its own data off the `<form>` element (a lookup the browser
 * answers by searching the form's controls by name), rebuilds it over every control: the
 * cost of a key grew with the length of the form. Nothing else listens to these events;
 * the native `change` on leaving the field still reaches React.
 *
 * @example
 * const typed = useTypedText(value, (text) => onChange(text === '' ? undefined : text));
 * <input ref={typed.ref} defaultValue={typed.defaultValue} onBlur={typed.onBlur} />
 */
export function useTypedText<Control extends TextControl>(
  value: unknown,
  commitText: (text: string) => void,
) {
  const control = useRef<Control | null>(null);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const typing = useRef(false);
  const latestCommit = useRef(commitText);
  latestCommit.current = commitText;

  useEffect(() => {
    const current = control.current;
    if (current && !typing.current && current.value !== asText(value)) {
      current.value = asText(value);
    }
  }, [value]);
  useEffect(() => () => clearPending(pending), []);

  const commit = useCallback(() => {
    clearPending(pending);
    typing.current = false;
    latestCommit.current(control.current?.value ?? '');
  }, []);
  const ref = useCallback(
    (element: Control | null) => {
      control.current = element;
      if (!element) return;
      const onInput = (event: Event) => {
        event.stopPropagation();
        typing.current = true;
        clearPending(pending);
        pending.current = setTimeout(commit, COMMIT_AFTER_MS);
      };
      element.addEventListener('input', onInput);
      return () => {
        element.removeEventListener('input', onInput);
        control.current = null;
      };
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
  return { ref, defaultValue: asText(value), onBlur };
}

function clearPending(pending: { current: ReturnType<typeof setTimeout> | null }) {
  if (pending.current !== null) clearTimeout(pending.current);
  pending.current = null;
}
