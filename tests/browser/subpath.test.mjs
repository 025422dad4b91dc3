// The site built with `--public-url /intranet/toolkit/` works under that path: links, router,
// catalogue and settings, service worker scope and the manifest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { DIST_SUBPATH, SUBPATH, assertNoErrors, catalogue, matching, serviceWorkerReady, useSite, visit } from './support/browser.mjs';
import { BrowsePage } from './support/pages.mjs';
import { eventually } from './support/expect.mjs';

assert.ok(existsSync(`${DIST_SUBPATH}index.html`), 'build dist-subpath first (scripts/test does)');
const site = useSite({ base: SUBPATH }, DIST_SUBPATH);

test('under a sub-path, every page, link and fetch stays under it', async () => {
  const page = await site.page();
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  // Home is a page of its own (the app does not start there); its search opens the browse page.
  await page.goto(site.server.url('/'));
  await page.getByRole('heading', { level: 1, name: 'Resources for developing student resilience' }).waitFor();

  await page.getByRole('searchbox', { name: 'Search the toolkit' }).fill('belonging');
  await page.getByRole('button', { name: 'Search' }).click();
  const b = new BrowsePage(page, site.server);
  await b.ready();
  assert.equal(new URL(page.url()).pathname, `${SUBPATH}browse`);
  assert.equal(await b.search().inputValue(), 'belonging');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Browse resources' }).click();
  await eventually(() => b.search().inputValue(), '');
  assert.equal(new URL(page.url()).pathname, `${SUBPATH}browse`);
  await b.toggle(catalogue.taxonomy.types[1].label);
  await eventually(() => b.resultCount().textContent(), matching(catalogue.resources.filter((r) => r.type === catalogue.taxonomy.types[1].id).length));

  const [first] = await b.titles();
  const r = catalogue.resources.find((x) => x.title === first);
  await page.getByRole('link', { name: first, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: first }).waitFor();
  assert.equal(new URL(page.url()).pathname, `${SUBPATH}resources/${r.id}`);

  // A deep link reloads under the sub-path.
  await page.reload();
  await page.getByRole('heading', { level: 1, name: first }).waitFor();
  const outside = requests.filter((p) => !p.startsWith(SUBPATH));
  assert.deepEqual(outside, [], 'requests outside the sub-path');
  assert.ok(requests.includes(`${SUBPATH}catalogue.json`) && requests.includes(`${SUBPATH}config.json`));
  assertNoErrors(page);
});

test('under a sub-path, the service worker and manifest are scoped to it', async () => {
  const page = await site.page();
  await visit(page, site.server.url('contribute'));
  await serviceWorkerReady(page);
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  assert.equal(scope, site.server.url('/'));
  const cdp = await page.context().newCDPSession(page);
  const manifest = JSON.parse((await cdp.send('Page.getAppManifest')).data);
  assert.equal(new URL(manifest.start_url, site.server.url('manifest.webmanifest')).href, site.server.url('/'));
  assert.equal(new URL(manifest.scope, site.server.url('manifest.webmanifest')).href, site.server.url('/'));
});

test('under a sub-path, My list is kept for that copy of the toolkit and its pages stay under it', async () => {
  const page = await site.page();
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  const [r] = catalogue.resources;
  await visit(page, site.server.url(`resources/${r.id}`));
  await page.getByRole('button', { name: 'Save to My list' }).click();
  assert.equal(await page.evaluate(() => localStorage.getItem('resilience-toolkit:/intranet/toolkit:list')), JSON.stringify([r.id]));
  await page.getByRole('link', { name: 'My list (1)' }).click();
  await page.getByRole('heading', { level: 3, name: r.title }).waitFor();
  assert.equal(new URL(page.url()).pathname, `${SUBPATH}list`);
  await page.getByRole('list', { name: '1 resource saved' }).getByRole('link', { name: r.title }).click();
  await page.getByRole('heading', { level: 1, name: r.title }).waitFor();
  assert.equal(new URL(page.url()).pathname, `${SUBPATH}resources/${r.id}`);
  assert.deepEqual(requests.filter((p) => !p.startsWith(SUBPATH)), [], 'requests outside the sub-path');
  assertNoErrors(page);
});
