import type { WidgetProps } from '@rjsf/utils';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { describedBy, invalid } from '../describedBy.ts';
import type { GuichetFormContext, SourceEntry } from '../formContext.ts';
import type { FormSource } from '../sourceFieldUi.ts';

/** Pause after a keystroke before asking the server: one request per pause, not per key. */
const SEARCH_DELAY_MS = 200;

/**
 * A choice from a data source (`x-source`). A static list is a native select; a table or
 * a URL source is an editable combobox with list autocomplete (WAI-ARIA APG pattern:
 * `role="combobox"`, `aria-activedescendant`, arrows, Enter, Escape, the number of
 * results in a live region) searching through the API as the citizen types
 * (`dataSources.search`). The value is the chosen entry's code; the text typed is not an
 * answer until an entry is chosen, and the server checks the code again.
 *
 * Not react-aria's ComboBox: while open it sets `aria-hidden` on the rest of the page,
 * focusable content included, which axe reports (aria-hidden-focus) and RGAA refuses.
 */
export function SourceWidget(props: WidgetProps) {
  const sourceOptions = props.options['sourceOptions'] as FormSource['options'] | undefined;
  if (sourceOptions) return <StaticSource {...props} entries={sourceOptions} />;
  return <SearchedSource {...props} />;
}

function StaticSource(props: WidgetProps & { entries: SourceEntry[] }) {
  const { id, value, disabled, readonly, required, onChange, onBlur, onFocus, entries } = props;
  const { schema, uiSchema, rawErrors } = props;
  const current = typeof value === 'string' ? value : '';
  return (
    <select
      id={id}
      name={props.htmlName || id}
      className="champ-saisie"
      value={current}
      disabled={disabled || readonly}
      required={required}
      aria-invalid={invalid(rawErrors)}
      aria-describedby={describedBy(id, { schema, uiSchema, rawErrors })}
      onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)}
      onBlur={(event) => onBlur(id, event.target.value)}
      onFocus={(event) => onFocus(id, event.target.value)}
    >
      <option value="">— Choisir —</option>
      {entries.map((entry) => (
        <option key={entry.value} value={entry.value}>
          {entry.label}
        </option>
      ))}
    </select>
  );
}

function SearchedSource(props: WidgetProps) {
  const { id, value, disabled, readonly, required, onChange, onBlur, schema, uiSchema } = props;
  const { rawErrors } = props;
  const context = props.registry.formContext as GuichetFormContext | undefined;
  const source = String(props.options['source'] ?? '');
  const selected = typeof value === 'string' && value !== '' ? value : null;
  const [text, setText] = useState('');
  const [entries, setEntries] = useState<SourceEntry[]>([]);
  const [more, setMore] = useState(false);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [failed, setFailed] = useState(false);
  const [searched, setSearched] = useState(false);
  const known = useRef(new Map<string, string>());
  const asked = useRef(0);
  const listId = `${id}__options`;
  const hint = `${id}__source`;
  const optionId = (index: number) => `${id}__option-${index}`;

  // A saved answer shows its label, read once from the source.
  useEffect(() => {
    if (selected === null || known.current.has(selected) || !context?.sources) return;
    let live = true;
    context.sources.labelOf(source, selected).then(
      (label) => {
        if (!live || label === null) return;
        known.current.set(selected, label);
        setText(label);
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, [selected, source, context]);

  function search(query: string) {
    const ask = ++asked.current;
    const sources = context?.sources;
    if (!sources) return;
    setTimeout(() => {
      if (ask !== asked.current) return;
      sources.search(source, query).then(
        (found) => {
          if (ask !== asked.current) return;
          for (const entry of found.entries) known.current.set(entry.value, entry.label);
          setEntries(found.entries);
          setMore(found.more);
          setActive(-1);
          setFailed(false);
          setSearched(true);
        },
        () => {
          if (ask === asked.current) setFailed(true);
        },
      );
    }, SEARCH_DELAY_MS);
  }

  function choose(entry: SourceEntry) {
    known.current.set(entry.value, entry.label);
    setText(entry.label);
    setOpen(false);
    setActive(-1);
    onChange(entry.value);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) {
        setOpen(true);
        if (!searched) search(text);
        return;
      }
      if (entries.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (current + step + entries.length) % entries.length);
    } else if (event.key === 'Enter' && open && active >= 0 && entries[active]) {
      event.preventDefault();
      choose(entries[active]);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  }

  const describedIds = [describedBy(id, { schema, uiSchema, rawErrors }), hint]
    .filter(Boolean)
    .join(' ');
  const expanded = open && searched;
  return (
    <div className="champ-source">
      <input
        id={id}
        name={props.htmlName || id}
        type="text"
        role="combobox"
        className="champ-saisie"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        aria-describedby={describedIds}
        aria-invalid={invalid(rawErrors)}
        required={required}
        disabled={disabled}
        readOnly={readonly}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          search(event.target.value);
          if (event.target.value === '' && selected !== null) onChange(undefined);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setOpen(false);
          // Typed but not chosen: the answer is still the chosen entry, shown as such.
          if (text !== '' && selected !== null) setText(known.current.get(selected) ?? text);
          onBlur(id, selected ?? undefined);
        }}
      />
      <div
        id={listId}
        role="listbox"
        aria-label={props.label || undefined}
        className="champ-source-liste"
        hidden={!expanded}
      >
        {entries.map((entry, index) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard chooses from the input (aria-activedescendant)
          <div
            key={entry.value}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            tabIndex={-1}
            className="champ-source-option"
            data-active={index === active ? '' : undefined}
            // Keeps the focus in the input: the click chooses, the blur does not close first.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(entry)}
          >
            {entry.label}
          </div>
        ))}
      </div>
      <p id={hint} className="champ-aide">
        {failed
          ? 'La liste ne répond pas pour le moment : réessayez dans quelques instants.'
          : 'Tapez les premières lettres puis choisissez dans la liste (flèches et Entrée).'}
      </p>
      <p role="status" className="visuellement-cache">
        {expanded ? resultsText(entries.length, more) : ''}
      </p>
    </div>
  );
}

/** What the live region says after each search. */
function resultsText(count: number, more: boolean): string {
  if (count === 0) return 'Aucun résultat.';
  const shown = count === 1 ? '1 proposition' : `${count} propositions`;
  return more ? `${shown} ; précisez votre saisie pour en voir d’autres.` : `${shown}.`;
}
