import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/** Debian's chromium; `.ci/run` installs it when missing. */
export const CHROMIUM = process.env.GUICHET_CHROMIUM ?? '/usr/bin/chromium';

/** Headless, offline-friendly: nothing reaches the internet behind the journey's back. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A phone and a desktop, the two widths every page is checked at. */
export const VIEWPORTS = {
  phone: { width: 360, height: 740 },
  desktop: { width: 1280, height: 860 },
} as const;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
}

/** A page that records what must fail a journey: CSP violations and uncaught errors. */
export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** CSP violations and uncaught page errors seen so far, in French-free plain text. */
  problems: string[];
}

/**
 * Opens a fresh context (no cookies shared with other journeys) in French, and listens
 * for Content-Security-Policy violations — the strict CSP is a promise of the product,
 * so a page that needs `unsafe-inline` or `eval` fails its journey — and for uncaught
 * script errors.
 *
 * @example
 * const { page, problems } = await openPage(browser, server.url);
 * expect(problems).toEqual([]);
 */
export async function openPage(
  browser: Browser,
  baseURL: string,
  viewport: { width: number; height: number } = VIEWPORTS.desktop,
): Promise<WatchedPage> {
  const context = await browser.newContext({ baseURL, locale: 'fr-FR', viewport });
  const problems: string[] = [];
  // Runs before any page script, outside the page's CSP (it comes through the protocol).
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(
        `CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline code'}`,
      );
    });
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (
      message.type() === 'error' &&
      /CSP violation|Content Security Policy/.test(message.text())
    ) {
      problems.push(message.text());
    }
  });
  page.on('pageerror', (error) => problems.push(`Uncaught: ${error.message}`));
  return { page, context, problems };
}
