// Shared set-up for the browser tests: Debian's Chromium driven by playwright-core, the built
// site served from dist/, accessibility checks with axe-core, and a page object per screen.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { serve } from '../../../scripts/static-server.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from '../../chromium.mjs';

const require = createRequire(import.meta.url);
export const DIST = new URL('../../../dist/', import.meta.url).pathname;
/** The same site built with `--public-url /intranet/toolkit/` (scripts/test builds it). */
export const DIST_SUBPATH = new URL('../../../dist-subpath/', import.meta.url).pathname;
export const SUBPATH = '/intranet/toolkit/';

/** The catalogue the site was built with, to compute what the pages should show. */
export const catalogue = JSON.parse(readFileSync(`${DIST}catalogue.json`, 'utf8'));

export { CHROMIUM, CHROMIUM_ARGS };

/**
 * Starts Chromium and a server for the whole test file; returns a getter for a fresh page per
 * test. `serveOptions` go to `serve` (base path, headers, response overrides).
 */
export function useSite(serveOptions = {}, dist = DIST) {
  const state = {};
  before(async () => {
    state.server = await serve(dist, serveOptions);
    state.browser = await launch();
  });
  after(async () => {
    await state.browser?.close();
    await state.server?.close();
  });
  return {
    get server() {
      return state.server;
    },
    get browser() {
      return state.browser;
    },
    /** A new page in a fresh context; its uncaught errors are collected in `page.errors`. */
    page(contextOptions = {}) {
      return newPage(state.browser, contextOptions);
    },
  };
}

/** Starts Debian's Chromium, headless. */
export function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** A page in a fresh context (its own storage and service workers). */
export async function newPage(browser, contextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...contextOptions });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') page.errors.push(m.text());
  });
  return page;
}

/**
 * Shows the visitor is there (a pointer movement), which starts the app, and waits until it
 * has taken over the page. Every page first arrives as static HTML, which looks the same but
 * whose controls do nothing until then; the app removes the static page's container (#boot)
 * in the same task as it mounts its own rendering. (Inside a frame the app starts at once.)
 */
export async function appStarted(pageOrFrame) {
  const page = typeof pageOrFrame.page === 'function' ? pageOrFrame.page() : pageOrFrame;
  await page.mouse.move(1, 1);
  await pageOrFrame.waitForFunction(() => !document.getElementById('boot'), null, { timeout: 20_000 });
}

/** Opens a URL and waits for the app to take over. */
export async function visit(page, url) {
  await page.goto(url);
  await appStarted(page);
}

/** Waits until a service worker is active for the page (the app shell is then cached). */
export async function serviceWorkerReady(page) {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return registration.active.state;
  });
}

/** Runs axe-core against the page (WCAG 2.2 A and AA rules) and fails with readable details. */
export async function assertAccessible(page, label) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const result = await page.evaluate(() =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }),
  );
  const problems = result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('\n    ')}`,
  );
  assert.deepEqual(problems, [], `accessibility problems on ${label}:\n${problems.join('\n')}`);
}

/** Whether the element a locator finds has keyboard focus. */
export function hasFocus(locator) {
  return locator.evaluate((el) => el === document.activeElement);
}

/** Asserts the page raised no uncaught errors. */
export function assertNoErrors(page) {
  assert.deepEqual(page.errors, [], 'page errors');
}

/** Labels of taxonomy terms, by facet list name ("types") and id. */
export function label(list, id) {
  return catalogue.taxonomy[list].find((t) => t.id === id).label;
}

/**
 * A page of every kind, by its path under the site ('' for home): home, browse and browse
 * searching `words` (sorted by evidence), a resource, a subject, a kind of evidence, a standard,
 * a collection, What's new, About, the guide to the evidence, My list and both forms; with the
 * resource, subject and collection chosen (each one that has something to show).
 */
export function everyKindOfPage(words) {
  const resource = catalogue.resources.find((r) => r.subjects.length && r.approaches.length);
  const subject = catalogue.taxonomy.subjects.find((s) => catalogue.resources.some((r) => r.subjects.includes(s.id)));
  const collection = catalogue.collections[0];
  const paths = [
    '',
    'browse',
    `browse?q=${encodeURIComponent(words)}&sort=evidence`,
    `resources/${resource.id}`,
    `subjects/${subject.id}`,
    'evidence/systematic-review',
    'standards/causal',
    `collections/${collection.id}`,
    'new',
    'about',
    'reading-the-evidence',
    'list',
    'contribute',
    'subscribe',
  ];
  return { paths, resource, subject, collection };
}

/** Resources matching a predicate, for expected counts. */
export function count(predicate) {
  return catalogue.resources.filter(predicate).length;
}

/** The result count the browse page announces for `n` matches. */
export function matching(n) {
  const total = catalogue.resources.length;
  if (n === 0) return 'No resources match';
  return n === 1 ? `1 of ${total} resources matches` : `${n} of ${total} resources match`;
}
