// Trunk's post_build hook: runs on the staged site before it replaces dist/.
//
// 0. Writes the names the scripts share with the app (src/contract.rs, printed by
//    `scripts/prerender --contract`) into each staged script's "__CONTRACT{…}__" placeholder,
//    and the embed flag's part into app.html's inline embed check ("__CONTRACT:embed__"). In
//    release builds, then minifies the JavaScript Trunk staged (wasm-bindgen's glue is written
//    out readable, and Trunk's own minifier does not touch it) with terser: 9.6 → 7.4 KB gzip
//    when added. The Subresource Integrity hashes in index.html are updated to match.
// 1. Replaces Trunk's loader with one that fetches the app's files into the browser's cache
//    once the page has been shown, and starts the app once it is wanted (the static page is
//    complete without it, so the wasm must not compete with its first paint, nor take the main
//    thread before the visitor is there), keeping the integrity checks of the JS and wasm.
//    Renames Trunk's index.html to app.html (the app's shell: the template of every static
//    page, and the page the service worker falls back to offline), then writes the static
//    pages, sitemap.xml and robots.txt with scripts/prerender (src/prerender/).
// 2. Writes sw.js: the service worker (src/js/sw.js) with this build's version and the list of
//    files to precache, taken from what was staged, so no list is kept by hand.
// 3. Computes the Content-Security-Policy the site needs: Trunk's start-up script and the
//    early embed check are inline, so the policy carries their sha256 hashes. Writes it to
//    csp.txt and prints it.
//
// Environment (from Trunk): TRUNK_STAGING_DIR, TRUNK_PROFILE; SITE_URL for the pages.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { minify } from 'terser';

const stage = process.env.TRUNK_STAGING_DIR;
if (!stage) throw new Error('TRUNK_STAGING_DIR is not set: run this from Trunk (post_build hook)');
const root = new URL('..', import.meta.url).pathname;

/**
 * Trunk's page loads the app at once: a `modulepreload` and a wasm `preload` in the head, and
 * an inline module that imports the JS and fetches the wasm. Every page is complete static
 * HTML first, so the app should start only once the page has been shown (after `load`, and a
 * frame), not compete with the first paint for bandwidth and the main thread, and only when
 * it is wanted (the `wanted` global of src/js/start.js: at once where the static page is not
 * enough, else when the visitor is there). This writes a loader that does that, with the same
 * files and the same integrity hashes (the wasm's now checked by the fetch that loads it).
 */
