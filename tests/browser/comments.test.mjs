// Public comments, end to end: a colleague's comment goes from the resource page's form through
// the outbox to a receiver (once, intact, however many tries), an editor publishes it with
// `catalogue comments add`, a rebuild puts it on the static page (read with JavaScript off,
// offline once visited, under the site's Content-Security-Policy), on the card, in the JSON-LD
// and in the comments feed; hostile comments stay text everywhere they are shown; and the
// "simple" webhook request reaches receivers that answer no CORS preflight.
import { after, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST, appStarted, assertAccessible, assertNoErrors, catalogue, serviceWorkerReady, useSite, visit } from './support/browser.mjs';
import { expect } from './support/expect.mjs';
import { useReceivers } from './support/receivers.mjs';
import { serve } from '../../scripts/static-server.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const SITE_URL = 'https://toolkit.example.ac.uk/';
const POLICY = readFileSync(`${DIST}csp.txt`, 'utf8').trim();

let config = {};
const site = useSite({
  override: (path) => (path === '/config.json' ? { body: JSON.stringify(config) } : null),
});
beforeEach(() => {
  config = {};
});

const receiver = useReceivers();
const cleanup = [];
after(async () => {
  for (const done of cleanup.reverse()) await done();
});
function tempDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The editors' command, as Trunk's build runs it. */
function catalogueCli(args) {
  return spawnSync('cargo', ['run', '--quiet', '--locked', '-p', 'catalogue-cli', '--', ...args], { cwd: ROOT, encoding: 'utf8' });
}

/**
 * What an editor does: each payload (the text a receiver stored) through `catalogue comments
 * add` on a copy of the seeds, then the catalogue and the static pages rebuilt on a copy of
 * dist/. Gives the site's folder and each command's result.
 */
function publish(payloads) {
  const seeds = tempDir('toolkit-seeds-');
  cpSync(join(ROOT, 'seeds'), seeds, { recursive: true });
  const inbox = tempDir('toolkit-inbox-');
  const runs = payloads.map((payload, i) => {
    const file = join(inbox, `comment-${i}.json`);
    writeFileSync(file, payload);
    return catalogueCli(['comments', 'add', file, '--seeds', seeds]);
  });
  const dist = tempDir('toolkit-site-');
  cpSync(DIST, dist, { recursive: true });
  const build = catalogueCli(['build', seeds, '--out', join(dist, 'catalogue.json')]);
  assert.equal(build.status, 0, build.stderr);
  const { SITE_URL: _, ...env } = process.env;
  const prerender = spawnSync(join(ROOT, 'scripts/prerender'), [dist, '--site-url', SITE_URL], { encoding: 'utf8', env });
  assert.equal(prerender.status, 0, prerender.stderr);
  return { dist, seeds, runs };
}

/** A resource with a link, to comment on. */
const resource = catalogue.resources.find((r) => r.url && r.id.length < 40);

async function openCommentForm(page) {
  await visit(page, site.server.url(`resources/${resource.id}`));
  await page.getByRole('heading', { name: 'Comments from colleagues' }).waitFor();
  await appStarted(page);
  await page.locator('summary', { hasText: 'Add a comment' }).click();
}

async function fillComment(page, v) {
  await page.getByLabel('Your comment').fill(v.text);
  await page.getByLabel('Name or initials to publish').fill(v.name);
  await page.getByLabel('Your role (optional)').fill(v.role ?? '');
  await page.getByLabel('Your university or organisation (optional)').fill(v.institution ?? '');
}

const COMMENT = {
  text: 'We ran this in halls over two terms.\n\nIt needed two members of staff, not one: one to run the session and one for students who wanted to talk afterwards.',
  name: 'R. Jones',
  role: 'Residential life manager',
  institution: 'University of Example',
};

