// Update emails: the "Get updates by email" form, sent through the contribution channel and its
// outbox like a suggestion (saved first, retried, stored once), with its consent box, its
// problems explained, the mailto channel, and the page without a channel.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible, catalogue, hasFocus, useSite, visit } from './support/browser.mjs';
import { expect } from './support/expect.mjs';
import { receive } from '../../scripts/receiver.mjs';

let config = {};
const site = useSite({
  override: (path) => (path === '/config.json' ? { body: JSON.stringify(config) } : null),
});

const receivers = [];
after(() => Promise.all(receivers.map((r) => r.close())));

async function openForm(channel) {
  config = channel ? { contribute: channel } : {};
  const page = await site.page();
  await visit(page, site.server.url('subscribe'));
  await page.getByRole('heading', { level: 1, name: 'Get updates by email' }).waitFor();
  return page;
}

const statusOf = (page) => page.locator('.submission-status').first().textContent();

test('a request for update emails is explained when wrong, then kept and delivered once through a failing webhook', async () => {
  const r = await receive({ quiet: true, failFirst: 1 });
  receivers.push(r);
  const page = await openForm({ webhook: r.url });
  // Every choice of feed: all new resources, or one collection.
  const feeds = page.getByRole('group', { name: 'Which updates' });
  const choices = await feeds.getByRole('radio').count();
  assert.equal(choices, 1 + catalogue.collections.length);
  assert.equal(await feeds.getByRole('radio', { name: 'All new resources' }).isChecked(), true);
  await assertAccessible(page, 'the update-emails form');

  // Nothing filled in: both problems, each beside its field, and focus on the summary.
  await page.getByRole('button', { name: 'Ask for update emails' }).click();
  const summary = page.getByRole('alert');
  await summary.getByText('There are 2 problems').waitFor();
  await expect(() => hasFocus(summary), (focused) => assert.equal(focused, true));
  await summary.getByRole('link', { name: /Enter your email address/ }).waitFor();
  await summary.getByRole('link', { name: /Tick the box/ }).click();
  assert.equal(await hasFocus(page.getByRole('checkbox', { name: /Email me when resources are added/ })), true);
  await assertAccessible(page, 'the update-emails form with its problems');

  const collection = catalogue.collections.find((c) => c.id === 'careers-and-employability');
  await page.getByLabel('Your email address').fill('sam@example.ac.uk');
  await page.getByLabel('Your name').fill('Sam Patel');
  await feeds.getByRole('radio', { name: new RegExp(`^${collection.title}`) }).check();
  await page.getByRole('checkbox', { name: /Email me when resources are added/ }).check();
  await page.getByRole('button', { name: 'Ask for update emails' }).click();
  await page.getByRole('heading', { name: 'Thank you' }).waitFor();
  await expect(() => statusOf(page), (s) => assert.equal(s, 'Sent'), { timeout: 20000 });
  assert.equal(r.state.requests.length, 2, 'one failure, then accepted');
  assert.equal(r.state.stored.size, 1, 'exactly one stored request');
  const stored = [...r.state.stored.values()][0];
  assert.equal(stored.kind, 'subscribe');
  assert.deepEqual(
    { ...stored.subscription, consented_at: null },
    {
      email: 'sam@example.ac.uk',
      name: 'Sam Patel',
      feed: collection.id,
      feed_title: collection.title,
      consent_to_emails: true,
      consented_at: null,
    },
  );
  assert.equal(stored.subscription.consented_at, stored.submitted_at);
  // Listed with the visitor's other submissions, and the form is empty again.
  await page.getByRole('region', { name: 'Your submissions' }).getByText(`Update emails: ${collection.title}`).waitFor();
  assert.equal(await page.getByLabel('Your email address').inputValue(), '');
  // A reload sends nothing again.
  await page.reload();
  await expect(() => statusOf(page), (s) => assert.equal(s, 'Sent'));
  assert.equal(r.state.requests.length, 2);
  assert.deepEqual(page.errors.filter((e) => !e.includes('status of 503')), []);
});

test('by email, the request opens the email program with the consent and how to stop', async () => {
  const page = await openForm({ mailto: 'toolkit@example.ac.uk' });
  await page.getByLabel('Your email address').fill('sam@example.ac.uk');
  await page.getByRole('checkbox', { name: /Email me when resources are added/ }).check();
  await page.getByRole('button', { name: 'Send by email' }).click();
  await page.getByRole('heading', { name: 'Thank you' }).waitFor();
  const href = await page.getByRole('link', { name: 'Open it in your email program again' }).getAttribute('href');
  const body = decodeURIComponent(href.match(/[?&]body=([^&]*)/)[1]);
  assert.match(body, /Please add sam@example\.ac\.uk to the list for update emails about all new resources\./);
  assert.match(body, /Consent: ticked/);
  assert.match(body, /To stop these emails/);
});

test('without a channel the page says so, and points to feeds', async () => {
  const page = await openForm(null);
  await page.getByText('This copy of the toolkit is not set up to take requests for update emails.').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Ask for update emails' }).count(), 0);
  assert.equal(
    await page.getByRole('link', { name: 'other ways to get updates' }).getAttribute('href'),
    '/new#get-updates',
  );
});

test("What's new and every page's footer lead to the form", async () => {
  const page = await site.page();
  await page.goto(site.server.url('new'));
  await page.getByRole('region', { name: 'Get updates' }).getByRole('link', { name: 'ask for update emails' }).click();
  await page.getByRole('heading', { level: 1, name: 'Get updates by email' }).waitFor();
  assert.equal(
    await page.getByRole('contentinfo').getByRole('link', { name: 'Get updates by email' }).getAttribute('href'),
    '/subscribe',
  );
});
