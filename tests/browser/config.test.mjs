// The deployment's config.json: title, organisation, colours and catalogue location are
// applied without a rebuild; a missing or broken file gives the defaults and a visible warning.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DIST, assertAccessible, assertNoErrors, useSite, visit } from './support/browser.mjs';
import { BrowsePage } from './support/pages.mjs';

let responses = {};
const site = useSite({ override: (path) => responses[path] ?? null });

// The app's pages read config.json as they start (home and the other pages of their own were
// written by the build from the config.json it was given).
async function open(overrides, path = 'browse') {
  responses = overrides;
  const page = await site.page();
  await visit(page, site.server.url(path));
  return page;
}

test('title, organisation, colours and catalogue location come from config.json', async () => {
  const moved = readFileSync(`${DIST}catalogue.json`, 'utf8');
  const page = await open({
    '/config.json': {
      body: JSON.stringify({
        title: 'Student Support Toolkit',
        organisation: 'University of Example',
        catalogue: 'data/resources.json',
        theme: { brand: '#0b3d91', highlight: '#ffcc00' },
      }),
    },
    '/data/resources.json': { body: moved },
    '/catalogue.json': { status: 404, body: 'not here' },
  });
  await page.getByRole('link', { name: 'Student Support Toolkit' }).waitFor();
  await page.getByText('Provided by University of Example.').waitFor();
  assert.match(await page.title(), /– Student Support Toolkit$/);
  const brand = await page.getByRole('banner').evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.equal(brand, 'rgb(11, 61, 145)');
  // The catalogue came from the configured place.
  await new BrowsePage(page, site.server).ready();
  assert.equal(await page.getByRole('link', { name: 'Download the catalogue (JSON)' }).getAttribute('href'), 'data/resources.json');
  assert.equal(await page.getByText("This site's settings could not all be used").count(), 0);
  await assertAccessible(page, 'browse with a configured theme');
  assertNoErrors(page);
});

test('a missing config.json gives the defaults and says so', async () => {
  const page = await open({ '/config.json': { status: 404, body: 'not found' } }, 'browse');
  await new BrowsePage(page, site.server).ready();
  await page.getByText("This site's settings could not all be used, so some defaults apply.").waitFor();
  await page.getByText('Details for the site maintainer').click();
  await page.getByText('config.json was not found; using the defaults').waitFor();
  await page.getByRole('link', { name: 'Resilience Toolkit' }).waitFor();
});

test('a broken config.json gives the defaults and names what is wrong', async () => {
  const page = await open({
    '/config.json': { body: '{"title": "Ours", "theme": {"brand": "#fafafa"}, "embed": "yes"}' },
  });
  await page.getByRole('link', { name: 'Ours', exact: true }).waitFor();
  await page.getByText('Details for the site maintainer').click();
  const items = await page.getByRole('complementary', { name: /settings could not all be used/ }).getByRole('listitem').allTextContents();
  assert.deepEqual(items, [
    '"theme.brand" #fafafa is too light for white text (contrast 1.0:1, needs 4.5:1); using the default',
    '"embed" must be true or false; using false',
  ]);
  await assertAccessible(page, 'settings warning');
});

test('config.json nested thousands of levels deep gives the defaults and says why', async () => {
  const page = await open({ '/config.json': { body: `{"title": ${'['.repeat(5000)}${']'.repeat(5000)}}` } }, 'browse');
  await new BrowsePage(page, site.server).ready();
  await page.getByText('Details for the site maintainer').click();
  await page.getByText('config.json is not valid JSON: nested more than 127 arrays or objects deep (line 1, column 137); using the defaults').waitFor();
  assertNoErrors(page);
});

test('config.json that is not JSON still gives a working site', async () => {
  const page = await open({ '/config.json': { body: '<html>an error page from a proxy</html>' } }, 'browse');
  await new BrowsePage(page, site.server).ready();
  await page.getByText('Details for the site maintainer').click();
  // The domain's parser's message, as the command-line tools give it.
  await page.getByText('config.json is not valid JSON: expected value (line 1, column 1); using the defaults').waitFor();
});
