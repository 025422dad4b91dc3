// A static file server for the built site, as a deployer's web server would serve it:
// files from dist/, index.html for any other path under the base (history-API routing), and
// optional extra headers. Used by the browser tests; also runnable by hand:
//
//   node tests/browser/support/server.mjs [dist] [port] [base]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Starts serving `dist` under `base` ("/" or "/some/path/") on a free port.
 * `override(path)` may return { status, body, type } to replace a response (for error tests).
 */
export async function serve(dist, { base = '/', port = 0, headers = {}, override } = {}) {
  const root = resolve(dist);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let path = decodeURIComponent(url.pathname);
    const replaced = override?.(path);
    if (replaced) {
      res.writeHead(replaced.status ?? 200, { 'content-type': replaced.type ?? 'application/json', ...headers });
      res.end(replaced.body);
      return;
    }
    if (!path.startsWith(base)) {
      res.writeHead(404, headers);
      res.end('not under the base path');
      return;
    }
    path = path.slice(base.length);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      res.writeHead(403, headers);
      res.end();
      return;
    }
    const isFile = await stat(file).then((s) => s.isFile(), () => false);
    if (!isFile) {
      // Unknown paths with a file extension are real 404s; the rest are app routes.
      if (extname(path)) {
        res.writeHead(404, headers);
        res.end('not found');
        return;
      }
      file = join(root, 'index.html');
    }
    const body = await readFile(file);
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
      ...headers,
    });
    res.end(body);
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: (path = '') => origin + base + path.replace(/^\//, ''),
    /** Stops serving at once, dropping kept-alive connections (as a server going down would). */
    close: () =>
      new Promise((ok) => {
        server.close(ok);
        server.closeAllConnections();
      }),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dist = 'dist', port = '8080', base = '/'] = process.argv.slice(2);
  const s = await serve(dist, { port: Number(port), base });
  console.log(`Serving ${dist} at ${s.url()}`);
}
