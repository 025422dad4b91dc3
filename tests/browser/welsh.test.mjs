// The toolkit in Welsh (Cymraeg) at /cy/…: every page in Welsh with no English interface text
// (checked against the English message catalogue), the language link on every page leading to
// the same page in the other language and back, search state kept across it, axe with no
// violations, JavaScript off, offline, and under a sub-path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  DIST,
  DIST_SUBPATH,
  SUBPATH,
  appStarted,
  assertAccessible,
  assertNoErrors,
  catalogue,
  everyKindOfPage,
  serviceWorkerReady,
  useSite,
} from './support/browser.mjs';
import { englishPieces, fill, messages } from './support/messages.mjs';
import { eventually, expect } from './support/expect.mjs';
import { serve } from '../../scripts/static-server.mjs';

const site = useSite();
const EN = messages('en');
const CY = messages('cy');
/** The Welsh of the English message whose text is `english` (a test names controls so). */
function cy(english) {
  const key = Object.keys(EN).find((k) => EN[k] === english);
  assert.ok(key, `no English message reads "${english}"`);
  return CY[key];
}
const ENGLISH = englishPieces('cy');
/** English term and collection words, which Welsh pages give in Welsh. */
for (const list of ['approaches', 'types', 'standards', 'evidence', 'subjects']) {
  for (const term of catalogue.taxonomy[list]) if (term.cy && term.cy.label !== term.label) ENGLISH.push(term.label);
}
for (const c of catalogue.collections) if (c.cy) ENGLISH.push(c.title);

const { paths: PAGES, resource, subject } = everyKindOfPage('cwsg');

/** The page's words a reader meets (text and accessible names), outside anything marked as
 *  English (a resource's own title and summary, the link to the English page). */
function readerWords(page) {
  return page.evaluate(() => {
    const english = (el) => /^en\b/.test(el.closest('[lang]')?.getAttribute('lang') ?? '');
    const words = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || el.closest('script, style, noscript, template') || english(el)) continue;
      words.push(node.textContent);
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [alt], [aria-description]')) {
      if (english(el)) continue;
      for (const name of ['aria-label', 'title', 'placeholder', 'alt', 'aria-description']) {
        if (el.hasAttribute(name)) words.push(el.getAttribute(name));
      }
    }
    words.push(document.title);
    return words.join('\n').replace(/[ \t]+/g, ' ');
  });
}

/** What the catalogue's resources were published with (titles, summaries, credits, the
 *  setting, what their evidence rests on, curators' notes): in their own language on every page,
 *  so taken out of a page's words before looking for English. Longest first. */
const PUBLISHED = [
  ...catalogue.resources.flatMap((r) => [r.title, r.summary, r.publisher, r.evidence_basis, r.sector, r.country, r.url, ...r.authors]),
  ...catalogue.collections.flatMap((c) => c.resources.map((item) => item.note ?? '')),
]
  .filter((text) => text && text.length > 2)
  .sort((a, b) => b.length - a.length);

function englishIn(words) {
  let text = words;
  for (const published of PUBLISHED) text = text.split(published).join(' ¶ ');
  return ENGLISH.filter((piece) => {
    const at = text.indexOf(piece);
    if (at < 0) return false;
    // A whole phrase, not part of a longer word.
    const before = text[at - 1] ?? ' ';
    const after = text[at + piece.length] ?? ' ';
    return !/[\p{L}]/u.test(before) && !/[\p{L}]/u.test(after);
  });
}

test('no English interface text on a Welsh page, as written and once the app has it', async () => {
  const page = await site.page();
  const found = [];
  for (const path of PAGES) {
    await page.goto(site.server.url(`cy/${path}`));
    assert.equal(await page.getAttribute('html', 'lang'), 'cy', path);
    const seen = [['static', await readerWords(page)]];
    if (!(await page.locator('#boot[data-standalone]').count())) {
      await appStarted(page);
      assert.equal(await page.getAttribute('html', 'lang'), 'cy', `${path}, in the app`);
      seen.push(['app', await readerWords(page)]);
    }
    for (const [when, text] of seen) {
      for (const piece of englishIn(text)) found.push(`/cy/${path} (${when}): "${piece}"`);
    }
  }
  assert.deepEqual(found, []);
  assertNoErrors(page);
});

