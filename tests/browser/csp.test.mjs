// The built site runs under the strict Content-Security-Policy the build writes to csp.txt,
// with no violation reported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DIST, matching, catalogue, useSite } from './support/browser.mjs';
import { BrowsePage } from './support/pages.mjs';
import { eventually } from './support/expect.mjs';

const policy = readFileSync(`${DIST}csp.txt`, 'utf8').trim();
const site = useSite({ headers: { 'content-security-policy': policy } });

test('the policy is strict: no unsafe-inline, and the loader is allowed by hash', () => {
  assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'/);
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
  assert.match(policy, /default-src 'self'/);
});

test('under the policy the app starts, filters, searches and opens a resource, with no violation', async () => {
  const page = await site.page();
  await page.addInitScript(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.violations.push(`${e.violatedDirective}: ${e.blockedURI}`),
    );
  });
  const b = new BrowsePage(page, site.server);
  await b.open();
  const type = catalogue.taxonomy.types[0];
  await b.toggle(type.label);
  await eventually(() => b.resultCount().textContent(), matching(catalogue.resources.filter((r) => r.type === type.id).length));
  await b.typeSearch('belonging');
  const [first] = await b.titles();
  await page.getByRole('link', { name: first, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: first }).waitFor();
  await page.evaluate(() => navigator.serviceWorker.ready);
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  assert.deepEqual(page.errors.filter((e) => /Content Security Policy|Refused/.test(e)), []);
});
