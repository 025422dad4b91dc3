// Contributions and feedback: validation messages, drafts that survive a reload, an outbox that
// retries a failing webhook until it accepts (one stored submission, however many tries),
// offline submissions delivered when the network returns, mailto links, private mode, the
// honeypot, and feedback from a resource's page.
import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { appStarted, assertAccessible, assertNoErrors, catalogue, hasFocus, useSite, visit } from './support/browser.mjs';
import { expect } from './support/expect.mjs';
import { useReceivers } from './support/receivers.mjs';

let config = {};
const site = useSite({
  override: (path) => (path === '/config.json' ? { body: JSON.stringify(config) } : null),
});

const receiver = useReceivers();

beforeEach(() => {
  config = {};
});

async function openForm(channel, contextOptions) {
  config = { contribute: channel };
  const page = await site.page(contextOptions);
  await visit(page, site.server.url('contribute'));
  await page.getByRole('heading', { level: 1, name: 'Suggest a resource' }).waitFor();
  await page.getByLabel('Title').waitFor();
  return page;
}

/** Fills the form as a contributor would. */
async function fill(page, overrides = {}) {
  const v = {
    title: 'Peer mentoring for commuter students',
    link: 'https://www.example.ac.uk/peer-mentoring',
    authors: 'Ada Lovelace; Mary Somerville',
    year: '2024',
    summary: 'How one university trained second-year commuters to mentor new ones.',
    ...overrides,
  };
  await page.getByLabel('Title').fill(v.title);
  await page.getByLabel('Link').fill(v.link);
  await page.getByLabel('Authors').fill(v.authors);
  await page.getByLabel('Year published (optional)').fill(v.year);
  await page.getByRole('group', { name: 'Type of resource' }).getByLabel('Intervention tool').check();
  await page.getByRole('group', { name: 'Approaches' }).getByRole('checkbox', { name: /^Social integration/ }).check();
  await page.getByRole('group', { name: 'Subjects (optional)' }).getByLabel('Peer support').check();
  if (v.evidence) {
    await page.getByRole('group', { name: 'Kind of evidence (optional)' }).getByLabel(v.evidence, { exact: true }).check();
  }
  await page.getByLabel('Summary').fill(v.summary);
  await page.getByLabel('Your email address').fill('sam@example.ac.uk');
  await page.getByLabel('The editors may contact me about this').check();
}

const statusOf = (page) => page.locator('.submission-status').first().textContent();

/** Comes back to the page until the first submission's status passes `check`. */
async function revisitUntil(page, check) {
  await expect(async () => {
    await page.reload();
    await appStarted(page);
    return statusOf(page);
  }, check, { timeout: 15000 });
}

test('an empty or wrong form explains every problem beside its field', async () => {
  const r = await receiver();
  const page = await openForm({ webhook: r.url });
  await page.getByRole('button', { name: 'Send suggestion' }).click();
  const summary = page.getByRole('alert');
  await summary.getByRole('heading', { name: 'There are 6 problems' }).waitFor();
  // Focus moves on the next animation frame, once the summary is in the document.
  await expect(() => hasFocus(summary), (focused) => assert.equal(focused, true, 'focus moves to the summary'));
  await summary.getByRole('link', { name: "Enter the resource's title" }).click();
  assert.equal(await hasFocus(page.getByLabel('Title')), true);
  // The message is tied to the field for screen readers.
  const title = page.getByLabel('Title');
  assert.equal(await title.getAttribute('aria-invalid'), 'true');
  assert.match(await title.evaluate((el) => el.getAttribute('aria-describedby')), /field-title-error/);
  await assertAccessible(page, 'contribute form with errors');
  await page.emulateMedia({ colorScheme: 'dark' });
  await assertAccessible(page, 'contribute form with errors, dark');
  await page.emulateMedia({ colorScheme: 'light' });

  await fill(page, { link: 'www.example.org/report', year: '1849' });
  await page.getByLabel('Your email address').fill('sam at example');
  await page.getByRole('button', { name: 'Send suggestion' }).click();
  await summary.getByRole('heading', { name: 'There are 3 problems' }).waitFor();
  await page.getByText('Enter a web link starting with https:// or http://', { exact: false }).first().waitFor();
  await page.getByText('Enter a year from 1850 to', { exact: false }).first().waitFor();
  await page.getByText('Enter an email address like name@example.ac.uk').first().waitFor();
  assert.equal(r.state.requests.length, 0, 'nothing is sent while the form has problems');
  assertNoErrors(page);
});

