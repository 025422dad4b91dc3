// Home, resource detail, About and not-found pages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible, assertNoErrors, catalogue, count, hasFocus, useSite, visit } from './support/browser.mjs';
import { BrowsePage } from './support/pages.mjs';
import { eventually, expect } from './support/expect.mjs';

const site = useSite();

test('home shows the three approaches with their counts, the collections and the stance', async () => {
  const page = await site.page();
  // A page of its own: the build writes it, and the app does not start there.
  await page.goto(site.server.url('/'));
  for (const approach of catalogue.taxonomy.approaches) {
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: approach.label }) });
    const n = count((r) => r.approaches.includes(approach.id));
    await eventually(() => card.getByText(/\d+ resources?/).textContent(), `${n} resource${n === 1 ? '' : 's'}`);
  }
  await page.getByRole('heading', { name: 'A positive approach' }).waitFor();
  const collections = page.getByRole('region', { name: 'Collections' });
  for (const c of catalogue.collections) {
    const item = collections.getByRole('listitem').filter({ has: page.getByRole('heading', { name: c.title }) });
    assert.equal(await item.getByRole('link', { name: c.title }).getAttribute('href'), `/collections/${c.id}`);
    await item.getByText(`${c.resources.length} resources`).waitFor();
    // The introduction's first sentence; the whole is on the collection's page.
    await item.getByText(c.intro.split(/(?<=[.?!]) /)[0], { exact: true }).waitFor();
  }
  assert.match(await page.title(), /^Home – /);
  await assertAccessible(page, 'home');
  assertNoErrors(page);
});

test('an approach on the home page opens its page, which lists its resources and leads to filtering them', async () => {
  const page = await site.page();
  await page.goto(site.server.url('/'));
  const approach = catalogue.taxonomy.approaches[1];
  await page.getByRole('link', { name: approach.label }).click();
  await page.getByRole('heading', { level: 1, name: approach.label }).waitFor();
  assert.equal(new URL(page.url()).pathname, `/approaches/${approach.id}`);
  assert.match(await page.title(), new RegExp(`^${approach.label} – `));
  const n = count((r) => r.approaches.includes(approach.id));
  await page.getByRole('heading', { level: 2, name: `${n} resources` }).waitFor();
  const listed = await page.getByRole('main').getByRole('heading', { level: 3 }).allTextContents();
  const expected = catalogue.resources.filter((r) => r.approaches.includes(approach.id)).map((r) => r.title);
  assert.deepEqual([...listed].sort(), [...expected].sort());
  await assertAccessible(page, 'approach page');
  await page.getByRole('link', { name: 'Search and filter within these resources' }).click();
  await expect(() => new URL(page.url()).searchParams.get('approach'), (v) => assert.equal(v, approach.id));
  const b = new BrowsePage(page, site.server);
  await eventually(() => b.checkbox(approach.label).isChecked(), true);
  assertNoErrors(page);
});

test('the home search opens the browse page with the words', async () => {
  const page = await site.page();
  await page.goto(site.server.url('/'));
  await page.getByRole('searchbox', { name: 'Search the toolkit' }).fill('peer support');
  await page.getByRole('button', { name: 'Search' }).click();
  const b = new BrowsePage(page, site.server);
  await eventually(() => b.search().inputValue(), 'peer support');
  assert.equal(new URL(page.url()).pathname, '/browse');
  await b.ready();
  assert.ok((await b.titles()).length > 0);
});

test('an unknown collection says so', async () => {
  const page = await site.page();
  await visit(page, site.server.url('collections/no-such-collection'));
  await page.getByRole('heading', { level: 1, name: 'We could not find that collection' }).waitFor();
});

test('a resource page shows its facts, link, citation and related resources; back restores the results', async () => {
  const page = await site.page();
  const b = new BrowsePage(page, site.server);
  await b.open('?type=research-report&sort=title');
  const titles = await b.titles();
  // The first listed that has a link and a year, so both are checked.
  const r = titles.map((t) => catalogue.resources.find((x) => x.title === t)).find((x) => x.url && x.year);
  assert.ok(r, 'a listed research report with a link and a year');
  await page.getByRole('link', { name: r.title, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: r.title }).waitFor();
  assert.equal(new URL(page.url()).pathname, `/resources/${r.id}`);
  assert.match(await page.title(), new RegExp(`^${r.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} – `));
  assert.equal(await page.getByRole('link', { name: /Go to the resource/ }).getAttribute('href'), r.url);
  const citation = await page.getByRole('region', { name: 'Cite this resource' }).textContent();
  assert.ok(citation.includes(r.title), citation);
  assert.ok(citation.includes(`(${r.year})`), citation);
  const related = page.getByRole('region', { name: 'Related resources' }).getByRole('heading', { level: 3 });
  assert.ok((await related.count()) > 0);
  await assertAccessible(page, 'resource page');
  await page.goBack();
  await eventually(() => b.titles(), titles);
  assert.equal(b.query().get('type'), 'research-report');
  assertNoErrors(page);
});

test("a subject on a resource page opens the subject's page, which lists that resource", async () => {
  const page = await site.page();
  const r = catalogue.resources.find((x) => x.subjects.length > 0);
  await visit(page, site.server.url(`resources/${r.id}`));
  const subject = catalogue.taxonomy.subjects.find((s) => s.id === r.subjects[0]);
  await page.getByRole('link', { name: subject.label, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: subject.label }).waitFor();
  assert.equal(new URL(page.url()).pathname, `/subjects/${subject.id}`);
  await page.getByRole('main').getByRole('link', { name: r.title, exact: true }).waitFor();
});

