// The evidence behind each resource: the kind and standard of evidence as filters (counted
// against catalogue.json, independently of the app), in the URL, as a sort and as search words;
// the label on every card and resource page; the guide to reading the evidence; and the kinds'
// and standards' own pages, read with JavaScript off.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible, assertNoErrors, catalogue, count, label, matching, useSite } from './support/browser.mjs';
import { BrowsePage } from './support/pages.mjs';
import { eventually, expect } from './support/expect.mjs';

const site = useSite();
const { standards, evidence: kinds } = catalogue.taxonomy;
const KIND = 'Kind of evidence';
const STANDARD = 'Standard of evidence';
const GUIDE = 'reading-the-evidence';
const resource = (id) => catalogue.resources.find((r) => r.id === id);
/** What a card and a resource page say of a resource's evidence. */
const evidenceLabel = (r) => `Evidence: ${label('evidence', r.evidence)} · ${label('standards', r.standard)}`;

const browse = (query, contextOptions) => BrowsePage.visit(site, query, contextOptions);

describe('the evidence filters', () => {
  test('every kind and standard shows how many resources it has', async () => {
    const b = await browse();
    await b.showAllTerms(KIND);
    for (const kind of kinds) {
      assert.equal(await b.termCount(kind.label, KIND), count((r) => r.evidence === kind.id), kind.id);
    }
    for (const standard of standards) {
      assert.equal(await b.termCount(standard.label, STANDARD), count((r) => r.standard === standard.id), standard.id);
    }
    assertNoErrors(b.page);
  });

  test('kinds are alternatives, standards narrow them, and each facet counts within the others', async () => {
    const b = await browse();
    const trial = label('evidence', 'randomised-controlled-trial');
    const review = label('evidence', 'systematic-review');
    await b.toggle(trial, KIND);
    await b.toggle(review, KIND);
    const either = (r) => ['randomised-controlled-trial', 'systematic-review'].includes(r.evidence);
    await eventually(() => b.resultCount().textContent(), matching(count(either)));
    assert.equal(b.query().get('evidence'), 'randomised-controlled-trial,systematic-review');
    // A kind's count ignores the kinds chosen: what that kind alone would add.
    assert.equal(await b.termCount(review, KIND), count((r) => r.evidence === 'systematic-review'));

    await b.toggle(label('standards', 'causal'), STANDARD);
    const causal = (r) => either(r) && r.standard === 'causal';
    await eventually(() => b.resultCount().textContent(), matching(count(causal)));
    assert.equal(b.query().get('standard'), 'causal');
    // Within the chosen kinds, each standard counts what choosing it instead would give.
    const notImpact = label('standards', 'not-impact');
    assert.equal(await b.termCount(notImpact, STANDARD), count((r) => either(r) && r.standard === 'not-impact'));
    // And each kind counts within the causal standard.
    assert.equal(await b.termCount(review, KIND), count((r) => r.evidence === 'systematic-review' && r.standard === 'causal'));
    const titles = await b.titles();
    assert.deepEqual([...titles].sort(), catalogue.resources.filter(causal).map((r) => r.title).sort());

    // The URL holds it all: a reload shows the same.
    await b.page.reload();
    await b.ready();
    await eventually(() => b.resultCount().textContent(), matching(count(causal)));
    assert.equal(await b.checkbox(trial, KIND).isChecked(), true);
    await assertAccessible(b.page, 'browse filtered by evidence');
  });

  test('"What these mean" leads to the guide', async () => {
    const b = await browse();
    const help = b.page.getByRole('group', { name: KIND, exact: true }).getByRole('link', { name: 'What these mean' });
    assert.equal(await help.getAttribute('href'), `/${GUIDE}#evidence`);
  });
});

test('"Strongest evidence first" puts causal evidence first, then empirical, narrative and the rest', async () => {
  const b = await browse();
  await b.sort().selectOption({ label: 'Strongest evidence first' });
  await expect(() => b.query().get('sort'), (v) => assert.equal(v, 'evidence'));
  // The first page of results (50).
  const titles = await b.titles();
  const shown = titles.map((t) => catalogue.resources.find((r) => r.title === t));
  const rank = (r) => standards.findIndex((s) => s.id === r.standard) * 100 + kinds.findIndex((k) => k.id === r.evidence);
  const ranks = shown.map(rank);
  assert.deepEqual(ranks, [...ranks].sort((x, y) => x - y), 'standard, then kind, in the taxonomy order');
  // Every resource tested with a comparison group comes before any that was not.
  const causal = count((r) => r.standard === 'causal');
  assert.ok(causal > 0 && causal < titles.length);
  assert.deepEqual(shown.slice(0, causal).map((r) => r.standard), Array(causal).fill('causal'));
  assert.notEqual(shown[causal].standard, 'causal');
});

