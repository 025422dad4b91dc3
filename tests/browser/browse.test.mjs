// Browsing: combining filters, search, sort, removable chips, the no-results state, and the
// URL as the one place state lives (shareable, reloadable, back/forward).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible, assertNoErrors, catalogue, count, hasFocus, label, matching, useSite } from './support/browser.mjs';
import { BrowsePage } from './support/pages.mjs';
import { eventually, expect } from './support/expect.mjs';

const site = useSite();
const total = catalogue.resources.length;
const CASE = label('types', 'case-study');
const REPORT = label('types', 'research-report');
const SOCIAL = label('approaches', 'social-integration');
const has = (list, id) => (r) => (list === 'type' ? r.type === id : r[list].includes(id));

const browse = (query, contextOptions) => BrowsePage.visit(site, query, contextOptions);

describe('filters', () => {
  test('terms within a facet are alternatives; counts stay those of adding each term', async () => {
    const b = await browse();
    await eventually(() => b.resultCount().textContent(), `Showing all ${total} resources`);
    await b.toggle(CASE);
    await b.toggle(REPORT);
    const expected = count((r) => ['case-study', 'research-report'].includes(r.type));
    await eventually(() => b.resultCount().textContent(), matching(expected));
    assert.equal(b.query().get('type'), 'case-study,research-report');
    // Type counts ignore the type selection: each says what that type alone contributes.
    assert.equal(await b.termCount(CASE), count(has('type', 'case-study')));
    assertNoErrors(b.page);
  });

  test('facets combine with AND, and each facet counts within the others', async () => {
    const b = await browse();
    await b.toggle(CASE);
    await b.toggle(SOCIAL);
    const both = (r) => r.type === 'case-study' && r.approaches.includes('social-integration');
    await eventually(() => b.resultCount().textContent(), matching(count(both)));
    // Approach counts are within case studies; type counts within social integration.
    assert.equal(await b.termCount(SOCIAL), count(both));
    assert.equal(await b.termCount(REPORT), count((r) => r.type === 'research-report' && r.approaches.includes('social-integration')));
    const titles = await b.titles();
    const expectedTitles = catalogue.resources.filter(both).map((r) => r.title);
    assert.deepEqual([...titles].sort(), [...expectedTitles].sort());
  });

  test('chips remove one filter, and Clear all removes every filter and the search', async () => {
    const b = await browse('?q=support&type=case-study&approach=social-integration');
    await b.chip(`Remove filter: ${CASE}`).click();
    await expect(() => b.query().get('type'), (v) => assert.equal(v, null));
    assert.equal(b.query().get('approach'), 'social-integration');
    // Focus moves to the result count, not to the top of the page.
    await eventually(() => hasFocus(b.resultCount()), true);
    await b.page.getByRole('button', { name: 'Clear all' }).click();
    await eventually(() => b.resultCount().textContent(), `Showing all ${total} resources`);
    assert.equal(await b.search().inputValue(), '');
    assert.equal(await b.checkbox(SOCIAL).isChecked(), false);
  });

  test('a checkbox toggles with the keyboard and keeps focus', async () => {
    const b = await browse();
    await b.checkbox(CASE).focus();
    await b.page.keyboard.press('Space');
    await expect(() => b.query().get('type'), (v) => assert.equal(v, 'case-study'));
    assert.equal(await b.checkbox(CASE).isChecked(), true);
    assert.equal(await hasFocus(b.checkbox(CASE)), true);
  });
});

test('the first page lists every resource as its static page does; later lists show fifty at a time', async () => {
  assert.ok(total > 50, `the catalogue needs more than 50 resources for this test (has ${total})`);
  const b = await browse();
  assert.equal((await b.titles()).length, total);
  await b.sort().selectOption({ label: 'Newest added' });
  await expect(() => b.titles(), (t) => assert.equal(t.length, 50));
  await b.page.getByRole('button', { name: `Show ${Math.min(50, total - 50)} more` }).click();
  await expect(() => b.titles(), (t) => assert.equal(t.length, Math.min(100, total)));
  // Focus continues at the first newly shown result.
  const next = (await b.titles())[50];
  const link = b.page.getByRole('list', { name: 'Results' }).getByRole('link', { name: next, exact: true });
  await eventually(() => hasFocus(link), true);
});

