// Live pages: a deployer edits config.json or replaces catalogue.json on the server, without
// rebuilding. Every static page records the digests of the settings and catalogue it was
// written from; where the live files differ, the visitor sees the live ones within a moment
// on every kind of page, without anyone moving a pointer and without a layout jump. Where they
// are the same, pages of their own are never taken over: the app does not even start.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DIST, assertNoErrors, catalogue, label, useSite } from './support/browser.mjs';

const RENAMED = 'building-belonging';
const REMOVED = 'boingboing-resilience-framework';
const ADDED = 'a-resource-added-after-the-build';
const NEW_TITLE = 'Student Support Toolkit';

const original = (id) => catalogue.resources.find((r) => r.id === id);
const renamedTitle = `${original(RENAMED).title} (second edition)`;
const addedTitle = 'A resource added on the server after the build';

/** The catalogue as the deployer replaced it: one resource renamed, one removed, one added. */
function liveCatalogue() {
  const live = JSON.parse(readFileSync(`${DIST}catalogue.json`, 'utf8'));
  const today = live.resources.map((r) => r.added).sort().at(-1);
  live.resources = live.resources
    .filter((r) => r.id !== REMOVED)
    .map((r) => (r.id === RENAMED ? { ...r, title: renamedTitle } : r));
  live.resources.push({
    ...original(RENAMED),
    id: ADDED,
    title: addedTitle,
    subjects: ['belonging'],
    approaches: ['social-integration'],
    added: today,
  });
  return JSON.stringify(live);
}

const config = JSON.parse(readFileSync(`${DIST}config.json`, 'utf8'));
let responses = {};
/** What the server sent, file by file (status 200: the whole file). */
const sent = [];
const site = useSite({ override: (path) => responses[path] ?? null, log: (entry) => sent.push(entry) });

const LIVE = {
  '/config.json': { body: JSON.stringify({ ...config, title: NEW_TITLE }) },
  '/catalogue.json': { body: liveCatalogue() },
};

/** Records the page's layout shifts (as CLS counts them). */
async function open(path, contextOptions = {}) {
  const page = await site.page(contextOptions);
  await page.addInitScript(() => {
    window.shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.shifts.push(entry.value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(site.server.url(path));
  return page;
}

const banner = (page) => page.getByRole('banner').getByRole('link', { name: NEW_TITLE });
const shifted = (page) => page.evaluate(() => window.shifts.reduce((a, b) => a + b, 0));
const emotional = label('approaches', 'emotional-control');
const approachCount = (id) => catalogue.resources.filter((r) => r.approaches.includes(id)).length;

/** Every kind of page, and what shows it is live (beyond the title in the banner, on all). */
const PAGES = [
  ['home', '', async (page) => {
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: emotional }) });
    await card.getByText(`${approachCount('emotional-control') - 1} resources`).waitFor();
  }],
  ["a subject's page", 'subjects/belonging', async (page) => {
    const results = page.getByRole('main');
    await results.getByRole('link', { name: renamedTitle }).waitFor();
    await results.getByRole('link', { name: addedTitle }).waitFor();
    assert.equal(await results.getByRole('link', { name: original(REMOVED).title }).count(), 0);
  }],
  ['a collection', 'collections/belonging-and-social-connection', async (page) => {
    await page.getByRole('main').getByRole('link', { name: renamedTitle }).waitFor();
  }],
  ["What's new", 'new', async (page) => {
    await page.getByRole('main').getByRole('link', { name: addedTitle }).waitFor();
    assert.equal(await page.getByRole('main').getByRole('link', { name: original(REMOVED).title }).count(), 0);
  }],
  ['About', 'about', async () => {}],
  ['how to read the evidence', 'reading-the-evidence', async () => {}],
  ['a resource', `resources/${RENAMED}`, async (page) => {
    await page.getByRole('heading', { level: 1, name: renamedTitle }).waitFor();
  }],
  ["a removed resource's page", `resources/${REMOVED}`, async (page) => {
    await page.getByRole('heading', { level: 1, name: 'We could not find that resource' }).waitFor();
  }],
  ['browse', 'browse', async (page) => {
    await page.getByRole('list', { name: 'Results' }).getByRole('link', { name: addedTitle }).waitFor();
  }],
  ['My list', 'list', async () => {}],
];

for (const [kind, path, live] of PAGES) {
  test(`${kind}: settings and catalogue replaced on the server show within a moment, without a jump`, async () => {
    responses = LIVE;
    const page = await open(path);
    // Nobody moves a pointer: the page brings itself up to date.
    await banner(page).waitFor({ timeout: 15_000 });
    await live(page);
    assert.match(await page.title(), new RegExp(`${NEW_TITLE}$`));
    const cls = await shifted(page);
    assert.ok(cls < 0.05, `layout shift ${cls.toFixed(3)} on ${kind}`);
    assertNoErrors(page);
  });
}

const OF_THEIR_OWN = PAGES.filter(([kind]) =>
  ['home', "a subject's page", 'a collection', "What's new", 'About', 'how to read the evidence'].includes(kind),
);

test('on an unchanged site, pages of their own stay as written and never start the app', async () => {
  responses = {};
  for (const [kind, path] of OF_THEIR_OWN) {
    const page = await open(path);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate(() => Boolean(document.getElementById('boot'))), true, `${kind}: still the static page`);
    // (Its files are fetched into the browser's cache, for the service worker to keep.)
    assert.equal(await page.evaluate(() => 'wasmBindings' in window), false, `${kind}: the app did not start`);
    assert.equal(await page.getByRole('banner').getByRole('link', { name: config.title.en ?? config.title }).count(), 1);
    assert.equal(await shifted(page), 0, `${kind}: nothing moved`);
    assertNoErrors(page);
    await page.context().close();
  }
});

test('the app takes the settings and catalogue the page has just checked from the browser, not the server again', async () => {
  responses = {};
  sent.length = 0;
  // A first visit: what the page and its app ask the server for (without the service worker,
  // which keeps its own copies).
  const page = await open('browse', { serviceWorkers: 'block' });
  await page.waitForLoadState('networkidle');
  await page.mouse.move(1, 1);
  await page.waitForFunction(() => !document.getElementById('boot'), null, { timeout: 20_000 });
  await page.getByRole('status').filter({ hasText: `Showing all ${catalogue.resources.length} resources` }).waitFor();
  // Asked for once each, by the check: not again by the app, not even to hear "304 Not Modified".
  const asked = (path) => sent.filter((entry) => entry.path === path).map((entry) => entry.status);
  assert.deepEqual(asked('/config.json'), [200]);
  assert.deepEqual(asked('/catalogue.json'), [200]);
  assertNoErrors(page);
});
