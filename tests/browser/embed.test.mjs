// Embed mode: inside an intranet's iframe the toolkit drops its own header and footer and tells
// the embedding page its height, so the frame fits without a scroll bar.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, appStarted, assertAccessible, catalogue, useSite, visit } from './support/browser.mjs';
import { expect } from './support/expect.mjs';
import { serve } from '../../scripts/static-server.mjs';

// The embedding page, as in README.md's snippet.
const HOST = `<!doctype html><html lang="en"><head><title>Intranet</title></head><body>
<h1>Our intranet</h1>
<iframe id="toolkit" title="Resilience Toolkit" src="/browse?embed=1" style="width:100%;border:0"></iframe>
<script>
  window.heights = [];
  window.addEventListener('message', (event) => {
    if (event.origin !== location.origin || event.data?.type !== 'resilience-toolkit:height') return;
    window.heights.push(event.data.height);
    document.getElementById('toolkit').style.height = event.data.height + 'px';
  });
</script></body></html>`;

let config = null;
const site = useSite({
  override: (path) => {
    if (path === '/host.html') return { body: HOST, type: 'text/html' };
    if (path === '/config.json' && config) return { body: JSON.stringify(config) };
    return null;
  },
});

test('in a frame the toolkit hides its chrome and posts its height as it changes', async () => {
  config = null;
  const page = await site.page();
  await page.goto(site.server.url('host.html'));
  const frame = page.frameLocator('#toolkit');
  await frame.getByRole('heading', { level: 1, name: 'Browse resources' }).waitFor();
  await appStarted(page.frame({ url: /browse/ }));
  assert.equal(await frame.getByRole('navigation', { name: 'Main' }).count(), 0);
  assert.equal(await frame.getByRole('contentinfo').count(), 0);

  const first = await expect(() => page.evaluate(() => window.heights.at(-1)), (h) => assert.ok(h > 500, `height ${h}`));
  // Fewer results make a shorter page, and the frame is told.
  await frame.getByRole('searchbox', { name: 'Search resources' }).fill('zzzyzx');
  await expect(() => page.evaluate(() => window.heights.at(-1)), (h) => assert.ok(h < first, `${h} < ${first}`));
  // The frame now fits its content: no scrolling inside it.
  const { scrollHeight, clientHeight } = await page.frame({ url: /browse/ }).evaluate(() => ({
    scrollHeight: document.documentElement.scrollHeight,
    clientHeight: document.documentElement.clientHeight,
  }));
  assert.ok(scrollHeight <= clientHeight + 1, `${scrollHeight} > ${clientHeight}`);
});

test("a page of its own (What's new) in a frame hides its chrome and posts its height too", async () => {
  config = null;
  const page = await site.page();
  await page.route('**/host.html', (route) => route.fulfill({ contentType: 'text/html', body: HOST.replace('/browse?embed=1', '/new?embed=1') }));
  await page.goto(site.server.url('host.html'));
  const frame = page.frameLocator('#toolkit');
  await frame.getByRole('heading', { level: 1, name: "What's new" }).waitFor();
  assert.equal(await frame.getByRole('navigation', { name: 'Main' }).count(), 0);
  assert.equal(await frame.getByRole('contentinfo').count(), 0);
  await expect(() => page.evaluate(() => window.heights.at(-1)), (h) => assert.ok(h > 500, `height ${h}`));
  const { scrollHeight, clientHeight } = await page.frame({ url: /new/ }).evaluate(() => ({
    scrollHeight: document.documentElement.scrollHeight,
    clientHeight: document.documentElement.clientHeight,
  }));
  assert.ok(scrollHeight <= clientHeight + 1, `${scrollHeight} > ${clientHeight}`);
});

test('embed mode stays on while browsing inside the frame, and outbound links open a new tab', async () => {
  config = null;
  const page = await site.page();
  await page.goto(site.server.url('host.html'));
  const frame = page.frameLocator('#toolkit');
  await frame.getByRole('heading', { level: 1, name: 'Browse resources' }).waitFor();
  await appStarted(page.frame({ url: /browse/ }));
  const linked = catalogue.resources.find((r) => r.url);
  await frame.getByRole('list', { name: 'Results' }).getByRole('link', { name: linked.title, exact: true }).click();
  await frame.getByRole('heading', { level: 1, name: linked.title }).waitFor();
  assert.equal(await frame.getByRole('navigation', { name: 'Main' }).count(), 0);
  const outbound = frame.getByRole('link', { name: /Go to the resource/ });
  assert.equal(await outbound.getAttribute('href'), linked.url);
  assert.equal(await outbound.getAttribute('target'), '_blank');
});

test('config.json can make embed mode the default, and ?embed=0 turns it off', async () => {
  config = { embed: true };
  const page = await site.page();
  await visit(page, site.server.url('contribute'));
  await page.getByRole('heading', { level: 1, name: 'Suggest a resource' }).waitFor();
  assert.equal(await page.getByRole('navigation', { name: 'Main' }).count(), 0);
  await assertAccessible(page, 'embedded contribute page');
  await visit(page, site.server.url('contribute?embed=0'));
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  config = null;
});

test('outside a frame, embed mode posts nothing', async () => {
  config = null;
  const page = await site.page();
  await page.addInitScript(() => {
    window.posted = 0;
    const original = window.postMessage.bind(window);
    window.postMessage = (...args) => {
      window.posted += 1;
      return original(...args);
    };
  });
  await visit(page, site.server.url('browse?embed=1'));
  await page.getByRole('heading', { level: 1, name: 'Browse resources' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('embed')), true, 'embed mode is on');
  // A search that makes the page much shorter: inside a frame this posts a new height.
  await page.getByRole('searchbox', { name: 'Search resources' }).fill('zzzyzx');
  await page.getByRole('status').filter({ hasText: 'No resources match' }).waitFor();
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, 200)))));
  assert.equal(await page.evaluate(() => window.posted), 0);
});

test('built with embed mode as the default, every page hides its chrome, and ?embed=0 brings it back, on pages of their own too', async (t) => {
  // The deployer's config.json says embed, and the pages are refreshed (scripts/prerender).
  const copy = mkdtempSync(join(tmpdir(), 'toolkit-embed-'));
  t.after(() => rmSync(copy, { recursive: true, force: true }));
  cpSync(DIST, copy, { recursive: true });
  const settings = JSON.parse(readFileSync(join(copy, 'config.json'), 'utf8'));
  writeFileSync(join(copy, 'config.json'), JSON.stringify({ ...settings, embed: true }));
  const run = spawnSync(new URL('../../scripts/prerender', import.meta.url).pathname, [copy], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const server = await serve(copy);
  t.after(() => server.close());
  const page = await site.page();
  const nav = () => page.getByRole('navigation', { name: 'Main' });
  for (const path of ['about', '', 'contribute']) {
    await page.goto(server.url(path));
    await page.getByRole('heading', { level: 1 }).waitFor();
    assert.equal(await nav().isVisible(), false, `${path || 'home'}: no header`);
    await page.goto(server.url(`${path}?embed=0`));
    await page.getByRole('heading', { level: 1 }).waitFor();
    assert.equal(await nav().isVisible(), true, `${path || 'home'}?embed=0: the header`);
    assert.equal(await page.getByRole('contentinfo').isVisible(), true, `${path || 'home'}?embed=0: the footer`);
  }
  // The app keeps it when it takes over.
  await appStarted(page);
  await nav().waitFor();
});
