/**
 * The three web apps: where each one's HTML entry lives in the sources, and the URL
 * prefix it answers under. The build (vite.config.ts) writes each entry to
 * `<outDir><prefix>index.html`; serveStatic falls back to that file for the app's
 * client-side routes. The citizen app is last: its prefix catches everything else.
 */
export const WEB_APPS = [
  { name: 'agent', prefix: '/agent/', entry: 'runtime/web/agent/index.html' },
  { name: 'studio', prefix: '/studio/', entry: 'designer/studio/index.html' },
  { name: 'citizen', prefix: '/', entry: 'runtime/web/citizen/index.html' },
] as const;

export type WebApp = (typeof WEB_APPS)[number];

/** Where `npm start` builds the web apps (git-ignored). */
export const WEB_OUT_DIR = 'dist/web';

/** The app whose URL space holds `pathname` (the citizen app when no other matches). */
export function webAppFor(pathname: string): WebApp {
  const app = WEB_APPS.find(
    (candidate) => pathname.startsWith(candidate.prefix) || `${pathname}/` === candidate.prefix,
  );
  return app ?? WEB_APPS[WEB_APPS.length - 1]!;
}

/** Where the build writes an app's HTML, relative to the output folder. */
export function builtHtmlOf(app: WebApp): string {
  return `${app.prefix.slice(1)}index.html`;
}