test('a draft survives reloading and closing the tab', async () => {
  const r = await receiver();
  const page = await openForm({ webhook: r.url });
  await page.getByText('Your draft is saved in this browser as you type').waitFor();
  await page.getByLabel('Title').fill('Half-written suggestion');
  await page.getByRole('group', { name: 'Approaches' }).getByRole('checkbox').first().check();
  await page.getByLabel('Summary').fill('Notes so far');
  await page.reload();
  await appStarted(page);
  await expect(() => page.getByLabel('Title').inputValue(), (v) => assert.equal(v, 'Half-written suggestion'));
  assert.equal(await page.getByLabel('Summary').inputValue(), 'Notes so far');
  assert.ok(await page.getByRole('group', { name: 'Approaches' }).getByRole('checkbox').first().isChecked());

  // A new tab in the same browser after this one is closed.
  const context = page.context();
  await page.close();
  const again = await context.newPage();
  await visit(again, site.server.url('contribute'));
  await expect(() => again.getByLabel('Title').inputValue(), (v) => assert.equal(v, 'Half-written suggestion'));
});

test('a failing webhook is retried with backoff until it accepts, and stores the submission once', async () => {
  const r = await receiver({ failFirst: 2 });
  const page = await openForm({ webhook: r.url });
  // "Not sure" is chosen until the contributor says otherwise.
  const evidence = page.getByRole('group', { name: 'Kind of evidence (optional)' });
  assert.equal(await evidence.getByLabel('Not sure').isChecked(), true);
  await fill(page, { evidence: 'Randomised controlled trial' });
  await page.getByRole('button', { name: 'Send suggestion' }).click();
  await page.getByRole('heading', { name: 'Thank you' }).waitFor();
  const thanks = page.getByRole('heading', { name: 'Thank you' });
  await expect(() => hasFocus(thanks), (focused) => assert.equal(focused, true));
  // The form is empty again and the draft is gone.
  assert.equal(await page.getByLabel('Title').inputValue(), '');

  await expect(() => statusOf(page), (s) => assert.equal(s, 'Waiting to retry: the receiver answered 503, a temporary error'));
  await expect(() => statusOf(page), (s) => assert.equal(s, 'Sent'), { timeout: 20000 });
  await page.getByRole('status').filter({ hasText: 'Peer mentoring for commuter students' }).getByText('Sent').waitFor();
  assert.equal(
    await hasFocus(thanks),
    true,
    'the confirmation heading keeps focus while the status under it changes',
  );

  assert.equal(r.state.requests.length, 3, 'two failures, then accepted');
  const keys = new Set(r.state.requests.map((q) => q.key));
  assert.equal(keys.size, 1, 'every retry carries the same idempotency key');
  assert.equal(r.state.stored.size, 1, 'exactly one stored contribution');
  const stored = [...r.state.stored.values()][0];
  assert.equal(stored.schema_version, 1);
  assert.equal(stored.kind, 'resource-suggestion');
  assert.match(stored.submitted_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  assert.deepEqual(stored.resource, {
    id: 'peer-mentoring-for-commuter-students',
    title: 'Peer mentoring for commuter students',
    authors: ['Ada Lovelace', 'Mary Somerville'],
    year: 2024,
    type: 'intervention-tool',
    approaches: ['social-integration'],
    subjects: ['peer-support'],
    summary: 'How one university trained second-year commuters to mentor new ones.',
    // The kind the contributor named, at its usual standard, said to be theirs and unchecked.
    evidence: 'randomised-controlled-trial',
    standard: 'causal',
    evidence_basis: 'Named by the person who suggested it; not yet checked.',
    url: 'https://www.example.ac.uk/peer-mentoring',
    added: stored.submitted_at.slice(0, 10),
  });
  assert.deepEqual(stored.contributor, { name: '', email: 'sam@example.ac.uk', organisation: '', consent_to_contact: true });

  // A reload shows the same history, and sends nothing again.
  await page.reload();
  await expect(() => statusOf(page), (s) => assert.equal(s, 'Sent'));
  await new Promise((ok) => setTimeout(ok, 500));
  assert.equal(r.state.requests.length, 3);
  await assertAccessible(page, 'contribute page with a sent submission');
  // The browser logs each deliberate 503; nothing else may go wrong.
  assert.deepEqual(page.errors.filter((e) => !e.includes('status of 503')), []);
});

test('a submission made offline is kept and delivered when the network returns', async () => {
  const r = await receiver();
  const page = await openForm({ webhook: r.url });
  await fill(page, { title: 'Written on a train' });
  await page.context().setOffline(true);
  await page.getByRole('button', { name: 'Send suggestion' }).click();
  await expect(() => statusOf(page), (s) =>
    assert.equal(s, 'Waiting to retry: you are offline; it will be sent when you are back online'),
  );
  assert.equal(r.state.requests.length, 0);
  await page.context().setOffline(false);
  await expect(() => statusOf(page), (s) => assert.equal(s, 'Sent'), { timeout: 10000 });
  assert.equal(r.state.stored.size, 1);
  const record = [...r.state.stored.values()][0].resource;
  assert.equal(record.title, 'Written on a train');
  // "Not sure": no kind of evidence is claimed; `catalogue add` records it as unclear.
  assert.equal(record.evidence, undefined);
});

test('a refused submission says why, survives a reload, and can be retried', async () => {
  const r = await receiver({ failFirst: 1, failStatus: 422 });
  const page = await openForm({ webhook: r.url });
  await fill(page);
  await page.getByRole('button', { name: 'Send suggestion' }).click();
  await expect(() => statusOf(page), (s) => assert.equal(s, 'Not sent: the receiver refused it (HTTP 422)'));
  await page.reload();
  await expect(() => statusOf(page), (s) => assert.equal(s, 'Not sent: the receiver refused it (HTTP 422)'));
  await page.getByRole('button', { name: 'Retry now' }).click();
  await expect(() => statusOf(page), (s) => assert.equal(s, 'Sent'));
  assert.equal(r.state.stored.size, 1);
  await page.getByRole('button', { name: 'Remove' }).click();
  await page.getByText('Nothing yet.').waitFor();
});

test('the mailto channel opens a pre-filled email and keeps a copy', async () => {
  const page = await openForm({ mailto: 'toolkit@example.ac.uk' });
  await fill(page);
  await page.getByRole('button', { name: 'Send by email' }).click();
  await page.getByRole('heading', { name: 'Thank you' }).waitFor();
  await expect(() => statusOf(page), (s) => assert.equal(s, 'Opened in your email program'));
  const href = await page.getByRole('link', { name: 'Open it in your email program again' }).getAttribute('href');
  assert.ok(href.length <= 2000, `${href.length} characters`);
  const url = new URL(href);
  assert.equal(url.protocol, 'mailto:');
  assert.equal(url.pathname, 'toolkit@example.ac.uk');
  assert.ok(!href.includes('+'), 'spaces are %20, never +');
  const subject = decodeURIComponent(href.match(/[?&]subject=([^&]*)/)[1]);
  const body = decodeURIComponent(href.match(/[?&]body=([^&]*)/)[1]);
  assert.equal(subject, 'Resilience Toolkit: Suggested resource: Peer mentoring for commuter students');
  assert.match(body, /^Title: Peer mentoring for commuter students\r\nLink: https:\/\/www\.example\.ac\.uk\/peer-mentoring\r\n/);
  assert.match(body, /Type: Intervention tool\r\n/);
  assert.match(body, /Happy to be contacted about this: yes/);
  const record = JSON.parse(body.split('Catalogue record (for seeds/resources/):\r\n')[1].split('\r\n\r\nReference:')[0]);
  assert.equal(record.id, 'peer-mentoring-for-commuter-students');
  assertNoErrors(page);
});

test('without storage (private mode) the app says drafts cannot be kept, and still sends', async () => {
  const r = await receiver();
  config = { contribute: { webhook: r.url } };
  const page = await site.page();
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await visit(page, site.server.url('contribute'));
  await page.getByText('This browser is not letting the toolkit save anything', { exact: false }).waitFor();
  await fill(page);
  await page.getByRole('button', { name: 'Send suggestion' }).click();
  await expect(() => statusOf(page), (s) => assert.equal(s, 'Sent'));
  assert.equal(r.state.stored.size, 1);
  assertNoErrors(page);
});

test('a filled honeypot is thanked and dropped', async () => {
  const r = await receiver();
  const page = await openForm({ webhook: r.url });
  await fill(page);
  await page.locator('input[name="website"]').fill('http://spam.example', { force: true });
  await page.getByRole('button', { name: 'Send suggestion' }).click();
  await page.getByText('Your submission has been received.').waitFor();
  await new Promise((ok) => setTimeout(ok, 500));
  assert.equal(r.state.requests.length, 0);
  await page.getByText('Nothing yet.').waitFor();
});

test('feedback on a resource goes through the same channel', async () => {
  const r = await receiver();
  config = { contribute: { webhook: r.url } };
  const resource = catalogue.resources.find((x) => x.url);
  const page = await site.page();
  await visit(page, site.server.url(`resources/${resource.id}`));
  await page.getByRole('heading', { name: 'Improve this entry' }).waitFor();
  await page.getByText('Suggest an edit, report a broken link or write to the editors').click();
  await page.getByRole('button', { name: 'Send feedback' }).click();
  await page.getByRole('alert').getByText('Choose what your feedback is about').waitFor();
  await page.getByLabel('Report a broken link').check();
  await page.getByLabel('Your message').fill('The page moves to a login screen.');
  await page.getByRole('button', { name: 'Send feedback' }).click();
  await page.getByRole('heading', { name: 'Thank you' }).waitFor();
  await expect(() => r.state.stored.size, (n) => assert.equal(n, 1));
  const stored = [...r.state.stored.values()][0];
  assert.equal(stored.kind, 'resource-feedback');
  assert.deepEqual(stored.feedback, {
    resource_id: resource.id,
    resource_title: resource.title,
    resource_url: resource.url,
    topic: 'broken-link',
    message: 'The page moves to a login screen.',
  });
  await page.getByText('Suggest an edit, report a broken link or write to the editors').click();
  await assertAccessible(page, 'resource page with the feedback form');
  assertNoErrors(page);
});

test('with no channel configured the page says so and offers no form', async () => {
  config = {};
  const page = await site.page();
  await visit(page, site.server.url('contribute'));
  await page.getByText('This copy of the toolkit is not set up to receive suggestions yet.', { exact: false }).waitFor();
  assert.equal(await page.getByRole('heading', { name: 'Your submissions' }).count(), 0);
  // A submission made while a channel was configured stays listed, to copy.
  await page.evaluate(() =>
    localStorage.setItem(
      'resilience-toolkit::outbox:k1',
      JSON.stringify({
        key: 'k1', label: 'Suggested resource: Kept', created: '2026-11-23T10:00:00.000Z', payload: '{}',
        mail_subject: 's', mail_body: 'b', state: 'queued', attempts: 1, at: 0, reason: 'the receiver could not be reached',
      }),
    ),
  );
  await page.reload();
  await page.getByRole('heading', { name: 'Your submissions' }).waitFor();
  await page.getByText('Suggested resource: Kept').waitFor();
  await page.getByRole('button', { name: 'Copy text' }).waitFor();
  await visit(page, site.server.url('contribute'));
  await page.getByText('This copy of the toolkit is not set up to receive suggestions yet.', { exact: false }).waitFor();
  assert.equal(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Suggest a resource' }).count(), 0);
  assert.equal(await page.getByLabel('Title').count(), 0);
  await assertAccessible(page, 'contribute page, switched off');
});

test('a webhook that never answers is given up on after 20 seconds, said so, and retried until it accepts', async () => {
  const r = await receiver({ hangFirst: 1 });
  config = { contribute: { webhook: r.url } };
  const page = await site.page();
  // The browser's clock, moved on by hand: no test waits the real 20 seconds.
  await page.clock.install();
  await visit(page, site.server.url('contribute'));
  await fill(page, { title: 'Sent to a receiver that hangs' });
  await page.getByRole('button', { name: 'Send suggestion' }).click();
  await expect(() => r.state.requests.length, (n) => assert.equal(n, 1));
  await expect(() => statusOf(page), (s) => assert.equal(s, 'Sending…'));
  await page.clock.fastForward('00:21');
  await expect(() => statusOf(page), (s) =>
    assert.equal(s, 'Waiting to retry: the receiver did not answer within 20 seconds'),
  );
  // Kept, with what can be done meanwhile.
  await page.getByRole('button', { name: 'Retry now' }).waitFor();
  await page.getByRole('button', { name: 'Copy text' }).waitFor();
  await page.clock.fastForward('00:03');
  await expect(() => statusOf(page), (s) => assert.equal(s, 'Sent'));
  assert.equal(r.state.requests.length, 2);
  assert.equal(r.state.stored.size, 1);
  assert.equal([...r.state.stored.values()][0].resource.title, 'Sent to a receiver that hangs');
});

test('a submission waiting for one webhook is delivered to the next one the site switches to, once', async () => {
  const first = await receiver({ failFirst: 100 });
  const page = await openForm({ webhook: first.url });
  await fill(page, { title: 'Outlived its receiver' });
  await page.getByRole('button', { name: 'Send suggestion' }).click();
  await expect(() => statusOf(page), (s) => assert.match(s, /^Waiting to retry: the receiver answered 503/));
  assert.equal(first.state.stored.size, 0);

  // The site's maintainer moves the channel to a new receiver; the visitor comes back. (The
  // service worker serves the settings it has and fetches them again: a visit after that one
  // uses them.)
  const second = await receiver();
  config = { contribute: { webhook: second.url } };
  // Each visit, the visitor presses Retry now; once the new settings are in use, it is sent.
  await expect(async () => {
    await page.reload();
    await appStarted(page);
    const retry = page.getByRole('button', { name: 'Retry now' });
    if (await retry.count()) await retry.click();
    await page.waitForTimeout(300);
    return statusOf(page);
  }, (s) => assert.equal(s, 'Sent'), { timeout: 15000 });
  assert.equal(second.state.stored.size, 1);
  assert.equal([...second.state.stored.values()][0].resource.title, 'Outlived its receiver');
});

test('a submission waiting for a webhook stays, to send by email or copy, when the site switches to email', async () => {
  const r = await receiver({ failFirst: 100 });
  const page = await openForm({ webhook: r.url });
  await fill(page, { title: 'Waiting when email took over' });
  await page.getByRole('button', { name: 'Send suggestion' }).click();
  await expect(() => statusOf(page), (s) => assert.match(s, /^Waiting to retry/));

  config = { contribute: { mailto: 'toolkit@example.ac.uk' } };
  await revisitUntil(page, (s) =>
    assert.equal(s, 'Not sent: this site now takes suggestions by email. Open it in your email program, or copy it.'),
  );
  const item = page.getByRole('listitem').filter({ hasText: 'Waiting when email took over' });
  const href = await item.getByRole('link', { name: 'Open in your email program' }).getAttribute('href');
  assert.match(href, /^mailto:toolkit@example\.ac\.uk\?subject=/);
  assert.ok(decodeURIComponent(href).includes('Waiting when email took over'));
  await item.getByRole('button', { name: 'Copy text' }).waitFor();
  await item.getByRole('button', { name: 'Remove' }).waitFor();
  const tried = r.state.requests.length;
  await page.waitForTimeout(3000);
  assert.equal(r.state.requests.length, tried, 'nothing is sent to the old receiver any more');
});