test('a comment reaches a failing-then-accepting receiver once, intact; published, it is on the static page with JavaScript off, offline, on the card, in the JSON-LD and the feed', async (t) => {
  const r = await receiver({ failFirst: 1 });
  config = { contribute: { webhook: r.url } };
  const page = await site.page();
  await openCommentForm(page);
  await assertAccessible(page, 'resource page with the comment form');
  await fillComment(page, COMMENT);
  await page.getByRole('button', { name: 'Send for publication' }).click();
  // Publication needs the box ticked: nothing is sent without consent.
  await page.getByRole('alert').getByText('Tick the box to agree that your comment may be published with this name').waitFor();
  assert.equal(r.state.requests.length, 0);
  await page.getByLabel('My comment may be published on this page', { exact: false }).check();
  await page.getByRole('button', { name: 'Send for publication' }).click();
  await page.getByRole('heading', { name: 'Thank you' }).waitFor();
  await expect(() => r.state.stored.size, (n) => assert.equal(n, 1), { timeout: 20000 });
  assert.equal(r.state.requests.length, 2, 'one failed try, then one accepted');
  const stored = [...r.state.stored.values()][0];
  assert.equal(stored.kind, 'resource-comment');
  assert.deepEqual(stored.comment, {
    resource_id: resource.id,
    resource_title: resource.title,
    name: COMMENT.name,
    role: COMMENT.role,
    institution: COMMENT.institution,
    text: COMMENT.text,
    consent_to_publish: true,
  });
  // (The browser reports the receiver's 503, which was on purpose.)
  assert.deepEqual(page.errors.filter((e) => !/status of 503/.test(e)), []);

  // The editor publishes it; the same payload a second time is refused.
  const body = r.state.requests.at(-1).body;
  const { dist, runs } = publish([body, body]);
  assert.equal(runs[0].status, 0, runs[0].stderr);
  assert.equal(runs[1].status, 1);
  assert.match(runs[1].stderr, /already published as comment/);

  const server = await serve(dist, { headers: { 'content-security-policy': POLICY } });
  cleanup.push(() => server.close());
  const url = server.url(`resources/${resource.id}`);

  // JavaScript off: the static page has it.
  const still = await site.page({ javaScriptEnabled: false });
  await still.goto(url);
  const section = still.getByRole('region', { name: 'Comments from colleagues (1 comment)' });
  await section.waitFor();
  const item = section.getByRole('listitem');
  await item.getByText('R. Jones, Residential life manager, University of Example').waitFor();
  // Dated the day it was written, as people in the UK read a date.
  const day = new Date(stored.submitted_at).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  await item.getByText(day, { exact: true }).waitFor();
  await item.getByText('It needed two members of staff, not one', { exact: false }).waitFor();
  assert.equal(await item.locator('p').count(), 3, 'the byline and two paragraphs');
  // The card in every list says how many comments there are, linked to them.
  await still.goto(server.url('browse'));
  const link = still.getByRole('link', { name: '1 comment' });
  assert.equal(await link.count(), 1);
  assert.equal(await link.getAttribute('href'), `/resources/${resource.id}#comments-heading`);

  // JSON-LD and the feed.
  const html = readFileSync(join(dist, `resources/${resource.id}.html`), 'utf8');
  const ld = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) => JSON.parse(m[1]));
  const work = ld.find((d) => d.commentCount);
  assert.equal(work.commentCount, 1);
  assert.equal(work.comment[0]['@type'], 'Comment');
  assert.equal(work.comment[0].text, COMMENT.text);
  assert.equal(work.comment[0].author.name, COMMENT.name);
  // What the comments add to the page's weight (the section, with this comment; the site built
  // without a channel, so without the form, as dist/ is).
  const part = html.match(/<section aria-labelledby="comments-heading".*?<\/section>/s)[0];
  const gz = (text) => gzipSync(text, { level: 9 }).length;
  t.diagnostic(
    `page weight of comments on /resources/${resource.id}: the section ${part.length} bytes ` +
      `(${gz(html) - gz(html.replace(part, ''))} bytes of the page's ${gz(html)} gzip), JSON-LD comment ` +
      `${JSON.stringify(work.comment).length} bytes`,
  );
  const feed = readFileSync(join(dist, 'comments.xml'), 'utf8');
  assert.ok(feed.includes(`<title>Comment by R. Jones on ${resource.title.replaceAll('&', '&amp;')}</title>`), feed);
  assert.ok(html.includes('title="Resilience Toolkit: comments"'), 'resource pages name the comments feed');

  // axe cannot run under the policy (it injects a script), so it checks a page without it.
  const checked = await site.page({ bypassCSP: true });
  await visit(checked, url);
  await appStarted(checked);
  await checked.getByText('It needed two members of staff, not one', { exact: false }).waitFor();
  await assertAccessible(checked, 'resource page with a published comment');

  // Offline once visited, with the app and under the policy.
  const online = await site.page();
  await visit(online, url);
  await appStarted(online);
  await online.getByText('It needed two members of staff, not one', { exact: false }).waitFor();
  await serviceWorkerReady(online);
  await server.close();
  await online.reload();
  await online.getByRole('heading', { name: 'Comments from colleagues (1 comment)' }).waitFor();
  await online.getByText('R. Jones, Residential life manager, University of Example').waitFor();
  assertNoErrors(online);
});