test('the language link on every page leads to the same page in the other language and back', async () => {
  const page = await site.page({ viewport: { width: 375, height: 700 } });
  for (const path of PAGES.filter((p) => !p.includes('?'))) {
    await page.goto(site.server.url(path));
    const toWelsh = page.getByRole('link', { name: 'Cymraeg', exact: true });
    // Found at once on a phone: in the first screenful, above the navigation.
    const box = await toWelsh.boundingBox();
    assert.ok(box && box.y < 120, `/${path}: the link to Cymraeg is at ${box?.y}px`);
    await toWelsh.click();
    await page.waitForURL(site.server.url(`cy/${path}`));
    assert.equal(await page.getAttribute('html', 'lang'), 'cy');
    const toEnglish = page.getByRole('link', { name: 'English', exact: true });
    assert.equal(await toEnglish.getAttribute('lang'), 'en-GB');
    await toEnglish.click();
    await page.waitForURL(site.server.url(path));
    assert.equal(await page.getAttribute('html', 'lang'), 'en-GB');
  }
});

test("each page names its other language's page for search engines, as the sitemap does", async () => {
  const origin = process.env.SITE_URL.replace(/\/$/, '');
  const page = await site.page({ javaScriptEnabled: false });
  for (const path of ['', `resources/${resource.id}`, 'browse']) {
    await page.goto(site.server.url(`cy/${path}`));
    const alternates = await page.$$eval('link[rel=alternate][hreflang]', (links) =>
      links.map((l) => [l.getAttribute('hreflang'), l.getAttribute('href')]),
    );
    assert.deepEqual(alternates, [
      ['en', `${origin}/${path}`],
      ['cy', `${origin}/cy/${path}`],
      ['x-default', `${origin}/${path}`],
    ]);
    assert.equal(await page.getAttribute('meta[property="og:locale"]', 'content'), 'cy_GB');
    assert.equal(await page.getAttribute('link[rel=canonical]', 'href'), `${origin}/cy/${path}`);
  }
  await page.goto(site.server.url('cy/'));
  const home = await page.$eval('script[type="application/ld+json"]', (s) => JSON.parse(s.textContent));
  assert.equal(home.inLanguage, 'cy');
  const sitemap = readFileSync(`${DIST}sitemap.xml`, 'utf8');
  const entry = sitemap.split('<url>').find((u) => u.includes(`<loc>${origin}/cy/about</loc>`));
  assert.ok(entry, 'the Welsh About page is in the sitemap');
  assert.ok(entry.includes(`<xhtml:link rel="alternate" hreflang="en" href="${origin}/about"/>`), entry);
});