test('the kinds and standards are search words: RCT, randomised, meta-analysis, systematic review, causal', async () => {
  const b = await browse();
  const cases = [
    ['RCT', (r) => r.evidence === 'randomised-controlled-trial'],
    ['causal', (r) => r.standard === 'causal'],
    ['meta-analysis', (r) => r.evidence === 'systematic-review'],
    ['systematic review', (r) => r.evidence === 'systematic-review'],
    ['randomised', (r) => r.evidence === 'randomised-controlled-trial'],
  ];
  for (const [words, tagged] of cases) {
    await b.typeSearch(words);
    const titles = await b.titles();
    const expected = catalogue.resources.filter(tagged).map((r) => r.title);
    const missing = expected.filter((t) => !titles.includes(t));
    assert.deepEqual(missing, [], `"${words}" finds every resource labelled so`);
  }
  // A standard is found by its own words, never by "impact" in "Not an impact study".
  await b.typeSearch('impact');
  const notImpact = (await b.titles()).filter((t) => {
    const r = catalogue.resources.find((x) => x.title === t);
    return !/impact/i.test(`${r.title} ${r.summary}`);
  });
  assert.deepEqual(notImpact, [], 'every result for "impact" says impact');
});

test('every card says what kind of evidence it is and links to how to read it', async () => {
  const b = await browse();
  const cards = b.page.getByRole('list', { name: 'Results' }).getByRole('article');
  assert.equal(await cards.count(), catalogue.resources.length);
  const [top] = await b.titles();
  const first = catalogue.resources.find((r) => r.title === top);
  const link = cards.first().getByRole('link', { name: evidenceLabel(first) });
  assert.equal(await link.getAttribute('href'), `/${GUIDE}#${first.evidence}`);
});

test("a resource page gives its evidence, what it rests on, and links to the kind's and standard's pages", async () => {
  const page = await site.page();
  const r = resource('oasis-sleep-trial');
  await page.goto(site.server.url(`resources/${r.id}`));
  const facts = page.getByRole('definition').filter({ hasText: r.evidence_basis });
  await facts.waitFor();
  assert.equal(await facts.getByRole('link', { name: label('evidence', r.evidence), exact: true }).getAttribute('href'), `/evidence/${r.evidence}`);
  assert.equal(await facts.getByRole('link', { name: label('standards', r.standard), exact: true }).getAttribute('href'), `/standards/${r.standard}`);
  await facts.getByRole('link', { name: 'What this kind of evidence can tell you' }).click();
  await page.getByRole('heading', { level: 1, name: 'How to read the evidence' }).waitFor();
  assert.equal(new URL(page.url()).hash, `#${r.evidence}`);
});

test('the guide explains every standard and kind, with counts that match the catalogue', async () => {
  const page = await site.page();
  await page.goto(site.server.url(GUIDE));
  await page.getByRole('heading', { level: 1, name: 'How to read the evidence' }).waitFor();
  for (const [list, field] of [['standards', 'standard'], ['evidence', 'evidence']]) {
    for (const term of catalogue.taxonomy[list]) {
      const section = page.getByRole('region', { name: term.label, exact: true });
      await section.getByText(term.description).waitFor();
      const n = count((r) => r[field] === term.id);
      const link = section.getByRole('link', { name: `${n === 1 ? '1 resource' : `${n} resources`} in the toolkit` });
      assert.equal(await link.getAttribute('href'), `/${list}/${term.id}`);
    }
  }
  // The table: each kind's row adds up to its resources, and the last row to the catalogue.
  const table = page.getByRole('table', { name: /Resources by kind of evidence/ });
  for (const kind of kinds) {
    const row = table.getByRole('row', { name: new RegExp(`^${kind.label.replace(/[()]/g, '\\$&')} `) });
    const cells = await row.getByRole('cell').allTextContents();
    assert.deepEqual(cells.map(Number), [...standards.map((s) => count((r) => r.evidence === kind.id && r.standard === s.id)), count((r) => r.evidence === kind.id)], kind.id);
  }
  const sources = page.getByRole('link', { name: '“What is causal evidence?”' });
  assert.equal(await sources.getAttribute('href'), 'https://taso.org.uk/evidence/toolkit/what-is-causal-evidence');
  await assertAccessible(page, 'how to read the evidence');
});

test('with JavaScript off, each kind and standard has a page listing its resources', async () => {
  const page = await site.page({ javaScriptEnabled: false });
  for (const [list, field, id] of [['evidence', 'evidence', 'randomised-controlled-trial'], ['standards', 'standard', 'causal'], ['evidence', 'evidence', 'survey-or-cohort']]) {
    const response = await page.goto(site.server.url(`${list}/${id}`));
    assert.equal(response.status(), 200);
    await page.getByRole('heading', { level: 1, name: label(list, id) }).waitFor();
    const n = count((r) => r[field] === id);
    await page.getByRole('heading', { level: 2, name: n === 1 ? '1 resource' : `${n} resources` }).waitFor();
    const titles = await page.getByRole('heading', { level: 3 }).allTextContents();
    assert.deepEqual([...titles].sort(), catalogue.resources.filter((r) => r[field] === id).map((r) => r.title).sort());
    assert.equal(await page.getByRole('link', { name: 'How to read the evidence' }).getAttribute('href'), `/${GUIDE}#${id}`);
  }
  // The collection of everything tested with a comparison group lists exactly the causal evidence.
  await page.goto(site.server.url('collections/tested-with-a-comparison-group'));
  const listed = await page.getByRole('heading', { level: 3 }).allTextContents();
  assert.deepEqual([...listed].sort(), catalogue.resources.filter((r) => r.standard === 'causal').map((r) => r.title).sort());
});
