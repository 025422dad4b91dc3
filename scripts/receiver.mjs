// A webhook receiver for trying the toolkit's contributions out locally: accepts the JSON the
// toolkit POSTs (with CORS, as a browser needs), stores each submission once by its idempotency
// key, and prints it. The browser tests use it too, with failures switched on.
//
//   node scripts/receiver.mjs [--port 8787] [--fail-first N] [--hang-first N] [--out contributions.jsonl]
//
// then set "contribute": { "webhook": "http://localhost:8787/contributions" } in config.json.
import { createServer } from 'node:http';
import { appendFileSync } from 'node:fs';

/**
 * Starts a receiver. `hangFirst` requests are never answered (as a receiver that hangs), then
 * `failFirst` requests are answered with `failStatus` (503: "try again later") before any is
 * accepted; `quiet` stops it printing what it stores. Returns its URL, what it stored and every
 * request it saw.
 */
export async function receive({ port = 0, failFirst = 0, failStatus = 503, hangFirst = 0, out = null, quiet = false } = {}) {
  const state = { hangsLeft: hangFirst, failuresLeft: failFirst, failStatus, stored: new Map(), requests: [] };
  const cors = {
    'access-control-allow-origin': '*',
    'access-control-allow-methods': 'POST, OPTIONS',
    'access-control-allow-headers': 'content-type, idempotency-key',
    'access-control-max-age': '600',
  };
  const server = createServer((req, res) => {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors);
      res.end();
      return;
    }
    if (req.method !== 'POST') {
      res.writeHead(405, { ...cors, allow: 'POST, OPTIONS' });
      res.end();
      return;
    }
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const key = req.headers['idempotency-key'] ?? null;
      state.requests.push({ key, body });
      if (state.hangsLeft > 0) {
        state.hangsLeft -= 1;
        return; // no answer, ever
      }
      if (state.failuresLeft > 0) {
        state.failuresLeft -= 1;
        res.writeHead(state.failStatus, { ...cors, 'content-type': 'text/plain' });
        res.end('failing on purpose');
        return;
      }
      let submission;
      try {
        submission = JSON.parse(body);
      } catch {
        res.writeHead(400, { ...cors, 'content-type': 'text/plain' });
        res.end('not JSON');
        return;
      }
      const id = submission.idempotency_key;
      if (!id || id !== key) {
        res.writeHead(422, { ...cors, 'content-type': 'text/plain' });
        res.end('idempotency key missing or not matching the Idempotency-Key header');
        return;
      }
      // A repeat of a stored submission is acknowledged, not stored again.
      const repeat = state.stored.has(id);
      if (!repeat) {
        state.stored.set(id, submission);
        if (out) appendFileSync(out, `${JSON.stringify(submission)}\n`);
        if (!quiet) console.log(`received ${submission.kind} ${id}\n${JSON.stringify(submission, null, 2)}`);
      }
      res.writeHead(repeat ? 200 : 201, { ...cors, 'content-type': 'application/json' });
      res.end(JSON.stringify({ stored: id, repeat }));
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
  const receiver = await receive({
    port: Number(arg('--port', 8787)),
    failFirst: Number(arg('--fail-first', 0)),
    hangFirst: Number(arg('--hang-first', 0)),
    out: arg('--out', null),
  });
  console.log(`Receiving contributions at ${receiver.url} (Ctrl-C to stop)`);
}
