// Passing a page on (issue #13): "Share link" uses the system's share sheet where the browser
// has one and copies the link otherwise, saying which; "Email this" opens a message with the
// page's title, its citation or search, and its address.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible, assertNoErrors, catalogue, useSite, visit } from './support/browser.mjs';
import { BrowsePage } from './support/pages.mjs';

const site = useSite();
const resource = catalogue.resources.find((r) => r.url && r.authors.length > 0);

/** The parts of a mailto: link, decoded. */
function mailto(href) {
  assert.match(href, /^mailto:\?/);
  const params = new URLSearchParams(href.slice('mailto:?'.length).replace(/\+/g, '%2B'));
  return { subject: params.get('subject'), body: params.get('body') };
}

test('without a share sheet, "Share link" copies the page address and says so', async () => {
  const page = await site.page();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await visit(page, site.server.url(`resources/${resource.id}`));
  const bar = page.getByRole('group', { name: 'Share this resource' });
  await bar.getByRole('button', { name: 'Share link' }).click();
  await bar.getByRole('status').filter({ hasText: 'Link copied' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), page.url());
  await assertAccessible(page, 'resource page with its share links');
  assertNoErrors(page);
});

test('with a share sheet, "Share link" hands it the title and address; closing it says nothing', async () => {
  const page = await site.page();
  await page.addInitScript(() => {
    window.shared = [];
    navigator.share = async (data) => {
      window.shared.push(data);
      if (window.shared.length > 1) throw new DOMException('closed', 'AbortError');
    };
  });
  const b = new BrowsePage(page, site.server);
  await b.open('?q=peer+support');
  await b.openShareTools();
  const bar = page.getByRole('group', { name: 'Share these results' });
  await bar.getByRole('button', { name: 'Share link' }).click();
  await bar.getByRole('status').filter({ hasText: 'Shared.' }).waitFor();
  const [data] = await page.evaluate(() => window.shared);
  assert.equal(data.url, page.url());
  assert.match(data.title, /^“peer support”: resources from /);
  await bar.getByRole('button', { name: 'Share link' }).click();
  await page.waitForFunction(() => window.shared.length === 2);
  await page.waitForTimeout(100);
  assert.equal(await bar.getByRole('status').textContent(), '');
});

test('"Email this" holds the title, the citation and the address, and follows the search', async () => {
  const page = await site.page();
  await visit(page, site.server.url(`resources/${resource.id}`));
  const email = page.getByRole('group', { name: 'Share this resource' }).getByRole('link', { name: 'Email this' });
  const message = mailto(await email.getAttribute('href'));
  assert.equal(message.subject, resource.title);
  const citation = await page.locator('.citation-text').textContent();
  assert.equal(message.body, `${citation}\r\n\r\n${page.url()}\r\n`);

  const b = new BrowsePage(page, site.server);
  await b.open();
  await b.search().fill('money');
  await page.waitForURL(/q=money/);
  await b.openShareTools();
  const results = page.getByRole('group', { name: 'Share these results' }).getByRole('link', { name: 'Email this' });
  const found = mailto(await results.getAttribute('href'));
  assert.match(found.subject, /^“money”: resources from /);
  assert.match(found.body, /^\d+ resources? in “money”: resources from .*:\r\n\r\n/);
  assert.ok(found.body.endsWith(`${page.url()}\r\n`), found.body);
});

test('without scripts, a static page\'s "Email this" already holds its public address', async () => {
  const page = await site.page({ javaScriptEnabled: false });
  await page.goto(site.server.url(`resources/${resource.id}`));
  const email = page.getByRole('group', { name: 'Share this resource' }).getByRole('link', { name: 'Email this' });
  const message = mailto(await email.getAttribute('href'));
  assert.ok(message.body.endsWith(`${process.env.SITE_URL}resources/${resource.id}\r\n`), message.body);
});

test('printing leaves the share links out', async () => {
  const page = await site.page();
  await visit(page, site.server.url(`resources/${resource.id}`));
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByRole('group', { name: 'Share this resource' }).isVisible(), false);
});
