/**
 * Saves a JSON document as a file on the admin's computer, through a temporary object
 * URL (no inline data, so the CSP holds).
 *
 * @example
 * downloadJson(draft, 'aide-sociale.json');
 */
export function downloadJson(document: unknown, fileName: string): void {
  const blob = new Blob([JSON.stringify(document, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = window.document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}