test('an unknown term says so', async () => {
  const page = await site.page();
  await visit(page, site.server.url('types/podcast'));
  await page.getByRole('heading', { level: 1, name: 'We could not find that resource type' }).waitFor();
});

test('an unknown resource says so and offers a way on', async () => {
  const page = await site.page();
  await visit(page, site.server.url('resources/no-such-resource'));
  await page.getByRole('heading', { level: 1, name: 'We could not find that resource' }).waitFor();
  await page.getByRole('link', { name: 'Browse all resources' }).waitFor();
  await assertAccessible(page, 'missing resource');
});

test('an unknown address shows the not-found page', async () => {
  const page = await site.page();
  await visit(page, site.server.url('no/such/page'));
  await page.getByRole('heading', { level: 1, name: 'We could not find that page' }).waitFor();
});

const ABOUT_SECTIONS = [
  'Where it comes from',
  'The research model',
  'What is included',
  'Our stance on resilience',
  'Who developed the toolkit',
  'The accommodation projects',
  'The launch',
  'How to cite the toolkit',
];

test('the About page explains the background, the research model, who made it and how to cite it', async () => {
  const page = await site.page();
  await visit(page, site.server.url('browse'));
  // A page of its own: the browser loads it, and the app does not take it over.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'About' }).click();
  await page.waitForURL(site.server.url('about'));
  for (const name of ABOUT_SECTIONS) await page.getByRole('heading', { level: 2, name }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'About' }).getAttribute('aria-current'), 'page');
  assert.equal(await page.locator('[data-standalone]').count(), 1);
  await page.getByText('Fay Sherrington').waitFor();
  await page.getByText('1 February 2018', { exact: false }).first().waitFor();
  assertNoErrors(page);
});

test('the research model is a drawing with a text equivalent whose approaches lead to their resources', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const page = await site.page({ colorScheme });
    await page.goto(site.server.url('about'));
    const drawing = page.getByRole('img', { name: /^The research model/ });
    await drawing.waitFor();
    assert.match(await drawing.getAttribute('aria-describedby'), /\S/);
    await assertAccessible(page, `about (${colorScheme})`);
  }
  // Every factor and approach named in the drawing is in the text after it.
  const page = await site.page({ viewport: { width: 320, height: 640 } });
  await page.goto(site.server.url('about'));
  const words = await page.getByRole('main').locator('figure + h3 + ul').innerText();
  for (const factor of ['Emotional control', 'Self-management', 'Social integration', 'support networks', 'social relationships']) {
    assert.ok(words.includes(factor), `the text equivalent names ${factor}`);
  }
  // Readable at 320 px: no sideways scrolling, and the drawing's text no smaller than 13 px.
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 320);
  const smallest = await page.locator('figure svg text').evaluateAll((texts) =>
    Math.min(...texts.map((t) => t.getBoundingClientRect().height)),
  );
  assert.ok(smallest >= 13, `the drawing's smallest text is ${smallest.toFixed(1)} px high at 320 px`);
  // In forced colours the drawing keeps its outlines (system colours, not the scheme's).
  await page.emulateMedia({ forcedColors: 'active' });
  const stroke = await page.locator('figure svg rect').first().evaluate((r) => getComputedStyle(r).stroke);
  assert.notEqual(stroke, 'none');
  await page.getByRole('link', { name: 'self-management approach' }).click();
  await page.getByRole('heading', { level: 1, name: catalogue.taxonomy.approaches.find((a) => a.id === 'self-management').label }).waitFor();
});

test('the skip link moves focus to the main content', async () => {
  const page = await site.page();
  await visit(page, site.server.url('contribute'));
  await page.getByRole('heading', { level: 1, name: 'Suggest a resource' }).waitFor();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  assert.equal(await hasFocus(skip), true);
  await page.keyboard.press('Enter');
  await eventually(() => hasFocus(page.getByRole('main')), true);
});

test('the layout works on a phone-sized screen without horizontal scrolling', async () => {
  const page = await site.page({ viewport: { width: 360, height: 740 } });
  const b = new BrowsePage(page, site.server);
  await b.open('?type=case-study');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
  // The filters start folded so the first results are on the first screen.
  const first = page.getByRole('list', { name: 'Results' }).getByRole('heading', { level: 3 }).first();
  assert.ok((await first.boundingBox()).y < 740, 'first result is on the first screen');
  const approach = page.getByRole('group', { name: 'Approach' });
  assert.equal(await approach.isVisible(), false);
  await page.getByText('Filter', { exact: true }).click();
  assert.equal(await approach.isVisible(), true);
  await assertAccessible(page, 'browse on a phone');
});

test('printing hides the controls and keeps the content', async () => {
  const page = await site.page();
  const b = new BrowsePage(page, site.server);
  await b.open();
  await page.emulateMedia({ media: 'print' });
  assert.equal(await b.search().isVisible(), false);
  assert.equal(await page.getByRole('group', { name: 'Approach' }).isVisible(), false);
  assert.ok((await b.titles()).length > 0);
});
