// Search that forgives, as a visitor sees it: the notice when only some words match, "Did you
// mean", the taxonomy terms a search names, and the matched words marked in the results
// (readable in both schemes and in forced colours, and not read out as extra text).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible, assertNoErrors, catalogue, useSite } from './support/browser.mjs';
import { BrowsePage } from './support/pages.mjs';
import { eventually, expect } from './support/expect.mjs';

const site = useSite();
const total = catalogue.resources.length;

const browse = (query, contextOptions) => BrowsePage.visit(site, query, contextOptions);

/** Resources whose title or summary mentions a word (as a whole word, any case). */
function mentioning(word) {
  const re = new RegExp(`\\b${word}\\b`, 'i');
  return catalogue.resources.filter((r) => re.test(r.title) || re.test(r.summary));
}

describe('partial matches', () => {
  test('a word no resource has does not empty the page: the others still find results', async () => {
    assert.equal(mentioning('headaches').length, 0, 'the fixture word must be absent');
    const b = await browse('?q=money+headaches');
    await expect(() => b.resultCount().textContent(), (t) => assert.match(t, /^\d+ of \d+ resources match(es)? some of your words$/));
    await expect(
      () => b.page.getByText('No resource mentions “headaches”; showing resources that match “money”.').count(),
      (n) => assert.equal(n, 1),
    );
    const titles = await b.titles();
    assert.ok(titles.length > 0);
    // The same resources as searching for "money" alone.
    const money = await browse('?q=money');
    assert.deepEqual(await money.titles(), titles);
    assertNoErrors(b.page);
  });
});

describe('did you mean', () => {
  test('a misspelt word still finds results and offers the spelling the catalogue uses', async () => {
    const b = await browse();
    await b.typeSearch('accomodation');
    const misspelt = await expect(() => b.titles(), (t) => assert.ok(t.length > 0));
    const suggestion = b.page.getByRole('link', { name: 'accommodation', exact: true });
    await eventually(() => suggestion.count(), 1);
    assert.match(await suggestion.evaluate((a) => a.parentElement.textContent), /^Did you mean accommodation\?$/);
    await suggestion.click();
    await expect(() => b.query().get('q'), (v) => assert.equal(v, 'accommodation'));
    await eventually(() => b.search().inputValue(), 'accommodation');
    const correct = await b.titles();
    // Every resource the right spelling finds, the misspelling found too.
    assert.ok(correct.every((t) => misspelt.includes(t)));
    assert.equal(await b.page.getByText('Did you mean').count(), 0);
  });
});

describe('terms named by a search', () => {
  test('an acronym finds its subject and links to it', async () => {
    const pgr = catalogue.taxonomy.subjects.find((t) => t.id === 'postgraduate-research');
    assert.ok(pgr.aliases.includes('PGR'));
    const b = await browse('?q=PGR');
    const tagged = catalogue.resources.filter((r) => r.subjects.includes(pgr.id)).length;
    await eventually(() => b.resultCount().textContent(), tagged === 1 ? `1 of ${total} resources matches` : `${tagged} of ${total} resources match`);
    const link = b.page.getByRole('link', { name: pgr.label, exact: true }).first();
    await link.click();
    await eventually(() => new URL(b.page.url()).pathname.endsWith(`/subjects/${pgr.id}`), true);
  });
});

describe('highlighting', () => {
  test('matched words are marked in titles and summaries, without changing what is read', async () => {
    const b = await browse('?q=accommodation');
    const results = b.page.getByRole('list', { name: 'Results' });
    const marks = results.locator('mark');
    await expect(() => marks.count(), (n) => assert.ok(n > 0));
    for (const text of await marks.allTextContents()) assert.match(text, /^accommodation$/i);
    // The link's accessible name is the title as written: marks add no words.
    const first = results.getByRole('heading', { level: 3 }).first();
    const title = await first.textContent();
    assert.ok(catalogue.resources.some((r) => r.title === title), title);
    await expect(() => results.getByRole('link', { name: title, exact: true }).count(), (n) => assert.equal(n, 1));
    // The announced count carries no marked text.
    assert.equal(await b.resultCount().locator('mark').count(), 0);
  });

  test('typo, compound and alias matches are marked too', async () => {
    const b = await browse('?q=wellbeing+accomodation');
    const marks = await expect(
      () => b.page.getByRole('list', { name: 'Results' }).locator('mark').allTextContents(),
      (m) => assert.ok(m.length > 0),
    );
    const words = new Set(marks.map((m) => m.toLowerCase()));
    assert.ok([...words].every((w) => ['wellbeing', 'well-being', 'accommodation'].includes(w)), [...words].join(', '));
    assert.ok(words.has('accommodation'));
  });

  test('marks pass axe in light and dark schemes and stay visible in forced colours', async () => {
    for (const colorScheme of ['light', 'dark']) {
      const b = await browse('?q=peer+support', { colorScheme });
      await expect(() => b.page.locator('mark').count(), (n) => assert.ok(n > 0));
      await assertAccessible(b.page, `marked results (${colorScheme})`);
    }
    const b = await browse('?q=peer', { forcedColors: 'active' });
    const mark = b.page.locator('mark').first();
    await mark.waitFor();
    const [markBg, cardBg] = await mark.evaluate((m) => [
      getComputedStyle(m).backgroundColor,
      getComputedStyle(m.closest('article')).backgroundColor,
    ]);
    assert.notEqual(markBg, 'rgba(0, 0, 0, 0)');
    assert.notEqual(markBg, cardBg, 'the mark stands out from the card in forced colours');
  });
});
