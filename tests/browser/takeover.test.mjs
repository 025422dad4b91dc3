// Every page arrives as static HTML; when the app has loaded it replaces the page with its own
// rendering of the same page. Nothing may move when it does (layout shift measured by the
// browser, and the boxes of the page's landmarks compared before and after), and what the
// visitor already did on the static page is kept: scroll position, focus, typed text.
//
// The wasm download is held back in each test, so the static page is on screen for as long as
// the test needs, and then released.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appStarted, assertAccessible, assertNoErrors, catalogue, hasFocus, matching, useSite } from './support/browser.mjs';
import { BrowsePage } from './support/pages.mjs';
import { eventually, expect } from './support/expect.mjs';

const site = useSite();
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 900 };

/** A page whose wasm is held until `release()`; layout shifts are summed into window.cls. */
async function heldPage(viewport) {
  const page = await site.page({ viewport });
  let release;
  const gate = new Promise((resolve) => {
    release = resolve;
  });
  await page.route(/\.wasm$/, async (route) => {
    await gate;
    await route.continue();
  });
  await page.addInitScript(() => {
    window.cls = 0;
    new PerformanceObserver((list) => {
      for (const shift of list.getEntries()) if (!shift.hadRecentInput) window.cls += shift.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  return { page, release };
}

/** Resolves after two frames have been rendered. */
function nextFrames(page) {
  return page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
}

/** The boxes of what a reader sees first and last: heading, first and last card, footer. */
function landmarks(page) {
  return page.evaluate(() => {
    const box = (el) => {
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return [r.x, r.y + window.scrollY, r.width, r.height].map(Math.round);
    };
    const cards = document.querySelectorAll('main h3');
    return {
      heading: box(document.querySelector('h1')),
      firstCard: box(cards[0]),
      lastCard: box(cards[cards.length - 1]),
      footer: box(document.querySelector('footer')),
    };
  });
}

const resource = catalogue.resources.find((r) => r.subjects.length > 0);
const PAGES = [
  ['browse', 'browse'],
  ['a resource page', `resources/${resource.id}`],
];

for (const [name, path] of PAGES) {
  for (const viewport of [DESKTOP, PHONE]) {
    test(`${name} at ${viewport.width}px: the app takes over without moving anything`, async () => {
      const { page, release } = await heldPage(viewport);
      await page.goto(site.server.url(path));
      await page.getByRole('heading', { level: 1 }).waitFor();
      // Two frames, as after the take-over below: the browser has laid out the cards near the
      // view (content-visibility), so both sides are measured once the page has settled.
      await nextFrames(page);
      const before = await landmarks(page);
      assert.notEqual(before.heading, null);
      // The static page, as readers see it before the app runs (and as it stays without scripts).
      if (viewport === DESKTOP) await assertAccessible(page, `the static ${name}`);
      release();
      await appStarted(page);
      // Two frames: the app's first rendering is laid out and painted.
      await nextFrames(page);
      assert.deepEqual(await landmarks(page), before);
      const cls = await page.evaluate(() => window.cls);
      assert.ok(cls <= 0.05, `cumulative layout shift ${cls.toFixed(3)} during start-up (at most 0.05)`);
      console.log(`# ${name} at ${viewport.width}px: CLS ${cls.toFixed(3)} during start-up`);
      assertNoErrors(page);
    });
  }
}

test('the take-over keeps the scroll position and the focused link', async () => {
  const { page, release } = await heldPage(DESKTOP);
  await page.goto(site.server.url('browse'));
  const results = page.getByRole('list', { name: 'Results' });
  // A result's title link, a few results down.
  const link = results.getByRole('heading', { level: 3 }).nth(6).getByRole('link');
  const title = await link.textContent();
  await link.focus();
  await page.evaluate(() => window.scrollTo(0, 1500));
  // Two frames, as the tests above: the cards near the new view are laid out (content-
  // visibility), so what is on screen is measured once it has settled, on both sides.
  await nextFrames(page);
  // What is on screen: the first result title in view, and where. (Not scrollY itself: the
  // app's cards above the view are sized by their estimate until shown, and the browser's
  // scroll anchoring moves scrollY by the difference so that nothing on screen moves.)
  const inView = () =>
    page.evaluate(() => {
      const titles = [...document.querySelectorAll('main h3')];
      const first = titles.find((h) => h.getBoundingClientRect().top >= 0);
      return { title: first.textContent, top: Math.round(first.getBoundingClientRect().top) };
    });
  const before = await inView();
  release();
  await appStarted(page);
  await nextFrames(page);
  assert.deepEqual(await inView(), before);
  const theLink = page.getByRole('list', { name: 'Results' }).getByRole('link', { name: title, exact: true });
  assert.equal(await hasFocus(theLink), true);
  // It is the app's link now: following it is an in-app navigation.
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
});

test('what is typed and ticked before the app starts is kept, and acted on', async () => {
  const { page, release } = await heldPage(DESKTOP);
  await page.goto(site.server.url('browse'));
  const b = new BrowsePage(page, site.server);
  await b.search().fill('belonging');
  release();
  await appStarted(page);
  await expect(() => b.query().get('q'), (q) => assert.equal(q, 'belonging'));
  assert.equal(await b.search().inputValue(), 'belonging');
  const titles = await b.titles();
  assert.ok(titles.length > 0 && titles.length < catalogue.resources.length, `${titles.length} results`);
});

test('a filter ticked on the static page applies once the app starts', async () => {
  const { page, release } = await heldPage(DESKTOP);
  await page.goto(site.server.url('browse'));
  const type = catalogue.taxonomy.types[0];
  // The static page's filters are folded: open them as a visitor would.
  await page.getByText('Filter', { exact: true }).click();
  const b = new BrowsePage(page, site.server);
  await b.checkbox(type.label).check();
  release();
  await appStarted(page);
  await eventually(() => b.resultCount().textContent(), matching(catalogue.resources.filter((r) => r.type === type.id).length));
  assert.equal(await b.checkbox(type.label).isChecked(), true);
});

test('embedded with ?embed=1, the static page hides its chrome at once and links keep it embedded', async () => {
  const { page, release } = await heldPage(DESKTOP);
  await page.goto(site.server.url('browse?embed=1'));
  await page.getByRole('heading', { level: 1, name: 'Browse resources' }).waitFor();
  assert.equal(await page.getByRole('banner').count(), 0);
  assert.equal(await page.getByRole('contentinfo').count(), 0);
  // Followed before the app has started: a full page load of the next static page.
  const link = page.getByRole('list', { name: 'Results' }).getByRole('link').first();
  const title = await link.textContent();
  await link.click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  assert.equal(new URL(page.url()).searchParams.get('embed'), '1');
  assert.equal(await page.getByRole('banner').count(), 0);
  release();
  await appStarted(page);
  assert.equal(await page.getByRole('navigation', { name: 'Main' }).count(), 0);
});

test('until the visitor is there, the app does not start; the first movement starts it', async () => {
  const page = await site.page();
  await page.goto(site.server.url('browse'));
  await page.getByRole('heading', { level: 1, name: 'Browse resources' }).waitFor();
  await page.waitForTimeout(1500);
  assert.equal(await page.evaluate(() => Boolean(document.getElementById('boot'))), true, 'still the static page');
  assert.equal(await page.evaluate(() => 'wasmBindings' in window), false, 'the app has not even loaded');
  await page.mouse.move(200, 300);
  await page.waitForFunction(() => !document.getElementById('boot'), null, { timeout: 20_000 });
});

test('a button pressed before the app starts is pressed again in the app', async () => {
  const { page, release } = await heldPage(DESKTOP);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(site.server.url(`resources/${resource.id}`));
  await page.getByRole('button', { name: 'Copy citation' }).click();
  release();
  await appStarted(page);
  await page.getByRole('status').filter({ hasText: 'Citation copied.' }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(copied.includes(resource.title), copied);
});

test('a click in progress is not split by the take-over: it reaches what it was pressed on', async () => {
  const { page, release } = await heldPage(DESKTOP);
  await page.goto(site.server.url('browse'));
  const link = page.getByRole('list', { name: 'Results' }).getByRole('link').first();
  const title = await link.textContent();
  const box = await link.boundingBox();
  await page.mouse.move(box.x + 5, box.y + box.height / 2);
  await page.mouse.down();
  release();
  await page.waitForTimeout(1500);
  assert.equal(await page.evaluate(() => Boolean(document.getElementById('boot'))), true, 'held while the button is down');
  await page.mouse.up();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
});
