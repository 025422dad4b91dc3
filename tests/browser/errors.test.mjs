// When the deployed catalogue is broken or missing, visitors get a readable error page, never
// a blank page or a panic.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible, assertNoErrors, useSite, visit } from './support/browser.mjs';

let response = null;
const site = useSite({ override: (path) => (path.endsWith('/catalogue.json') ? response : null) });

async function open(replacement) {
  response = replacement;
  const page = await site.page();
  await visit(page, site.server.url('browse'));
  await page.getByRole('heading', { level: 1, name: 'The catalogue is not available' }).waitFor();
  return page;
}

async function details(page) {
  return page.getByRole('group').getByRole('listitem').allTextContents();
}

test('malformed JSON names the line and column', async () => {
  const page = await open({ body: '{\n  "format": 1,\n  "taxonomy": {,\n}' });
  // The domain's parser, the same in the app as in the command-line tools.
  assert.deepEqual(await details(page), ['not valid JSON: key must be a string (line 3, column 16)']);
  await assertAccessible(page, 'error page');
  assertNoErrors(page);
});

test('a catalogue nested thousands of levels deep gets the error page, not a stuck page', async () => {
  const deep = `{"format": 1, "taxonomy": ${'['.repeat(5000)}${']'.repeat(5000)}}`;
  const page = await open({ body: deep });
  assert.deepEqual(await details(page), ['not valid JSON: nested more than 127 arrays or objects deep (line 1, column 153)']);
  assertNoErrors(page);
});

test('an invalid entry names the resource and field', async () => {
  const catalogue = {
    format: 1,
    taxonomy: {
      approaches: [{ id: 'self-management', label: 'Self-management' }],
      types: [{ id: 'case-study', label: 'Case study' }],
      standards: [{ id: 'not-impact', label: 'Not an impact study' }],
      evidence: [{ id: 'unclear', label: 'Unclear from the source', standards: ['not-impact'] }],
      subjects: [{ id: 'careers', label: 'Careers' }],
    },
    resources: [
      {
        id: 'x', title: 'X', publisher: 'P', type: 'podcast', approaches: ['self-management'], summary: 'S',
        evidence: 'unclear', standard: 'not-impact', evidence_basis: "Publisher's page.", added: '2026-01-01',
      },
    ],
  };
  const page = await open({ body: JSON.stringify(catalogue) });
  assert.deepEqual(await details(page), [
    'resource #1 ("x"), field "type": "podcast" is not a known resource type (known: case-study)',
  ]);
});

test('a server error is explained, and Try again recovers once the catalogue is back', async () => {
  const page = await open({ status: 503, type: 'text/plain', body: 'down for maintenance' });
  const text = (await details(page)).join('\n');
  assert.match(text, /503/);
  response = null;
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.getByRole('heading', { level: 1, name: 'Browse resources' }).waitFor();
  await page.getByRole('status').filter({ hasText: /Showing all \d+ resources/ }).waitFor();
});