test('the app keeps the page in Welsh: its links, its search in Welsh words, and the state across the language link', async () => {
  const page = await site.page();
  await page.goto(site.server.url('cy/browse?q=cwsg'));
  await appStarted(page);
  const sleep = catalogue.taxonomy.subjects.find((s) => s.id === 'sleep');
  const n = catalogue.resources.filter((r) => r.subjects.includes('sleep')).length;
  assert.ok(sleep && n > 0, 'the catalogue has resources on sleep');
  // "cwsg" is the Welsh label of Sleep: it finds the term's resources.
  await expect(
    () => page.getByRole('status').allTextContents(),
    (texts) => texts.some((t) => t.includes(String(n))),
    { message: `the count of the ${n} resources on sleep` },
  );
  for (const href of await page.locator('main a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
    assert.ok(href.startsWith('/cy/'), `a link in the Welsh app leads to ${href}`);
  }
  const title = await page.locator('main h2 a, main h3 a').first().textContent();
  await page.locator('main h2 a, main h3 a').first().click();
  await page.getByRole('heading', { level: 1, name: title.trim() }).waitFor();
  assert.match(new URL(page.url()).pathname, /^\/cy\/resources\//);
  await page.goBack();
  await page.getByRole('link', { name: 'English', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/browse');
  assert.equal(new URL(page.url()).searchParams.get('q'), 'cwsg');
  assertNoErrors(page);
});

test('Welsh pages pass axe, written and in the app', async () => {
  const page = await site.page();
  for (const path of ['', 'browse', `resources/${resource.id}`, 'contribute', 'list', 'reading-the-evidence']) {
    await page.goto(site.server.url(`cy/${path}`));
    await assertAccessible(page, `/cy/${path}`);
    if (!(await page.locator('#boot[data-standalone]').count())) {
      await appStarted(page);
      await assertAccessible(page, `/cy/${path} in the app`);
    }
  }
});

test('with JavaScript off, the Welsh pages read fully and lead to each other', async () => {
  const page = await site.page({ javaScriptEnabled: false });
  await page.goto(site.server.url('cy/'));
  const label = subject.cy.label;
  await page.getByRole('link', { name: label, exact: true }).first().click();
  await page.getByRole('heading', { level: 1, name: label }).waitFor();
  assert.equal(new URL(page.url()).pathname, `/cy/subjects/${subject.id}`);
  const first = page.locator('main h2 a, main h3 a').first();
  const title = (await first.textContent()).trim();
  await first.click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  assert.match(new URL(page.url()).pathname, /^\/cy\/resources\//);
  // The resource's words are marked as the language they were written in.
  assert.match((await page.getByRole('heading', { level: 1 }).evaluate((h) => h.closest('[lang]').getAttribute('lang'))), /^en/);
});

test('offline, a Welsh page visited once opens again in Welsh', async (t) => {
  const server = await serve(DIST);
  t.after(() => server.close());
  const page = await site.page();
  await page.goto(server.url('cy/browse'));
  await appStarted(page);
  await serviceWorkerReady(page);
  const heading = cy('Browse resources');
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await server.close();
  await page.reload();
  await appStarted(page);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  // A Welsh page never visited: the app draws it, in Welsh.
  await page.goto(server.url('cy/about'));
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'cy');
  await eventually(() => page.getByRole('navigation').first().getAttribute('aria-label'), CY['layout.nav']);
  // A page the worker never kept is the app's own page in Welsh (cy/app.html), which the app
  // renders: its manifest is the Welsh one, and the page reads in Welsh.
  const other = catalogue.resources.at(-2);
  await page.goto(server.url(`cy/resources/${other.id}`));
  await page.getByRole('heading', { level: 1, name: other.title }).waitFor();
  assert.equal(await page.getAttribute('link[rel=manifest]', 'href'), 'manifest-cy.webmanifest');
  assert.equal(await page.getAttribute('html', 'lang'), 'cy');
});

test('under a sub-path, the Welsh pages and their app stay under it', async (t) => {
  const server = await serve(DIST_SUBPATH, { base: SUBPATH });
  t.after(() => server.close());
  const page = await site.page();
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(server.url('cy/browse'));
  await appStarted(page);
  await page.getByRole('heading', { level: 1, name: cy('Browse resources') }).waitFor();
  const nav = page.getByRole('navigation', { name: CY['layout.nav'] });
  assert.equal(await nav.getByRole('link', { name: CY['layout.about'] }).getAttribute('href'), `${SUBPATH}cy/about`);
  assert.equal(await page.getByRole('link', { name: 'English', exact: true }).getAttribute('href'), `${SUBPATH}browse`);
  assert.deepEqual(requests.filter((p) => !p.startsWith(SUBPATH)), []);
  assert.ok(requests.some((p) => /messages-cy-[0-9a-f]{16}\.json$/.test(p)), 'the Welsh messages are fetched');
  assertNoErrors(page);
});

test('an English visit never downloads the Welsh messages, nor the Welsh pages, even once the worker has the site', async (t) => {
  const served = [];
  const server = await serve(DIST, { log: ({ path }) => served.push(path) });
  t.after(() => server.close());
  const page = await site.page();
  await page.goto(server.url('browse'));
  await appStarted(page);
  await serviceWorkerReady(page);
  await page.goto(server.url(''));
  assert.deepEqual(served.filter((p) => p.includes('messages-') || p.startsWith('/cy/')), []);
  // A Welsh visit takes its messages, and the worker keeps them with the Welsh top pages.
  await page.goto(server.url('cy/'));
  await page.getByRole('link', { name: CY['layout.browse'] }).first().click();
  await page.waitForURL(server.url('cy/browse'));
  // (The pointer moves again, as a visitor's would: the page starts the app for a visitor.)
  await page.mouse.move(20, 20);
  await appStarted(page);
  assert.ok(served.some((p) => /messages-cy-[0-9a-f]{16}\.json$/.test(p)), 'the Welsh messages are fetched');
});
