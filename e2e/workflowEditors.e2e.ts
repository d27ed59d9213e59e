import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setSecurityHeaders } from '../runtime/server/http/securityHeaders.ts';
import { serveStatic } from '../runtime/server/http/serveStatic.ts';
import { socialAidDefinition } from '../shared/testing/socialAidDefinition.ts';
import { expectAccessible } from './support/accessibility.ts';
import { launchChromium, openPage } from './support/browser.ts';
import { buildEditorsPreview } from './support/buildEditorsPreview.ts';

// The studio's « Circuit » and « JSON » editors, in a page of their own built like the
// apps and served with the server's headers (CSP included), until the studio shell
// mounts them: they render, pass axe, and stay in step through one reducer.
const PAGE = '/studio/';
/** ELK's first layout and monaco's first load take seconds on a busy 2-core machine. */
const WAIT = { timeout: 20_000 };
let folder: string;
let server: Server;
let url: string;
let browser: Browser;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'guichet-apercu-'));
  await buildEditorsPreview(folder);
  server = createServer((req, res) => {
    setSecurityHeaders(res, { tls: false });
    void serveStatic(req, res, folder).then((served) => {
      if (served) return;
      res.statusCode = 404;
      res.end();
    });
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((closed) => server?.close(closed));
  if (folder) await rm(folder, { recursive: true, force: true });
});

describe('workflow designer and JSON tab', () => {
  it('draws the workflow, edits it from the keyboard-friendly list, and passes axe', async () => {
    const { page, context, problems } = await openPage(browser, url);
    try {
      await page.goto(PAGE);
      const nodes = page.locator('.react-flow__node');
      await expect.poll(() => nodes.count(), WAIT).toBe(socialAidDefinition.workflow.states.length);
      await expect
        .poll(() => page.getByRole('group', { name: /État « Déposé »/ }).count(), WAIT)
        .toBe(1);
      await expectAccessible(page, 'circuit-graphe');

      // Keyboard: a focused state opens its properties with Entrée.
      await page.getByRole('group', { name: /État « Déposé »/ }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'État « Déposé »' }).waitFor();

      await page.getByRole('button', { name: 'Ajouter un état' }).click();
      await expect
        .poll(() => nodes.count(), WAIT)
        .toBe(socialAidDefinition.workflow.states.length + 1);
      await page.getByLabel('Libellé', { exact: true }).fill('En commission');
      await page.getByLabel('Libellé', { exact: true }).press('Enter');
      await expect
        .poll(() => page.getByRole('group', { name: /État « En commission »/ }).count())
        .toBe(1);
      await expectAccessible(page, 'circuit-etat-selectionne');

      await page.getByRole('button', { name: 'Vue en liste' }).click();
      await page.getByRole('button', { name: 'Modifier la transition « Accepter »' }).click();
      const guard = page.getByRole('group', { name: 'Possible seulement si (garde)' });
      // The hand-written income guard reads as one line; a second one is added from lists.
      await expect.poll(() => guard.getByLabel('Valeur').inputValue(), WAIT).toBe('1500');
      await guard.getByRole('button', { name: 'Ajouter une condition' }).click();
      await guard.getByLabel('Champ').last().selectOption('situation');
      await guard.getByLabel('Comparaison').last().selectOption('eq');
      await guard.getByLabel('Valeur').last().selectOption('couple');
      await expect.poll(() => guard.getByRole('group').count()).toBe(2);
      await expectAccessible(page, 'circuit-liste-transition');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows the definition in monaco, and a valid edit there reaches the other editors', async () => {
    const { page, context, problems } = await openPage(browser, url);
    try {
      await page.goto(PAGE);
      await page.getByRole('button', { name: 'JSON' }).click();
      await page.locator('.monaco-editor .view-lines').waitFor();
      await page.getByText('Document conforme au format').waitFor();
      await expectAccessible(page, 'json-charge');

      // Completion comes from the format's JSON Schema: the optional top-level properties.
      await page.locator('.monaco-editor .view-line').nth(1).click();
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
      await page.keyboard.type('"');
      await page.keyboard.press('Control+Space');
      await page.locator('.suggest-widget .monaco-list-row', { hasText: 'dataSources' }).waitFor();
      await page.keyboard.press('Escape');

      const edited = structuredClone(socialAidDefinition);
      edited.meta.title = 'Aide sociale renommée';
      edited.workflow.states[1]!.label = 'Reçu';
      // Pasted, as an admin brings a document from elsewhere (typing would auto-close brackets).
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      const paste = async (text: string) => {
        await page.evaluate((value) => navigator.clipboard.writeText(value), text);
        await page.locator('.monaco-editor .view-lines').click();
        await page.keyboard.press('ControlOrMeta+A');
        await page.keyboard.press('ControlOrMeta+V');
      };
      await paste(JSON.stringify(edited, null, 2));
      await expect.poll(() => page.locator('h1').textContent(), WAIT).toBe('Aide sociale renommée');

      await paste('{ "version": 2 }');
      await page.getByText(/erreur\(s\) : la démarche n’est pas mise à jour/).waitFor();
      expect(await page.locator('h1').textContent()).toBe('Aide sociale renommée');

      await page.getByRole('button', { name: 'Circuit' }).click();
      await expect
        .poll(() => page.getByRole('group', { name: /État « Reçu »/ }).count(), WAIT)
        .toBe(1);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
