import { mkdir, writeFile } from 'node:fs/promises';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { ensureWebBuild } from '../../runtime/server/webBuild/ensureWebBuild.ts';
import { CHROMIUM, CHROMIUM_FLAGS } from '../support/browser.ts';
import { demoSession } from '../support/demoApi.ts';
import { startGuichet } from '../support/guichetServer.ts';

/** The front office's promise for every page a citizen lands on (mobile emulation). */
const TARGETS = { accessibility: 100, performance: 95 } as const;

/**
 * Pages audited by default; others can be passed on the command line (`/chemin`).
 * `formulaire` stands for a form page: the demo citizen's new « aide sociale » dossier,
 * opened with that citizen's session.
 */
const FORM_PAGE = 'formulaire';
const DEFAULT_PAGES = ['/', FORM_PAGE];
const DEMO_CITIZEN = 'citoyen@demo.guichet.localhost';
/** Each page's full report, to read what the score hides (git-ignored, like the build). */
const REPORTS_DIR = 'dist/lighthouse';

/** The metrics behind the performance score, printed so a low score says why. */
const METRICS = {
  fcp_ms: 'first-contentful-paint',
  lcp_ms: 'largest-contentful-paint',
  tbt_ms: 'total-blocking-time',
  si_ms: 'speed-index',
} as const;

interface PageScores {
  path: string;
  accessibility: number;
  performance: number;
  bestPractices: number;
  [metric: string]: string | number;
}

/**
 * `npm run lighthouse [paths…]`: starts the server as `npm start` does, audits each page
 * with Lighthouse's default mobile emulation in the same Debian chromium the journeys
 * use, prints one row per page and exits 1 when a page misses a target. Scores vary with
 * the machine's load, so this is a script to run on purpose, not a test.
 */
async function main(): Promise<void> {
  const paths = process.argv.slice(2).length > 0 ? process.argv.slice(2) : DEFAULT_PAGES;
  await ensureWebBuild();
  const server = await startGuichet();
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: CHROMIUM_FLAGS,
  });
  const rows: PageScores[] = [];
  try {
    for (const asked of paths) {
      let path = asked;
      let extraHeaders: Record<string, string> | undefined;
      if (asked === FORM_PAGE) {
        const citizen = await demoSession(server.url, DEMO_CITIZEN);
        const { id } = await citizen.api.dossiers.create.mutate({ demarche: 'aide-sociale' });
        path = `/dossiers/${id}/remplir`;
        extraHeaders = { Cookie: citizen.cookie() };
      }
      const result = await lighthouse(`${server.url}${path}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['accessibility', 'performance', 'best-practices'],
        ...(extraHeaders ? { extraHeaders } : {}),
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
      await mkdir(REPORTS_DIR, { recursive: true });
      const report = `${REPORTS_DIR}/${asked === FORM_PAGE ? FORM_PAGE : 'page'}-${rows.length}.json`;
      await writeFile(report, JSON.stringify(result.lhr));
      if (result.lhr.runtimeError) {
        console.error(
          `${path}: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`,
        );
      }
      const { categories } = result.lhr;
      const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
      const metrics = Object.fromEntries(
        Object.entries(METRICS).map(([name, audit]) => [
          name,
          Math.round(result.lhr.audits[audit]?.numericValue ?? Number.NaN),
        ]),
      );
      rows.push({
        path,
        accessibility: score('accessibility'),
        performance: score('performance'),
        bestPractices: score('best-practices'),
        ...metrics,
      });
    }
  } finally {
    chrome.kill();
    await server.stop();
  }
  console.table(rows);
  const missed = rows.filter(
    (row) => row.accessibility < TARGETS.accessibility || row.performance < TARGETS.performance,
  );
  console.log(`RESULT ${JSON.stringify(rows)}`);
  if (missed.length > 0) {
    console.error(
      `Below target (accessibility ${TARGETS.accessibility}, performance ≥ ${TARGETS.performance}): ${missed.map((row) => row.path).join(', ')}`,
    );
    process.exitCode = 1;
  }
}

await main();