describe('search', () => {
  test('"case study accommodation" finds case studies about accommodation first', async () => {
    const b = await browse();
    await b.typeSearch('case study accommodation');
    await expect(() => b.query().get('q'), (v) => assert.equal(v, 'case study accommodation'));
    const titles = await expect(() => b.titles(), (t) => assert.ok(t.length > 0));
    const top = catalogue.resources.find((r) => r.title === titles[0]);
    assert.equal(top.type, 'case-study', `top result ${top.title}`);
    assert.ok(top.subjects.includes('accommodation'), `top result ${top.title} is about accommodation`);
  });

  test('search ignores case and accents and matches word beginnings', async () => {
    const b = await browse('?q=ACCOMMOD');
    const upper = await b.titles();
    assert.ok(upper.length > 0);
    await b.typeSearch('accommodàtion');
    await eventually(() => b.titles(), upper);
  });

  test('no results explains what to remove, and removing it brings results back', async () => {
    const b = await browse('?q=zzzyzx&type=case-study');
    await eventually(() => b.resultCount().textContent(), 'No resources match');
    await expect(() => b.page.getByText('No resource mentions “zzzyzx”').count(), (n) => assert.equal(n, 1));
    await b.page.getByRole('button', { name: /Remove the search “zzzyzx”/ }).click();
    const expected = count(has('type', 'case-study'));
    await eventually(() => b.resultCount().textContent(), matching(expected));
  });
});

describe('URL state', () => {
  test('reload restores the view and back/forward step through it', async () => {
    const b = await browse();
    await b.toggle(CASE);
    await b.sort().selectOption({ label: 'Title (A–Z)' });
    await expect(() => b.query().get('sort'), (v) => assert.equal(v, 'title'));
    const titles = await b.titles();
    await b.page.reload();
    await b.ready();
    await eventually(() => b.titles(), titles);
    assert.equal(await b.checkbox(CASE).isChecked(), true);
    assert.equal(await b.sort().inputValue(), 'title');
    await b.page.goBack();
    await expect(() => b.query().get('sort'), (v) => assert.equal(v, null));
    assert.equal(await b.checkbox(CASE).isChecked(), true);
    await b.page.goBack();
    await eventually(() => b.resultCount().textContent(), `Showing all ${total} resources`);
    await b.page.goForward();
    await eventually(() => b.checkbox(CASE).isChecked(), true);
  });

  test('unknown and malformed query values are ignored', async () => {
    const b = await browse('?type=podcast,case-study&approach=%FF%FE&sort=sideways&subject=&utm_source=mail');
    const expected = count(has('type', 'case-study'));
    await eventually(() => b.resultCount().textContent(), matching(expected));
    assertNoErrors(b.page);
  });

  test('typing keeps one history entry for the search', async () => {
    const b = await browse();
    const before = await b.page.evaluate(() => history.length);
    await b.search().pressSequentially('peer', { delay: 20 });
    await expect(() => b.query().get('q'), (v) => assert.equal(v, 'peer'));
    assert.equal(await b.page.evaluate(() => history.length), before + 1);
  });
});

test('the browse page passes axe in light and dark schemes', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const page = await site.page({ colorScheme });
    const b = new BrowsePage(page, site.server);
    await b.open('?type=case-study&q=support');
    await assertAccessible(page, `browse (${colorScheme})`);
  }
});

test('the no-results state passes axe', async () => {
  const b = await browse('?q=zzzyzx');
  await eventually(() => b.resultCount().textContent(), 'No resources match');
  await assertAccessible(b.page, 'no results');
});
