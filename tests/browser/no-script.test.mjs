// With JavaScript off (locked-down staff machines, some link previewers, readers that block
// scripts), every page still reads fully and every link works: the static pages are the site.
// Searching and filtering say that they need JavaScript and point to the term pages instead.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { catalogue, count, label, useSite } from './support/browser.mjs';

const site = useSite();

async function noScriptPage() {
  return site.page({ javaScriptEnabled: false });
}

/** The notes that say a control needs JavaScript, each ending in a link to the term lists.
 *  (They are in <noscript>, whose text Playwright's text matching skips, so they are found by
 *  their link.) */
async function scriptNotes(page) {
  const links = page.getByRole('link', { name: 'browse by approach, type, evidence or subject' });
  return Promise.all((await links.all()).map((link) => link.locator('..').textContent()));
}
const NOTE = (what) => `${what} needs JavaScript, which is not running in this browser. You can still browse by approach, type, evidence or subject.`;

test('home reads fully, searches, and leads to every approach, type and subject page', async () => {
  const page = await noScriptPage();
  const response = await page.goto(site.server.url('/'));
  assert.equal(response.status(), 200);
  await page.getByRole('heading', { level: 1, name: 'Resources for developing student resilience' }).waitFor();
  assert.match(await page.title(), /^Home – /);
  for (const approach of catalogue.taxonomy.approaches) {
    const link = page.getByRole('link', { name: approach.label, exact: true });
    assert.equal(await link.getAttribute('href'), `/approaches/${approach.id}`);
  }
  // Its search box is an ordinary form: it opens the browse page with the words.
  assert.deepEqual(await scriptNotes(page), []);
  await page.getByRole('searchbox', { name: 'Search the toolkit' }).fill('peer support');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('heading', { level: 1, name: 'Browse resources' }).waitFor();
  assert.equal(new URL(page.url()).searchParams.get('q'), 'peer support');
  await page.goBack();
  const subject = catalogue.taxonomy.subjects.find((s) => catalogue.resources.some((r) => r.subjects.includes(s.id)));
  await page.getByRole('region', { name: 'By subject' }).getByRole('link', { name: subject.label, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: subject.label }).waitFor();
  const n = count((r) => r.subjects.includes(subject.id));
  await page.getByRole('heading', { level: 2, name: n === 1 ? '1 resource' : `${n} resources` }).waitFor();
});

test('a resource page reads fully, and its links lead to real pages', async () => {
  const page = await noScriptPage();
  const r = catalogue.resources.find((x) => x.url && x.subjects.length > 0 && x.authors.length > 0);
  await page.goto(site.server.url(`resources/${r.id}`));
  await page.getByRole('heading', { level: 1, name: r.title }).waitFor();
  await page.getByText(r.summary).waitFor();
  assert.equal(await page.getByRole('link', { name: /Go to the resource/ }).getAttribute('href'), r.url);
  await page.getByRole('definition').filter({ hasText: r.authors[0] }).first().waitFor();
  const citation = await page.getByRole('region', { name: 'Cite this resource' }).textContent();
  assert.ok(citation.includes(r.title), citation);
  assert.ok((await page.getByRole('region', { name: 'Related resources' }).getByRole('link').count()) > 0);

  // Its type's page, then back to another resource: full page loads of static pages.
  await page.getByRole('link', { name: label('types', r.type), exact: true }).click();
  await page.getByRole('heading', { level: 1, name: label('types', r.type) }).waitFor();
  const other = catalogue.resources.find((x) => x.type === r.type && x.id !== r.id);
  await page.getByRole('link', { name: other.title, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: other.title }).waitFor();
  assert.equal(new URL(page.url()).pathname, `/resources/${other.id}`);
});

test('the browse page lists every resource and says filtering and search need JavaScript', async () => {
  const page = await noScriptPage();
  await page.goto(site.server.url('browse'));
  await page.getByText(`Showing all ${catalogue.resources.length} resources`).waitFor();
  const titles = await page.getByRole('list', { name: 'Results' }).getByRole('heading', { level: 3 }).allTextContents();
  assert.deepEqual([...titles].sort(), catalogue.resources.map((r) => r.title).sort());
  assert.deepEqual(await scriptNotes(page), [NOTE('Searching'), NOTE('Filtering')]);
});

test('"Save" is not offered without scripts, and My list says it needs them', async () => {
  const page = await noScriptPage();
  await page.goto(site.server.url('browse'));
  await page.getByText(`Showing all ${catalogue.resources.length} resources`).waitFor();
  assert.equal(await page.getByRole('button', { name: /^Save/ }).count(), 0, 'no button that would do nothing');
  await page.goto(site.server.url('list'));
  await page.getByRole('heading', { level: 1, name: 'My list' }).waitFor();
  assert.match((await page.locator('noscript').allTextContents()).join(' '), /My list needs JavaScript/);
  assert.equal(await page.getByText('Loading your list…').isVisible(), false);
  assert.equal(await page.getByRole('button').count(), 0);
});

test('the About page reads fully and its approach links work', async () => {
  const page = await noScriptPage();
  await page.goto(site.server.url('about'));
  for (const name of ['Where it comes from', 'What is included', 'Our stance on resilience']) {
    await page.getByRole('heading', { level: 2, name }).waitFor();
  }
  await page.getByRole('main').getByRole('link', { name: 'self-management', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: label('approaches', 'self-management') }).waitFor();
});

test('an unknown resource gets the not-found page with status 404', async () => {
  const page = await noScriptPage();
  const response = await page.goto(site.server.url('resources/no-such-resource'));
  assert.equal(response.status(), 404);
  await page.getByRole('heading', { level: 1, name: 'We could not find that page' }).waitFor();
  await page.getByRole('link', { name: 'Browse all resources' }).click();
  await page.getByRole('heading', { level: 1, name: 'Browse resources' }).waitFor();
});
