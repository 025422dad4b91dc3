// Trunk's post_build hook: runs on the staged site before it replaces dist/.
//
// 0. In release builds, minifies the JavaScript Trunk staged (wasm-bindgen's glue is written
//    out readable, and Trunk's own minifier does not touch it) with terser, and updates the
//    Subresource Integrity hashes in index.html to match: 9.6 → 7.4 KB gzip when added.
// 1. Writes sw.js: the service worker (src/js/sw.js) with this build's version and the list of
//    files to precache, taken from what Trunk staged, so no list is kept by hand.
// 2. Computes the Content-Security-Policy the site needs: Trunk's start-up script is inline, so
//    the policy carries its sha256 hash. Writes it to csp.txt and prints it.
//
// Environment (from Trunk): TRUNK_STAGING_DIR, TRUNK_PROFILE.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { minify } from 'terser';

const stage = process.env.TRUNK_STAGING_DIR;
if (!stage) throw new Error('TRUNK_STAGING_DIR is not set: run this from Trunk (post_build hook)');
const root = new URL('..', import.meta.url).pathname;

/** Files written by this script, or not for browsers: never precached. */
const NOT_SHELL = new Set(['sw.js', 'csp.txt']);
/** Data files: served stale-while-revalidate, fetched at install. */
const DATA = ['config.json', 'catalogue.json'];

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [relative(stage, path).split('\\').join('/')];
  });
}

if (process.env.TRUNK_PROFILE === 'release') {
  let html = readFileSync(join(stage, 'index.html'), 'utf8');
  for (const file of walk(stage).filter((f) => f.endsWith('.js') && !NOT_SHELL.has(f))) {
    const path = join(stage, file);
    const before = readFileSync(path, 'utf8');
    const { code } = await minify(before, { module: true, compress: { passes: 2 }, mangle: true });
    writeFileSync(path, code);
    // Trunk wrote integrity="sha384-…" for the file as it was; the browser refuses a mismatch.
    const sri = (text) => `sha384-${createHash('sha384').update(text).digest('base64')}`;
    const old = sri(before);
    if (html.includes(old)) html = html.replaceAll(old, sri(code));
  }
  writeFileSync(join(stage, 'index.html'), html);
}

const files = walk(stage).filter((f) => !NOT_SHELL.has(f) && !f.startsWith('.')).sort();
const shell = files.filter((f) => !DATA.includes(f));
const data = DATA.filter((f) => files.includes(f));

// The version changes whenever any staged file does, so each build gets its own caches.
const digest = createHash('sha256');
for (const file of files) {
  digest.update(file).update('\0').update(readFileSync(join(stage, file))).update('\0');
}
const version = digest.digest('hex').slice(0, 16);

const template = readFileSync(join(root, 'src/js/sw.js'), 'utf8');
const build = JSON.stringify({ version, shell, data });
const worker = template.replace(/\/\*BUILD\*\/.*\/\*END\*\//, `/*BUILD*/ ${build} /*END*/`);
if (worker === template) throw new Error('src/js/sw.js has no /*BUILD*/ … /*END*/ marker');
writeFileSync(join(stage, 'sw.js'), worker);

// Inline scripts in index.html (Trunk's loader) need their hashes in script-src.
const html = readFileSync(join(stage, 'index.html'), 'utf8');
const hashes = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
  ([, body]) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`,
);
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

console.log(`post-build: sw.js version ${version}, ${shell.length} shell files, data: ${data.join(', ')}`);
console.log(`post-build: Content-Security-Policy for this build (also in dist/csp.txt):\n  ${policy}`);
