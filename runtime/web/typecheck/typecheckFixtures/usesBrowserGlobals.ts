// Must pass under the web configuration: the DOM and ES2023 are all a web file gets.
export const heading = document.querySelector('h1');
export const bytes = new TextEncoder().encode('dossier');
export const copy = structuredClone({ etat: 'soumis' });
export const pending: Promise<Response> = fetch('/healthz');
