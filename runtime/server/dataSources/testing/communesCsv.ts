const FIRST = ['Saint', 'Sainte', 'Villeneuve', 'Le Plessis', 'Château', 'Montreuil', 'Épinay'];
const SECOND = ['sur-Loire', 'lès-Bains', 'd’Aunis', 'en-Forez', 'la-Forêt', 'du-Rhône'];

/**
 * A reference table shaped like the French communes (`code;libelle;code_postal;departement`)
 * with `rows` lines and names as French as their prefixes: many share « Saint- », some
 * carry accents and apostrophes. Line i has the code `String(1000 + i)` on five digits.
 *
 * @example
 * communesCsv(35_000).length; // ≈ 1.6 MB
 */
export function communesCsv(rows: number): string {
  const lines = ['code;libelle;code_postal;departement'];
  for (let i = 0; i < rows; i += 1) {
    const name = `${FIRST[i % FIRST.length]}-${i.toString(36)}-${SECOND[i % SECOND.length]}`;
    const code = String(1000 + i).padStart(5, '0');
    lines.push(`${code};${name};${code};${code.slice(0, 2)}`);
  }
  return lines.join('\n');
}
