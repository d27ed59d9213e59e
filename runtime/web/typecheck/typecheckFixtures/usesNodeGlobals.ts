// Must fail under the web configuration: Node's globals do not exist in a browser.
export const bytes = Buffer.from('dossier');
export const mode = process.env.NODE_ENV;
