// My list (issue #13): "Save" on every card and resource page, on the app's pages and on the
// pages of their own; My list in the order saved, reordered by keyboard and by pointer,
// removed from, kept per browser and synchronised across tabs; shared as a link that a
// colleague opens and saves; exported, printed, offline; ids the catalogue no longer has
// listed as missing; and without storage, kept for the visit and said so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { appStarted, assertAccessible, assertNoErrors, catalogue, hasFocus, label, serviceWorkerReady, useSite, visit } from './support/browser.mjs';
import { BrowsePage } from './support/pages.mjs';
import { eventually } from './support/expect.mjs';

const site = useSite();
const KEY = 'resilience-toolkit::list';
const [a, b, c, d] = catalogue.resources;

/** My list's resources as shown, by their headings. */
function listed(page) {
  return page
    .getByRole('list', { name: /saved|shared list/ })
    .evaluate((list) => [...list.children].map((item) => item.querySelector('h3')?.textContent ?? item.querySelector('p').textContent));
}

/** Opens My list with `ids` already saved in this browser. */
async function openList(page, ids, query = '') {
  await page.goto(site.server.url('list'));
  await page.evaluate(([key, value]) => localStorage.setItem(key, JSON.stringify(value)), [KEY, ids]);
  await page.goto(site.server.url(`list${query}`));
  await page.getByText('Loading your list…').waitFor({ state: 'hidden' });
}

const saved = (page) => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '[]'), KEY);

test('"Save" on a card and on a resource page keeps each resource in My list, in the order saved', async () => {
  const page = await site.page();
  const browse = new BrowsePage(page, site.server);
  await browse.open('?sort=title');
  const [first] = await browse.titles();
  const save = page.getByRole('button', { name: `Save: ${first}`, exact: true });
  assert.equal(await save.getAttribute('aria-pressed'), 'false');
  await save.click();
  assert.equal(await save.getAttribute('aria-pressed'), 'true');
  await page.getByRole('status').filter({ hasText: 'Saved to My list, which now has 1 resource.' }).waitFor();
  await page.getByRole('link', { name: 'My list (1)' }).waitFor();

  await visit(page, site.server.url(`resources/${b.id}`));
  await page.getByRole('button', { name: 'Save to My list' }).click();
  await page.getByRole('button', { name: 'Save to My list', pressed: true }).waitFor();
  await page.getByRole('link', { name: 'My list (2)' }).click();
  await page.waitForURL(/\/list$/);
  await page.getByRole('heading', { name: '2 resources saved' }).waitFor();
  assert.deepEqual(await listed(page), [first, b.title]);
  await page.getByRole('link', { name: 'My list (2)' }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'My list (2)' }).getAttribute('aria-current'), 'page');
  await assertAccessible(page, 'My list with two resources');
  assertNoErrors(page);
});

test('"Save" on a static page before the app has started is done once, and the app shows it pressed', async () => {
  const page = await site.page();
  await page.goto(site.server.url(`resources/${c.id}`));
  const save = page.getByRole('button', { name: 'Save to My list' });
  await save.click(); // the press itself starts the app, which then takes the page over
  await appStarted(page);
  await page.getByRole('button', { name: 'Save to My list', pressed: true }).waitFor();
  assert.deepEqual(await saved(page), [c.id]);
});

test('"Save" works on the pages of their own, where the app never starts', async () => {
  const page = await site.page();
  const type = catalogue.taxonomy.types[0];
  await page.goto(site.server.url(`types/${type.id}`));
  const card = page.getByRole('article').first();
  const title = await card.getByRole('heading').textContent();
  await card.getByRole('button', { name: `Save: ${title}` }).click();
  await card.getByRole('button', { name: `Save: ${title}`, pressed: true }).waitFor();
  assert.equal(await card.getByRole('button', { name: `Save: ${title}` }).innerText(), 'Save', 'a toggle keeps its label');
  assert.ok(await page.getByRole('heading', { level: 1, name: label('types', type.id) }).isVisible());
  await page.getByRole('link', { name: 'My list (1)' }).waitFor();
});

