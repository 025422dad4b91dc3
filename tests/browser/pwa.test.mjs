// Offline use, catalogue refresh, version updates and installability: the service worker and
// manifest, in Chromium, as a visitor meets them.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, DIST, catalogue, launch, matching, newPage, serviceWorkerReady } from './support/browser.mjs';
import { BrowsePage } from './support/pages.mjs';
import { eventually } from './support/expect.mjs';
import { serve } from '../../scripts/static-server.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(() => browser.close());

test('after one visit the app loads, filters, searches and opens resources with the server stopped', async (t) => {
  const server = await serve(DIST);
  t.after(() => server.close()); // (it is stopped halfway through; this covers a failure before)
  const page = await newPage(browser);
  const b = new BrowsePage(page, server);
  await b.open();
  await serviceWorkerReady(page);
  await server.close();

  await page.reload();
  await b.ready();
  await b.toggle(catalogue.taxonomy.types[0].label);
  await eventually(() => b.resultCount().textContent(), matching(catalogue.resources.filter((r) => r.type === catalogue.taxonomy.types[0].id).length));
  await b.typeSearch('peer support');
  const titles = await b.titles();
  assert.ok(titles.length > 0, 'search works offline');
  await page.getByRole('link', { name: titles[0], exact: true }).click();
  await page.getByRole('heading', { level: 1, name: titles[0] }).waitFor();
  // A deep link typed into the address bar works offline too.
  const other = catalogue.resources.at(-1);
  await page.goto(server.url(`resources/${other.id}`));
  await page.getByRole('heading', { level: 1, name: other.title }).waitFor();
  assert.deepEqual(page.errors.filter((e) => !/ERR_CONNECTION_REFUSED|Failed to fetch/.test(e)), []);
});

test('a replaced catalogue shows within the visit after it is published, without a reload', async (t) => {
  const renamed = structuredClone(catalogue);
  renamed.resources[0].title = 'A freshly published title';
  let current = JSON.stringify(catalogue);
  const server = await serve(DIST, { override: (path) => (path === '/catalogue.json' ? { body: current } : null) });
  t.after(() => server.close());
  const page = await newPage(browser);
  const b = new BrowsePage(page, server);
  await b.open('?sort=title');
  await serviceWorkerReady(page);

  current = JSON.stringify(renamed);
  // This visit is served from the worker's copy at once, while the worker fetches the new
  // catalogue; when it sees the change it says so, and the app shows the new one.
  await page.reload();
  await b.ready();
  await eventually(async () => (await b.titles()).includes('A freshly published title'), true);
});

test('a new version waits until the visitor chooses to reload, then replaces the old one whole', async (t) => {
  const original = readFileSync(`${DIST}sw.js`, 'utf8');
  let worker = original;
  const server = await serve(DIST, {
    override: (path) => (path === '/sw.js' ? { body: worker, type: 'text/javascript' } : null),
  });
  t.after(() => server.close());
  const page = await newPage(browser);
  const b = new BrowsePage(page, server);
  await b.open();
  await serviceWorkerReady(page);
  await page.reload(); // now controlled by the first version
  await b.ready();
  const before = await page.evaluate(() => caches.keys());

  // Publish "the next build": same files, a new version.
  worker = original.replace(/"version":"[0-9a-f]+"/, '"version":"0000000000000next"');
  assert.notEqual(worker, original);
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  const notice = page.getByRole('status').filter({ hasText: 'A new version of the toolkit is ready.' });
  await notice.waitFor();
  // Until the visitor chooses, this visit keeps running the version it started with: both
  // versions' files are kept, each in its own cache.
  const oldShell = before.find((k) => k.startsWith('toolkit-shell-'));
  const during = await page.evaluate(() => caches.keys());
  assert.ok(during.includes(oldShell) && during.includes('toolkit-shell-0000000000000next'), during.join(', '));

  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload to update' }).click()]);
  await b.ready();
  const shells = (await page.evaluate(() => caches.keys())).filter((k) => k.startsWith('toolkit-shell-'));
  assert.deepEqual(shells, ['toolkit-shell-0000000000000next']);
});

test('Chromium finds the app installable', async () => {
  const server = await serve(DIST);
  // Installability is not checked in incognito-like contexts, so this test uses a profile.
  const profile = mkdtempSync(join(tmpdir(), 'toolkit-profile-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await context.newPage();
    await page.goto(server.url('/'));
    await serviceWorkerReady(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, []);
    const manifest = await cdp.send('Page.getAppManifest');
    assert.deepEqual(manifest.errors, []);
    const parsed = JSON.parse(manifest.data);
    assert.equal(parsed.display, 'standalone');
    assert.ok(parsed.icons.some((i) => i.purpose === 'maskable'));
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    await server.close();
  }
});
