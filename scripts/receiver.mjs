// A webhook receiver for trying the toolkit's contributions out locally: accepts the JSON the
// toolkit POSTs, stores each submission once by its idempotency key, and prints it. The browser
// tests use it too, with failures switched on. It answers in one of three ways:
//
// - by default, as a receiver built for the toolkit: CORS with a preflight (OPTIONS 204 allowing
//   the Content-Type and Idempotency-Key headers), and the body's key must match the header's;
// - with --refuse-options, as a Google Apps Script web app does (docs/receivers/apps-script.gs):
//   OPTIONS is answered 405 with no CORS headers, a POST of any content type (the toolkit's
//   "request": "simple" sends text/plain) is read as JSON and stored by the body's
//   idempotency_key, and every POST is answered 200 with `access-control-allow-origin: *` only
//   and the recipe's words ("stored", "already stored", "not a toolkit submission");
// - with --no-cors, as a receiver that knows nothing of browsers: no CORS header on any answer,
//   OPTIONS 405, and a POST of any content type stored by the body's idempotency_key.
//
//   node scripts/receiver.mjs [--port 8787] [--fail-first N] [--hang-first N] [--out contributions.jsonl]
//                             [--refuse-options | --no-cors]
//
// then set "contribute": { "webhook": "http://localhost:8787/contributions" } in config.json
// (with "request": "simple" for the two other modes). tests/receivers.test.mjs checks the modes.
import { createServer } from 'node:http';
import { appendFileSync } from 'node:fs';

/**
 * Starts a receiver. `hangFirst` requests are never answered (as a receiver that hangs), then
 * `failFirst` requests are answered with `failStatus` (503: "try again later") before any is
 * accepted; `quiet` stops it printing what it stores. `refuseOptions` answers as a Google Apps
 * Script web app, `cors: false` with no CORS headers at all (see the opening comment).
 *
 * Returns its URL, what it stored (by idempotency key) and every request it saw: `requests` holds
 * each request other than OPTIONS as `{ method, contentType, key, body }` (`key` is the
 * Idempotency-Key header, or null), `preflights` each OPTIONS request as
 * `{ method, origin, requestMethod, requestHeaders }`.
 */
export async function receive({
  port = 0,
  failFirst = 0,
  failStatus = 503,
  hangFirst = 0,
  out = null,
  quiet = false,
  refuseOptions = false,
  cors = true,
} = {}) {
  const mode = !cors ? 'no-cors' : refuseOptions ? 'refuse-options' : 'cors';
  const state = {
    mode,
    hangsLeft: hangFirst,
    failuresLeft: failFirst,
    failStatus,
    stored: new Map(),
    requests: [],
    preflights: [],
  };
  // The headers every answer carries, and what OPTIONS gets.
  const headers = {
    cors: {
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'POST, OPTIONS',
      'access-control-allow-headers': 'content-type, idempotency-key',
      'access-control-max-age': '600',
    },
    'refuse-options': { 'access-control-allow-origin': '*' },
    'no-cors': {},
  }[mode];

  const store = (submission) => {
    const id = submission.idempotency_key;
    // A repeat of a stored submission is acknowledged, not stored again.
    const repeat = state.stored.has(id);
    if (!repeat) {
      state.stored.set(id, submission);
      if (out) appendFileSync(out, `${JSON.stringify(submission)}\n`);
      if (!quiet) console.log(`received ${submission.kind} ${id}\n${JSON.stringify(submission, null, 2)}`);
    }
    return repeat;
  };
  const answer = (res, status, contentType, text) => {
    res.writeHead(status, { ...headers, 'content-type': contentType });
    res.end(text);
  };

  const server = createServer((req, res) => {
    if (req.method === 'OPTIONS') {
      state.preflights.push({
        method: req.method,
        origin: req.headers.origin ?? null,
        requestMethod: req.headers['access-control-request-method'] ?? null,
        requestHeaders: req.headers['access-control-request-headers'] ?? null,
      });
      if (mode === 'cors') {
        res.writeHead(204, headers);
      } else {
        // Apps Script and a receiver without CORS: no preflight answer a browser would accept.
        res.writeHead(405, { allow: 'GET, POST' });
      }
      res.end();
      return;
    }
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const key = req.headers['idempotency-key'] ?? null;
      state.requests.push({ method: req.method, contentType: req.headers['content-type'] ?? null, key, body });
      if (req.method !== 'POST') {
        res.writeHead(405, { ...headers, allow: mode === 'cors' ? 'POST, OPTIONS' : 'POST' });
        res.end();
        return;
      }
      if (state.hangsLeft > 0) {
        state.hangsLeft -= 1;
        return; // no answer, ever
      }
      if (state.failuresLeft > 0) {
        state.failuresLeft -= 1;
        answer(res, state.failStatus, 'text/plain', 'failing on purpose');
        return;
      }
      let submission;
      try {
        submission = JSON.parse(body);
      } catch {
        submission = null;
      }
      const id = submission && typeof submission === 'object' ? submission.idempotency_key : undefined;
      if (mode === 'refuse-options') {
        // Apps Script answers every doPost with 200 and what the script returned.
        if (!id || !submission.kind) {
          answer(res, 200, 'text/plain; charset=utf-8', 'not a toolkit submission');
          return;
        }
        answer(res, 200, 'text/plain; charset=utf-8', store(submission) ? 'already stored' : 'stored');
        return;
      }
      if (submission === null) {
        answer(res, 400, 'text/plain', 'not JSON');
        return;
      }
      // A receiver built for the toolkit checks the body's key against the header's; the others
      // get no header (a simple request carries no custom header) and take the body's.
      if (!id || (mode === 'cors' && id !== key)) {
        answer(
          res,
          422,
          'text/plain',
          mode === 'cors'
            ? 'idempotency key missing or not matching the Idempotency-Key header'
            : 'idempotency_key missing',
        );
        return;
      }
      const repeat = store(submission);
      answer(res, repeat ? 200 : 201, 'application/json', JSON.stringify({ stored: id, repeat }));
    });
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${server.address().port}/contributions`;
  return {
    url,
    state,
    close: () =>
      new Promise((ok) => {
        server.close(ok);
        server.closeAllConnections();
      }),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const flag = (name) => process.argv.includes(name);
  const receiver = await receive({
    port: Number(arg('--port', 8787)),
    failFirst: Number(arg('--fail-first', 0)),
    hangFirst: Number(arg('--hang-first', 0)),
    out: arg('--out', null),
    refuseOptions: flag('--refuse-options'),
    cors: !flag('--no-cors'),
  });
  console.log(`Receiving contributions at ${receiver.url} (${receiver.state.mode}; Ctrl-C to stop)`);
}
