// A static file server for the built site, as a deployer's web server would serve it (the
// nginx lines in README.md): a file if there is one, else the static page `<path>.html`, else
// `404.html` with status 404. Responses are gzip-compressed when the browser accepts it, as
// any real host does, with an ETag, so a browser revalidating its copy gets "304 Not Modified".
// Used by scripts/serve, the browser tests, the benchmarks and the Lighthouse run:
//
//   node scripts/static-server.mjs [dist] [port] [base]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};
/** Types worth compressing (PNG is compressed already). */
const COMPRESSIBLE = new Set(['.html', '.js', '.wasm', '.css', '.json', '.svg', '.webmanifest', '.xml', '.txt']);

async function isFile(path) {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}

/** How long browsers may keep what they fetched, as two kinds of static host set it. */
export const CACHING = {
  /** Ask every time (the default here): a copy is used once the server confirms it (304). */
  revalidate: 'max-age=0, must-revalidate',
  /** Long cache headers, as a host with far-future expiry sets them. */
  long: 'public, max-age=31536000',
};

/**
 * Starts serving `dist` under `base` ("/" or "/some/path/") on a free port.
 * `override(path)` may return { status, body, type } to replace a response (for error tests).
 * `caching` is a key of CACHING; `log({ path, status, bytes })` hears of every response.
 * `throttle` ({ rtt, bps }: milliseconds, bytes per second) makes every response, the page's
 * and its service worker's alike, wait a round trip and share one link of that speed.
 */
export async function serve(dist, { base = '/', port = 0, headers = {}, override, caching = 'revalidate', log, throttle } = {}) {
  const link = throttle ? slowLink(throttle) : null;
  const root = resolve(dist);
  /** Compressed bodies, by file and modification time. */
  const gzipped = new Map();

  /** The file answering `path` (relative to the base), and its status. */
  async function locate(path) {
    const file = normalize(join(root, path));
    if (!file.startsWith(root)) return null;
    if (await isFile(file)) return { file, status: 200 };
    if (path === '' || path.endsWith('/')) {
      const index = join(file, 'index.html');
      if (await isFile(index)) return { file: index, status: 200 };
    } else if (!extname(path) && (await isFile(`${file}.html`))) {
      return { file: `${file}.html`, status: 200 };
    }
    const missing = join(root, '404.html');
    return (await isFile(missing)) ? { file: missing, status: 404 } : { file: null, status: 404 };
  }

  async function body(file, accepts) {
    const bytes = await readFile(file);
    if (!accepts || !COMPRESSIBLE.has(extname(file))) return { bytes, encoding: null };
    const { mtimeMs } = await stat(file);
    const key = `${file}\0${mtimeMs}`;
    if (!gzipped.has(key)) gzipped.set(key, gzipSync(bytes, { level: 6 }));
    return { bytes: gzipped.get(key), encoding: 'gzip' };
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const path = decodeURIComponent(url.pathname);
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
    const found = await locate(path.slice(base.length));
    if (!found?.file) {
      res.writeHead(found ? 404 : 403, headers);
      res.end(found ? 'not found' : '');
      return;
    }
    const { bytes, encoding } = await body(found.file, /\bgzip\b/.test(req.headers['accept-encoding'] ?? ''));
    const { size, mtimeMs } = await stat(found.file);
    const etag = `"${size.toString(16)}-${Math.trunc(mtimeMs).toString(16)}${encoding ? '-gz' : ''}"`;
    const fresh = found.status === 200 && (req.headers['if-none-match'] ?? '').split(/\s*,\s*/).includes(etag);
    const status = fresh ? 304 : found.status;
    res.writeHead(status, {
      'content-type': TYPES[extname(found.file)] ?? 'application/octet-stream',
      'cache-control': CACHING[caching],
      etag,
      vary: 'accept-encoding',
      ...(encoding ? { 'content-encoding': encoding } : {}),
      ...headers,
    });
    const sent = req.method === 'HEAD' || fresh ? undefined : bytes;
    log?.({ path, status, bytes: sent?.length ?? 0 });
    if (link) await link.send(res, sent);
    else res.end(sent);
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

/**
 * One slow link shared by every response: each waits a round trip, then its body goes out in
 * chunks, each taking its turn on the link, so responses in flight share its speed.
 */
function slowLink({ rtt, bps }) {
  const CHUNK = 4096;
  let freeAt = 0;
  const until = (time) => new Promise((ok) => setTimeout(ok, Math.max(0, time - performance.now())));
  return {
    async send(res, bytes) {
      await until(performance.now() + rtt);
      for (let at = 0; bytes && at < bytes.length; at += CHUNK) {
        const chunk = bytes.subarray(at, at + CHUNK);
        freeAt = Math.max(freeAt, performance.now()) + (1000 * chunk.length) / bps;
        await until(freeAt);
        res.write(chunk);
      }
      res.end();
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dist = 'dist', port = '8080', base = '/'] = process.argv.slice(2);
  const s = await serve(dist, { port: Number(port), base });
  console.log(`Serving ${dist} at ${s.url()}`);
}
