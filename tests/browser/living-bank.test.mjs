// The living bank: What's new (resources by the month they were added), the collections, and
// the Atom feeds with their autodiscovery links. What's new and the collections are pages of
// their own: written by the build, taken over by the app only when their data is stale.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIST, assertAccessible, catalogue, launch, newPage, serviceWorkerReady, useSite, visit } from './support/browser.mjs';
import { serve } from '../../scripts/static-server.mjs';

const SITE_URL = process.env.SITE_URL;
assert.ok(SITE_URL, 'SITE_URL must be set, as scripts/test sets it for the build and the tests');
const site = useSite();
const byId = new Map(catalogue.resources.map((r) => [r.id, r]));
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const monthOf = (date) => `${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;

let browser;
before(async () => {
  browser = await launch();
});
after(() => browser.close());

/** The app never starts on a page of its own, even once the visitor is there. */
async function assertStandalone(page) {
  await page.mouse.move(5, 5);
  await page.keyboard.press('Shift');
  await page.waitForTimeout(1500);
  assert.equal(await page.evaluate(() => document.getElementById('boot')?.hasAttribute('data-standalone')), true);
}

test('the seed catalogue has at least four collections of six, including accommodation and careers', () => {
  const ids = catalogue.collections.map((c) => c.id);
  assert.ok(ids.length >= 4, `${ids.length} collections`);
  for (const id of ['resilience-in-accommodation', 'careers-and-employability']) assert.ok(ids.includes(id), id);
  for (const c of catalogue.collections) assert.ok(c.resources.length >= 6, `${c.id}: ${c.resources.length}`);
});

test("What's new lists the collections, then every resource by the month it was added, newest first", async () => {
  const page = await site.page();
  await visit(page, site.server.url('browse'));
  // From an app page: a full page load of a page of its own.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: "What's new" }).click();
  await page.getByRole('heading', { level: 1, name: "What's new" }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/new');
  assert.match(await page.title(), /^What's new – /);
  const collections = page.getByRole('region', { name: 'Collections' });
  for (const c of catalogue.collections) {
    await collections.getByRole('link', { name: c.title }).waitFor();
  }
  const newest = [...catalogue.resources].sort((a, b) => b.added.localeCompare(a.added) || (a.title < b.title ? -1 : 1));
  const months = [...new Set(newest.map((r) => monthOf(r.added)))];
  const headings = await page.getByRole('main').getByRole('heading', { level: 2 }).allTextContents();
  assert.deepEqual(headings.filter((h) => /\d{4}$/.test(h)), months);
  const first = page.getByRole('region', { name: months[0] });
  const titles = await first.getByRole('heading', { level: 3 }).allTextContents();
  assert.deepEqual(titles, newest.filter((r) => monthOf(r.added) === months[0]).map((r) => r.title));
  // How to follow it, in plain words.
  const updates = page.getByRole('region', { name: 'Get updates' });
  for (const reader of ['Outlook', 'Microsoft Teams']) await updates.getByText(reader, { exact: false }).first().waitFor();
  assert.equal(await updates.getByRole('link', { name: 'Feed of new resources' }).getAttribute('href'), '/feed.xml');
  await assertAccessible(page, "what's new");
  await assertStandalone(page);
  assert.deepEqual(page.errors, []);
});

test('a collection page shows its introduction and its resources in order, each with its note', async () => {
  const page = await newPage(browser);
  const c = catalogue.collections.find((x) => x.id === 'resilience-in-accommodation');
  await page.goto(site.server.url(`new`));
  await page.getByRole('link', { name: c.title }).click();
  await page.getByRole('heading', { level: 1, name: c.title }).waitFor();
  assert.equal(new URL(page.url()).pathname, `/collections/${c.id}`);
  await page.getByText(c.intro).waitFor();
  const list = page.getByRole('region', { name: `${c.resources.length} resources` });
  const titles = await list.getByRole('heading', { level: 3 }).allTextContents();
  assert.deepEqual(titles, c.resources.map((item) => byId.get(item.id).title));
  for (const item of c.resources.filter((i) => i.note)) await list.getByText(item.note).waitFor();
  assert.equal(await list.getByRole('list').first().evaluate((el) => el.localName), 'ol');
  const feed = page.getByRole('link', { name: 'Feed of this collection' });
  assert.equal(await feed.getAttribute('href'), `/collections/${c.id}.xml`);
  // Back to the list of collections.
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Collections' }).click();
  await page.getByRole('heading', { level: 1, name: "What's new" }).waitFor();
  await page.goto(site.server.url(`collections/${c.id}`));
  await assertAccessible(page, 'collection page');
  await assertStandalone(page);
  await page.close();
});

test('a resource page names the collections that hold it, each leading to its page', async () => {
  const page = await newPage(browser);
  const holding = (id) => catalogue.collections.filter((c) => c.resources.some((i) => i.id === id));
  const r = catalogue.resources.find((x) => holding(x.id).length >= 2);
  await visit(page, site.server.url(`resources/${r.id}`));
  const facts = page.getByRole('definition').filter({ has: page.getByRole('link', { name: holding(r.id)[0].title }) });
  const links = await facts.getByRole('link').allTextContents();
  assert.deepEqual(links, holding(r.id).map((c) => c.title));
  await page.getByRole('term').filter({ hasText: 'In these collections' }).waitFor();
  await facts.getByRole('link', { name: holding(r.id)[1].title }).click();
  await page.getByRole('heading', { level: 1, name: holding(r.id)[1].title }).waitFor();
  await assertStandalone(page);
  // A resource in no collection says nothing about collections.
  const alone = catalogue.resources.find((x) => holding(x.id).length === 0);
  await visit(page, site.server.url(`resources/${alone.id}`));
  await page.getByRole('heading', { level: 1, name: alone.title }).waitFor();
  assert.equal(await page.getByRole('term').filter({ hasText: 'In these collections' }).count(), 0);
  await page.close();
});

test('every kind of page names the feed for feed readers; a collection page names its own too', async () => {
  const page = await newPage(browser);
  const c = catalogue.collections[0];
  const alternates = () =>
    page.evaluate(() => [...document.querySelectorAll('link[rel="alternate"][type="application/atom+xml"]')].map((l) => [l.title, l.href]));
  for (const path of ['', 'browse', 'about', `resources/${catalogue.resources[0].id}`, 'new', 'approaches/self-management']) {
    await page.goto(site.server.url(path));
    const links = await alternates();
    assert.ok(links.some(([title, href]) => href === `${SITE_URL}feed.xml` && /new resources/.test(title)), `${path || 'home'}: ${JSON.stringify(links)}`);
  }
  await page.goto(site.server.url(`collections/${c.id}`));
  assert.ok((await alternates()).some(([, href]) => href === `${SITE_URL}collections/${c.id}.xml`));
  await page.close();
});

/** Parses Atom in the browser and gives what RFC 4287 requires of it. */
async function readFeed(page, path) {
  const response = await fetch(site.server.url(path));
  assert.equal(response.status, 200, path);
  const xml = await response.text();
  return page.evaluate((text) => {
    const ATOM = 'http://www.w3.org/2005/Atom';
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    const root = doc.documentElement;
    const kids = (el, name) => [...el.children].filter((c) => c.namespaceURI === ATOM && c.localName === name);
    const one = (el, name) => kids(el, name).map((c) => c.textContent);
    const links = (el) => kids(el, 'link').map((l) => ({ rel: l.getAttribute('rel') ?? 'alternate', href: l.getAttribute('href'), type: l.getAttribute('type') }));
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: root.localName,
      ns: root.namespaceURI,
      id: one(root, 'id'),
      title: one(root, 'title'),
      updated: one(root, 'updated'),
      authors: kids(root, 'author').map((a) => one(a, 'name')),
      links: links(root),
      entries: kids(root, 'entry').map((e) => ({
        id: one(e, 'id'),
        title: one(e, 'title'),
        updated: one(e, 'updated'),
        summary: one(e, 'summary'),
        links: links(e),
      })),
    };
  }, xml);
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function assertValidAtom(feed, selfUrl) {
  assert.equal(feed.error, null);
  assert.equal(feed.root, 'feed');
  assert.equal(feed.ns, 'http://www.w3.org/2005/Atom');
  assert.equal(feed.id.length, 1);
  assert.equal(feed.title.length, 1);
  assert.equal(feed.updated.length, 1);
  assert.match(feed.updated[0], RFC3339);
  assert.ok(feed.authors.length >= 1 && feed.authors[0][0], 'the feed has an author');
  assert.ok(feed.links.some((l) => l.rel === 'self' && l.href === selfUrl && l.type === 'application/atom+xml'));
  assert.ok(feed.links.some((l) => l.rel === 'alternate' && l.type === 'text/html'));
  const ids = new Set();
  for (const e of feed.entries) {
    for (const field of ['id', 'title', 'updated']) assert.equal(e[field].length, 1, `${field} of ${e.title}`);
    assert.match(e.updated[0], RFC3339);
    assert.ok(!ids.has(e.id[0]), `${e.id[0]} twice`);
    ids.add(e.id[0]);
    assert.ok(e.summary[0]?.length > 0, `summary of ${e.title}`);
    assert.ok(e.links.some((l) => l.rel === 'alternate' && l.href === e.id[0]));
  }
}

test('feed.xml is valid Atom with the newest additions; each collection has its own feed', async () => {
  const page = await newPage(browser);
  await page.goto(site.server.url('new'));
  const feed = await readFeed(page, 'feed.xml');
  assertValidAtom(feed, `${SITE_URL}feed.xml`);
  assert.equal(feed.entries.length, Math.min(50, catalogue.resources.length));
  const dates = feed.entries.map((e) => e.updated[0]);
  assert.deepEqual(dates, [...dates].sort().reverse(), 'newest first');
  const top = feed.entries[0];
  const resource = catalogue.resources.find((r) => `${SITE_URL}resources/${r.id}` === top.id[0]);
  assert.equal(top.title[0], resource.title);
  assert.ok(top.summary[0].startsWith(resource.summary));
  for (const c of catalogue.collections) {
    const own = await readFeed(page, `collections/${c.id}.xml`);
    assertValidAtom(own, `${SITE_URL}collections/${c.id}.xml`);
    assert.deepEqual(new Set(own.entries.map((e) => e.id[0])), new Set(c.resources.map((i) => `${SITE_URL}resources/${i.id}`)));
  }
  await page.close();
});

test('home, What\'s new, the collections and the terms\' pages are there offline after one visit', async (t) => {
  const server = await serve(DIST);
  t.after(() => server.close());
  const page = await newPage(browser);
  await page.goto(server.url('/'));
  await serviceWorkerReady(page);
  await page.evaluate(() => new Promise((ok) => setTimeout(ok, 500)));
  await server.close();
  const c = catalogue.collections.at(-1);
  await page.goto(server.url(`collections/${c.id}`));
  await page.getByRole('heading', { level: 1, name: c.title }).waitFor();
  await page.goto(server.url('new'));
  await page.getByRole('heading', { level: 1, name: "What's new" }).waitFor();
  const subject = catalogue.taxonomy.subjects.at(-1);
  await page.goto(server.url(`subjects/${subject.id}`));
  await page.getByRole('heading', { level: 1, name: subject.label }).waitFor();
  await page.goto(server.url('/'));
  await page.getByRole('heading', { level: 1, name: 'Resources for developing student resilience' }).waitFor();
  await page.close();
});