test('My list reorders by keyboard and by pointer, removes, and keeps the order after a reload', async () => {
  const page = await site.page({ viewport: { width: 1280, height: 2400 } }); // the whole list in view
  await openList(page, [a.id, b.id, c.id, d.id]);
  const down = page.getByRole('button', { name: `Move down: ${a.title}` });
  await down.focus();
  await page.keyboard.press('Enter');
  assert.deepEqual(await listed(page), [b.title, a.title, c.title, d.title]);
  assert.ok(await hasFocus(down), 'focus stays on the moved item’s button');
  await page.getByRole('status').filter({ hasText: `Moved ${a.title} to position 2 of 4.` }).waitFor();
  await page.keyboard.press('Shift+Tab'); // Move up, same item
  const up = page.getByRole('button', { name: `Move up: ${a.title}` });
  await page.keyboard.press('Enter');
  // Focus stays on the moved item's button, as it did moving down (the press after waits for it,
  // as a keyboard user's would).
  await eventually(() => hasFocus(up), true, 'focus stays on the moved item’s button');
  await page.keyboard.press('Enter');
  assert.deepEqual(await listed(page), [a.title, b.title, c.title, d.title]);
  await page.getByRole('status').filter({ hasText: `${a.title} is already first.` }).waitFor();

  // Drag the last item's handle above the first.
  const handles = page.locator('.drag-handle');
  const from = await handles.nth(3).boundingBox();
  const to = await page.getByRole('article').first().boundingBox();
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  for (let step = 1; step <= 10; step += 1) {
    await page.mouse.move(from.x + from.width / 2, from.y + ((to.y + 5 - from.y) * step) / 10);
  }
  await page.mouse.up();
  assert.deepEqual(await listed(page), [d.title, a.title, b.title, c.title]);
  assert.deepEqual(await saved(page), [d.id, a.id, b.id, c.id]);

  await page.getByRole('button', { name: `Remove: ${a.title}` }).click();
  assert.deepEqual(await listed(page), [d.title, b.title, c.title]);
  assert.ok(await hasFocus(page.getByRole('button', { name: `Remove: ${b.title}` })), 'focus moves to the next item');
  await page.reload();
  await page.getByRole('heading', { name: '3 resources saved' }).waitFor();
  assert.deepEqual(await listed(page), [d.title, b.title, c.title]);
  await assertAccessible(page, 'My list after reordering');
  assertNoErrors(page);
});

test('a shared list opens for a colleague in another browser, who saves it to their own list', async () => {
  const mine = await site.page();
  await mine.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await openList(mine, [c.id, a.id, b.id]);
  const share = mine.getByRole('group', { name: 'Share this list' });
  await share.getByRole('button', { name: 'Share link' }).click();
  await share.getByRole('status').filter({ hasText: 'Link copied' }).waitFor();
  const link = await mine.evaluate(() => navigator.clipboard.readText());
  assert.equal(link, site.server.url(`list?ids=${c.id},${a.id},${b.id}`));
  const email = new URLSearchParams((await share.getByRole('link', { name: 'Email this' }).getAttribute('href')).slice('mailto:?'.length));
  assert.match(email.get('subject'), /^Reading list from /);
  assert.ok(email.get('body').includes(link) && email.get('body').includes(site.server.url(`resources/${c.id}`)), email.get('body'));

  const colleague = await site.page();
  await openList(colleague, [a.id, d.id], link.slice(link.indexOf('?')));
  await colleague.getByRole('heading', { name: 'A list shared with you' }).waitFor();
  await colleague.getByRole('heading', { name: '3 resources in the shared list' }).waitFor();
  assert.deepEqual(await listed(colleague), [c.title, a.title, b.title]);
  assert.equal(await colleague.getByRole('button', { name: /^Move|^Remove/ }).count(), 0, 'a shared list is not edited');
  await colleague.getByRole('button', { name: `Save: ${a.title}`, pressed: true }).waitFor();
  await colleague.getByRole('button', { name: 'Save all to My list' }).click();
  await colleague.getByRole('status').filter({ hasText: 'Added 2 resources to My list; 1 was already there. It now has 4 resources.' }).waitFor();
  assert.deepEqual(await saved(colleague), [a.id, d.id, c.id, b.id], 'nothing of their own list is replaced');
  await colleague.getByRole('link', { name: 'My list (4)' }).waitFor();
  await assertAccessible(colleague, 'a shared list');
  await colleague.getByRole('link', { name: 'Open My list' }).click();
  await colleague.getByRole('heading', { name: '4 resources saved' }).waitFor();
  assertNoErrors(colleague);
});

