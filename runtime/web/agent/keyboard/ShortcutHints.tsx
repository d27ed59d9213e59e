/** The keys a screen answers to, shown on it so nobody has to guess them. */
export function ShortcutHints({ hints }: { hints: ReadonlyArray<readonly [string, string]> }) {
  return (
    <section className="raccourcis" aria-label="Raccourcis clavier">
      <ul>
        {hints.map(([keys, what]) => (
          <li key={keys}>
            <kbd>{keys}</kbd> {what}
          </li>
        ))}
      </ul>
    </section>
  );
}