function startAfterShown(html) {
  const find = (pattern, what) => {
    const found = html.match(pattern);
    if (!found) throw new Error(`post-build: Trunk's ${what} not found in index.html: has its loader changed?`);
    return found;
  };
  const [loader, js, wasm] = find(/<script type=("?)module\1>\s*import init, \* as bindings from '([^']+)';\s*const wasm = await init\(\{ module_or_path: '([^']+)' \}\);[\s\S]*?<\/script>/, 'loader').filter((_, i) => i !== 1);
  const integrity = (tag) => tag.match(/integrity=("?)(sha384-[A-Za-z0-9+/=]+)\1/)[2];
  const [jsLink] = find(/<link[^>]*rel=("?)modulepreload\1[^>]*>/, 'modulepreload link');
  const [wasmLink] = find(/<link[^>]*rel=("?)preload\1[^>]*\.wasm[^>]*>|<link[^>]*\.wasm[^>]*rel=("?)preload\2[^>]*>/, 'wasm preload link');
  const files = {
    js: [js, integrity(jsLink)],
    wasm: [wasm, integrity(wasmLink)],
  };
  const start = `<script type="module">
const [js, jsIntegrity] = ${JSON.stringify(files.js)};
const [wasm, wasmIntegrity] = ${JSON.stringify(files.wasm)};
const global = (name) => window[name]?.() ?? Promise.resolve();
// Once the page is shown, the app's files are fetched into the browser's cache at the lowest
// priority (while start.js checks the page's data), so that when the visitor wants the app it
// is there (on a slow phone, its download takes seconds); the service worker, registered once
// both are done, then keeps the same copies.
const fetched = new Promise((done) => {
  const fetchFiles = () =>
    Promise.all([[js, jsIntegrity], [wasm, wasmIntegrity]].map(([url, integrity]) => fetch(url, { integrity, priority: 'low' }).then((r) => r.arrayBuffer())))
      .catch(() => {}) // offline, or refused: the app fetches them again when it starts
      .then(done);
  if (document.readyState === 'complete') fetchFiles(); else addEventListener('load', fetchFiles, { once: true });
});
window[${JSON.stringify(C.globals.appFetched)}] = () => Promise.all([fetched, global(${JSON.stringify(C.globals.checked)})]);
const start = async () => {
  document.head.append(Object.assign(document.createElement('link'), { rel: 'modulepreload', href: js, integrity: jsIntegrity, crossOrigin: 'anonymous' }));
  const module = fetch(wasm, { integrity: wasmIntegrity }); // side by side with the JS
  const bindings = await import(js);
  const app = await bindings.default({ module_or_path: module });
  window.wasmBindings = bindings;
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm: app } }));
};
const later = () => requestAnimationFrame(() => setTimeout(() => global(${JSON.stringify(C.globals.wanted)}).then(start)));
if (document.readyState === 'complete') later(); else addEventListener('load', later, { once: true });
</script>`;
  return html.replace(jsLink, '').replace(wasmLink, '').replace(loader, start);
}

/** The names the scripts share with the app, from the Rust that defines them. */
function contract(basePath) {
  const printed = spawnSync(join(root, 'scripts/prerender'), ['--contract', basePath], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (printed.status !== 0) throw new Error('scripts/prerender --contract failed');
  return JSON.parse(printed.stdout);
}

/**
 * `text` with each placeholder for the contract written out: `"__CONTRACT:embed__"` is that part
 * of it, `"__CONTRACT{events,files}__"` an object of those parts. The placeholders are strings
 * because minifiers keep strings (Trunk minifies some scripts, and the inline ones, before this
 * runs), and each script names the parts it uses, so it carries no more than those.
 */
function withContract(text, names) {
  const part = (key) => {
    if (!(key in names)) throw new Error(`post-build: the contract has no "${key}"`);
    return names[key];
  };
  return text.replace(/(["'`])__CONTRACT(?::(\w+)|\{([\w,]+)\})__\1/g, (_, quote, one, several) =>
    JSON.stringify(one ? part(one) : Object.fromEntries(several.split(',').map((key) => [key, part(key)]))),
  );
}

const basePath = readFileSync(join(stage, 'index.html'), 'utf8').match(/<base href=("?)([^"\s>]+)\1/)?.[2];
if (!basePath) throw new Error("post-build: index.html has no <base href>: is it Trunk's?");
const C = contract(basePath);

/** Files written by this script, or not for browsers: never precached. */
const NOT_SHELL = new Set([C.files.worker, 'csp.txt', 'robots.txt', 'sitemap.xml', '404.html']);
/** Data files: served stale-while-revalidate, fetched at install. */
const DATA = C.files.data;

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [relative(stage, path).split('\\').join('/')];
  });
}

{
  let html = withContract(readFileSync(join(stage, 'index.html'), 'utf8'), C);
  for (const file of walk(stage).filter((f) => f.endsWith('.js') && !NOT_SHELL.has(f))) {
    const path = join(stage, file);
    const before = readFileSync(path, 'utf8');
    let code = withContract(before, C);
    if (process.env.TRUNK_PROFILE === 'release') {
      ({ code } = await minify(code, { module: true, compress: { passes: 2 }, mangle: true }));
    }
    writeFileSync(path, code);
    // Trunk wrote integrity="sha384-…" for the file as it was; the browser refuses a mismatch.
    const sri = (text) => `sha384-${createHash('sha384').update(text).digest('base64')}`;
    const old = sri(before);
    if (html.includes(old)) html = html.replaceAll(old, sri(code));
  }
  writeFileSync(join(stage, 'index.html'), html);
}

writeFileSync(join(stage, 'index.html'), startAfterShown(readFileSync(join(stage, 'index.html'), 'utf8')));
renameSync(join(stage, 'index.html'), join(stage, C.files.appPage));
const prerender = spawnSync(join(root, 'scripts/prerender'), [stage], { stdio: 'inherit' });
if (prerender.status !== 0) throw new Error('scripts/prerender failed: the static pages were not written');

const files = walk(stage).filter((f) => !NOT_SHELL.has(f) && !f.startsWith('.')).sort();
const isPage = (f) => f.endsWith('.html') && f !== C.files.appPage;
// Pages at the top (home, browse, what's new, about, how to read the evidence, contribute, My
// list) are precached, in the language the visitor reads: the worker takes those of the folders
// its first pages are in (see sw.js), so they are listed by folder: '' for the site's root, a
// language's code for the pages under it (cy/index.html, cy/browse.html…). The others (each
// resource, term and collection) are cached as they are visited: the app renders any of them
// offline anyway, from app.html (or its language's, cy/app.html).
/** The language folder a file is in (`cy` for cy/browse.html), or null for the root's. */
const languageFolder = (f) => (f.includes('/') && C.languages.includes(f.split('/')[0]) ? f.split('/')[0] : null);
/** A top page's folder ('' at the root), or null for a page below the top. */
const topFolder = (f) => (f.split('/').length === 1 ? '' : f.split('/').length === 2 ? languageFolder(f) : null);
const pages = {};
for (const f of files.filter((f) => isPage(f) && topFolder(f) !== null && !f.endsWith('404.html'))) {
  (pages[topFolder(f)] ??= []).push(f);
}
// A language's messages (the app's words other than English's, named after their content):
// kept by the worker only for a visitor reading a page in another language than the root's.
const languageFiles = files.filter((f) => /^messages-[a-z]{2,3}-[0-9a-f]{16}\.json$/.test(f));
// (A language's folder holds its pages and feeds: never in the shell, which every visitor gets.)
const shell = files.filter((f) => !DATA.includes(f) && !isPage(f) && !languageFiles.includes(f) && languageFolder(f) === null);
const data = DATA.filter((f) => files.includes(f));
// A page belongs to this build if it loads this build's wasm.
const wasm = shell.find((f) => f.endsWith('.wasm'));

// The version changes whenever any staged file does, so each build gets its own caches.
const digest = createHash('sha256');
for (const file of files) {
  digest.update(file).update('\0').update(readFileSync(join(stage, file))).update('\0');
}
const version = digest.digest('hex').slice(0, 16);

const template = readFileSync(join(root, 'src/js', C.files.worker), 'utf8');
// Trunk names each JS, wasm and CSS file after its content's hash: the same name is the same
// file, so the worker may take it from the HTTP cache.
// The build names a language's messages after their content too (messages-cy-<hash>.json).
const immutable = [...shell, ...languageFiles].filter((f) => /-[0-9a-f]{16}(_bg)?\.(js|wasm|css|json)$/.test(f));
const build = JSON.stringify({ version, shell, immutable, pages, languageFiles, data, wasm });
const worker = withContract(template.replace(/\/\*BUILD\*\/.*\/\*END\*\//, `/*BUILD*/ ${build} /*END*/`), C);
if (!worker.includes(`/*BUILD*/ ${build}`)) throw new Error('src/js/sw.js has no /*BUILD*/ … /*END*/ marker');
writeFileSync(join(stage, C.files.worker), worker);

// Inline scripts in app.html, which every page shares (Trunk's loader, the early embed check),
// need their hashes in script-src. JSON-LD blocks are data, never run, so they need none.
const html = readFileSync(join(stage, C.files.appPage), 'utf8');
const hashes = [...html.matchAll(/<script(?![^>]*\ssrc=)([^>]*)>([\s\S]*?)<\/script>/g)]
  .filter(([, attributes]) => !/application\/ld\+json/.test(attributes))
  .map(([, , body]) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`);
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');
writeFileSync(join(stage, 'csp.txt'), `${policy}\n`);

console.log(
  `post-build: sw.js version ${version}, ${shell.length} shell files, precached pages ${Object.entries(pages).map(([f, list]) => `${f || 'root'} ${list.length}`).join(', ')}, language files ${languageFiles.length}, data: ${data.join(', ')}`,
);
console.log(`post-build: Content-Security-Policy for this build (also in dist/csp.txt):\n  ${policy}`);