test('a saved resource the catalogue no longer has is listed as missing, and can be removed', async () => {
  const page = await site.page();
  await openList(page, [a.id, 'withdrawn-report', b.id]);
  await page.getByText('A saved resource (“withdrawn-report”) is no longer in the toolkit').waitFor();
  assert.equal((await listed(page)).length, 3);
  await page.getByRole('button', { name: 'Remove: withdrawn-report' }).click();
  assert.deepEqual(await saved(page), [a.id, b.id]);
});

test('another tab sees what is saved at once', async () => {
  const list = await site.page();
  await openList(list, [a.id]);
  const other = await list.context().newPage();
  await other.goto(site.server.url(`resources/${b.id}`));
  await other.getByRole('button', { name: 'Save to My list' }).click();
  await list.getByRole('heading', { name: '2 resources saved' }).waitFor();
  assert.deepEqual(await listed(list), [a.title, b.title]);
  await list.getByRole('link', { name: 'My list (2)' }).waitFor();
  await list.getByRole('button', { name: `Remove: ${a.title}` }).click();
  await other.getByRole('link', { name: 'My list (1)' }).waitFor();
});

test('where storage is refused, the list lasts for the tab and says so', async () => {
  const page = await site.page();
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await visit(page, site.server.url(`resources/${a.id}`));
  await page.getByRole('button', { name: 'Save to My list' }).click();
  await page.getByRole('status').filter({ hasText: 'This browser keeps it only until the tab is closed.' }).waitFor();
  await page.getByRole('link', { name: 'My list (1)' }).click();
  await page.getByText('This browser is not letting the toolkit keep data').waitFor();
  assert.deepEqual(await listed(page), [a.title]);
  assertNoErrors(page);
});

test('My list exports in its order, prints as a reading list, and works offline', async () => {
  const page = await site.page();
  await openList(page, [c.id, a.id]);
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('group', { name: 'Export this list' }).getByRole('button', { name: 'CSV' }).click(),
  ]);
  assert.equal(file.suggestedFilename(), 'my-list.csv');
  const rows = readFileSync(await file.path(), 'utf8').split('\r\n').filter(Boolean);
  assert.equal(rows.length, 3);
  assert.ok(rows[1].includes(c.title.replaceAll('"', '""')) && rows[2].includes(a.title.replaceAll('"', '""')), rows.join('\n'));

  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByRole('button').filter({ visible: true }).count(), 0, 'no control is printed');
  assert.ok(await page.getByRole('heading', { name: c.title }).isVisible());
  if (c.url) await page.getByText(c.url, { exact: true }).waitFor({ state: 'visible' });
  await page.emulateMedia({ media: 'screen' });

  await serviceWorkerReady(page);
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.context().setOffline(true);
  await page.reload();
  await page.getByRole('heading', { name: '2 resources saved' }).waitFor();
  assert.deepEqual(await listed(page), [c.title, a.title]);
  await page.context().setOffline(false);
});

test('My list is accessible in the dark colour scheme, and says what to do when empty', async () => {
  const page = await site.page({ colorScheme: 'dark' });
  await openList(page, [a.id, b.id]);
  await assertAccessible(page, 'My list, dark');
  await openList(page, []);
  await page.getByText('Nothing is saved yet.').waitFor();
  assert.equal(await page.getByRole('group', { name: 'Export this list' }).isVisible(), false);
  await page.getByRole('link', { name: 'Browse resources' }).last().waitFor();
  await assertAccessible(page, 'My list, empty, dark');
});
