// Taking resources away as files (issue #13): a resource's citation and the browse page's
// results as CSV (for Excel), RIS and BibTeX (for reference managers), in the order shown,
// read back field by field; offline too; and a printed list of results as a reading list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { assertAccessible, assertNoErrors, catalogue, label, serviceWorkerReady, useSite, visit } from './support/browser.mjs';
import { BrowsePage } from './support/pages.mjs';

const site = useSite();
const byId = new Map(catalogue.resources.map((r) => [r.id, r]));

/** Clicks a format's button in an export group and returns the downloaded file's name and text. */
async function download(page, group, format) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('group', { name: group }).getByRole('button', { name: format, exact: true }).click()]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

/** RFC 4180 rows (quoted fields may hold commas, quotes and line breaks). */
function readCsv(text) {
  const rows = [[]];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), (i += 1);
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') rows.at(-1).push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') rows.at(-1).push(field), (field = ''), rows.push([]), (i += 1);
    else field += c;
  }
  if (rows.at(-1).length === 0 && field === '') rows.pop();
  return rows;
}

/** RIS records: each a list of [tag, value], from TY to ER. */
function readRis(text) {
  const records = [];
  for (const line of text.split('\r\n').filter(Boolean)) {
    const [, tag, value] = line.match(/^([A-Z][A-Z0-9])  - ?(.*)$/) ?? assert.fail(`not RIS: ${line}`);
    if (tag === 'TY') records.push([]);
    records.at(-1).push([tag, value]);
  }
  return records;
}

/** BibTeX entries' types and keys, in order, and each entry's fields' names. */
function readBibtex(text) {
  return [...text.matchAll(/@(\w+)\{([^,]+),\n([\s\S]*?)\n\}/g)].map(([, type, key, body]) => ({
    type,
    key,
    fields: [...body.matchAll(/^ {2}(\w+) = \{/gm)].map(([, name]) => name),
  }));
}

test("a resource's citation downloads as RIS and BibTeX, naming its page where the site is served", async () => {
  const page = await site.page();
  const r = catalogue.resources.find((x) => x.url && x.authors.length > 1 && x.year);
  await visit(page, site.server.url(`resources/${r.id}`));
  const ris = await download(page, 'Download the citation', 'RIS');
  assert.equal(ris.name, `${r.id}.ris`);
  const [record] = readRis(ris.text);
  const tags = (tag) => record.filter(([t]) => t === tag).map(([, v]) => v);
  assert.deepEqual(tags('TI'), [r.title]);
  assert.deepEqual(tags('AU'), r.authors);
  assert.deepEqual(tags('PY'), [String(r.year)]);
  assert.ok(tags('UR').includes(r.url), JSON.stringify(record));
  assert.ok(ris.text.includes(site.server.url(`resources/${r.id}`)), 'the page at the address it was opened from');
  assert.ok(!ris.text.includes('toolkit.invalid'));
  await page.getByRole('group', { name: 'Download the citation' }).getByRole('status').filter({ hasText: `Downloaded ${r.id}.ris (RIS, 1 resource).` }).waitFor();

  const bib = await download(page, 'Download the citation', 'BibTeX');
  assert.equal(bib.name, `${r.id}.bib`);
  const [entry] = readBibtex(bib.text);
  assert.equal(entry.key, r.id);
  for (const field of ['title', 'author', 'year', 'url']) assert.ok(entry.fields.includes(field), `${field} in ${entry.fields}`);
  await assertAccessible(page, 'resource page with its downloads');
  assertNoErrors(page);
});

test('"Export these results" downloads every result of the search, in the order shown, as CSV, RIS and BibTeX', async () => {
  const page = await site.page();
  const b = new BrowsePage(page, site.server);
  await b.open('?q=students&sort=title');
  const shown = await b.titles();
  const total = Number((await b.resultCount().textContent()).match(/\d+/)[0]);
  assert.ok(total > shown.length, `more results (${total}) than the ${shown.length} on screen`);
  await b.openShareTools();

  const csv = await download(page, 'Export these results', 'CSV');
  assert.equal(csv.name, 'resilience-toolkit-resources.csv');
  assert.ok(csv.text.startsWith('\uFEFF'), 'a byte order mark, for Excel');
  const [header, ...rows] = readCsv(csv.text.slice(1));
  assert.equal(header[0], 'Title');
  assert.equal(rows.length, total);
  assert.deepEqual(rows.slice(0, shown.length).map((row) => row[0]), shown);
  const first = catalogue.resources.find((r) => r.title === shown[0]);
  const column = (name) => rows[0][header.indexOf(name)];
  assert.equal(column('Publisher'), first.publisher);
  assert.equal(column('Type'), label('types', first.type));

  const ris = readRis((await download(page, 'Export these results', 'RIS')).text);
  assert.equal(ris.length, total);
  assert.deepEqual(ris.slice(0, shown.length).map((record) => record.find(([t]) => t === 'TI')[1]), shown);
  const bib = readBibtex((await download(page, 'Export these results', 'BibTeX')).text);
  assert.equal(bib.length, total);
  assert.deepEqual(bib.slice(0, shown.length).map((e) => byId.get(e.key).title), shown);
  await page.getByRole('status').filter({ hasText: `(BibTeX, ${total} resources)` }).waitFor();
  assertNoErrors(page);
});

test('exporting works offline once the site has been visited', async () => {
  const page = await site.page();
  const b = new BrowsePage(page, site.server);
  await b.open('?type=case-study');
  await serviceWorkerReady(page);
  await page.reload();
  await b.ready();
  await page.context().setOffline(true);
  await b.openShareTools();
  const csv = await download(page, 'Export these results', 'CSV');
  const rows = readCsv(csv.text.slice(1));
  assert.equal(rows.length - 1, catalogue.resources.filter((r) => r.type === 'case-study').length);
  await page.context().setOffline(false);
});

test('printed, the results read as a reading list: no controls, each address written out', async () => {
  const page = await site.page();
  const b = new BrowsePage(page, site.server);
  await b.open('?sort=title');
  await page.emulateMedia({ media: 'print' });
  for (const name of ['Share these results', 'Export these results']) {
    assert.equal(await page.getByRole('group', { name }).isVisible(), false, name);
  }
  assert.equal(await page.getByRole('button', { name: /Show|more/ }).first().isVisible().catch(() => false), false);
  assert.equal(await page.getByRole('searchbox').isVisible(), false);
  const linked = catalogue.resources.filter((r) => r.url).sort((x, y) => x.title.localeCompare(y.title))[0];
  const card = page.getByRole('article').filter({ has: page.getByRole('heading', { name: linked.title, exact: true }) });
  await card.getByText(linked.url, { exact: true }).waitFor({ state: 'visible' });
  await page.emulateMedia({ media: 'screen' });
  assert.equal(await card.getByText(linked.url, { exact: true }).isVisible(), false);
});