test('hostile comments stay text in the page, the app, the feed and the JSON-LD; a 1 MB comment is refused by the form and the command', async () => {
  const hostile = {
    schema_version: 1,
    kind: 'resource-comment',
    idempotency_key: '0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9',
    submitted_at: '2026-12-05T10:00:00.000Z',
    site: 'Resilience Toolkit',
    comment: {
      resource_id: resource.id,
      resource_title: resource.title,
      name: '<b onmouseover="window.pwned=1">Mallory</b>',
      role: '',
      institution: '',
      text: '<script>window.pwned=1</script><img src=x onerror="window.pwned=2"><style>body{display:none}</style>\n\n' +
        '[click](javascript:window.pwned=3) javascript:alert(1) ]]> &amp; \u202Egnp.exe\n\nمرحبا بالجميع 👋🏽 שלום',
      consent_to_publish: true,
    },
  };
  const huge = { ...hostile, idempotency_key: '1f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9', comment: { ...hostile.comment, text: 'x'.repeat(1_000_000) } };
  const { dist, seeds, runs } = publish([JSON.stringify(hostile), JSON.stringify(huge)]);
  assert.equal(runs[0].status, 0, runs[0].stderr);
  assert.equal(runs[1].status, 1);
  assert.match(runs[1].stderr, /too long: at most 2000 characters/);
  assert.equal(readdirSync(join(seeds, 'comments')).length, 1, 'nothing written for the refused one');

  const server = await serve(dist, { headers: { 'content-security-policy': POLICY } });
  cleanup.push(() => server.close());
  const page = await site.page();
  await visit(page, server.url(`resources/${resource.id}`));
  await appStarted(page);
  const comment = page.getByRole('region', { name: /Comments from colleagues/ }).getByRole('article');
  await comment.getByText('<script>window.pwned=1</script>', { exact: false }).waitFor();
  await comment.getByText('<b onmouseover="window.pwned=1">Mallory</b>', { exact: false }).waitFor();
  await comment.getByText('مرحبا بالجميع 👋🏽 שלום').waitFor();
  await comment.hover();
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.equal(await comment.locator('script, img, style, b, a').count(), 0, 'no element made from the text');
  assert.ok(!(await comment.textContent()).includes('\u202E'), 'the text-direction override is taken out');
  assert.equal(await comment.locator('.comment-text').getAttribute('dir'), 'auto');
  assert.ok(await page.locator('body').isVisible());
  assertNoErrors(page);
  // The same with JavaScript off (the static page itself).
  const html = readFileSync(join(dist, `resources/${resource.id}.html`), 'utf8');
  assert.ok(!html.includes('<script>window.pwned'), 'escaped in the static page');
  assert.ok(html.includes('&lt;script&gt;window.pwned=1&lt;/script&gt;'));
  for (const block of html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)) {
    assert.ok(!block[1].includes('<'), 'no markup inside JSON-LD');
    JSON.parse(block[1]);
  }
  const feed = readFileSync(join(dist, 'comments.xml'), 'utf8');
  assert.ok(feed.includes('&lt;script&gt;window.pwned=1&lt;/script&gt;'));
  assert.ok(feed.includes(']]&gt;'));
  assert.ok(!feed.includes('\u202E'));

  // The form refuses a 1 MB comment before it goes anywhere.
  const r = await receiver();
  config = { contribute: { webhook: r.url } };
  const form = await site.page();
  await openCommentForm(form);
  await form.getByLabel('Your comment').evaluate((el) => {
    el.value = 'y'.repeat(1_000_000);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await form.getByLabel('Name or initials to publish').fill('Sam');
  await form.getByLabel('My comment may be published on this page', { exact: false }).check();
  await form.getByRole('button', { name: 'Send for publication' }).click();
  await form.getByRole('alert').getByText('This is too long: at most 2000 characters (1000000 now)').waitFor();
  assert.equal(r.state.requests.length, 0);
});

for (const [mode, options] of [
  ['a receiver that refuses the preflight (405) and reads text/plain JSON, as a Google Apps Script does', { refuseOptions: true }],
  ['a receiver that answers without CORS headers', { cors: false }],
]) {
  test(`"request": "simple" reaches ${mode}: sent once, shown as not confirmed, kept to copy`, async () => {
    const r = await receiver(options);
    config = { contribute: { webhook: r.url, request: 'simple' } };
    const page = await site.page();
    await openCommentForm(page);
    await fillComment(page, COMMENT);
    await page.getByLabel('My comment may be published on this page', { exact: false }).check();
    await page.getByRole('button', { name: 'Send for publication' }).click();
    await page.getByRole('heading', { name: 'Thank you' }).waitFor();
    await expect(() => r.state.stored.size, (n) => assert.equal(n, 1));
    await page.getByText('Sent; delivery not confirmed', { exact: false }).waitFor();
    assert.equal(r.state.preflights.length, 0, 'no preflight');
    assert.equal(r.state.requests.length, 1);
    assert.equal(r.state.requests[0].contentType, 'text/plain;charset=UTF-8');
    assert.equal(r.state.requests[0].key, null, 'no custom header');
    assert.equal(JSON.parse(r.state.requests[0].body).comment.text, COMMENT.text);

    // It stays listed, to copy, and is never sent again.
    await visit(page, site.server.url('contribute'));
    await appStarted(page);
    const entry = page.getByRole('listitem').filter({ hasText: `Comment for publication: ${resource.title}` });
    await entry.getByText('Sent; delivery not confirmed', { exact: false }).waitFor();
    await entry.getByRole('button', { name: 'Copy text' }).waitFor();
    await page.reload();
    await appStarted(page);
    await new Promise((ok) => setTimeout(ok, 1000));
    assert.equal(r.state.requests.length, 1, 'not sent twice');
    assert.equal(r.state.stored.size, 1);
    assert.ok(!existsSync(join(DIST, 'comments')), 'nothing written into dist');
  });
}
