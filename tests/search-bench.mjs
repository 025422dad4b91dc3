// In-browser search benchmark: the built app against two JavaScript peers doing the same work
// on the same data in the same headless Chromium, MiniSearch (text search) with ItemsJS
// (facets) on one "peers" page (tests/bench/peers.html and peers.js).
//
//   node tests/search-bench.mjs [dist]
//
// Data: the site's own catalogue.json ("real") and a generated one of 10,000 resources in the
// same format with the same taxonomy ("big", tests/bench/catalogue.mjs, fixed seed). Each is
// served gzip-compressed (scripts/static-server.mjs) from a temporary copy of the built site,
// with the peers page and the libraries' UMD builds in its bench/ folder.
//
// Measured (same method for both, tests/bench/probe.js in the page; times from navigation
// start, "painted" = the frame after the change has been drawn):
// (a) start-up data cost: loading browse?q=WORD (the app) or bench/peers.html?q=WORD until the
//     result count of that search is painted, in a fresh browser context (no cache, service
//     workers blocked), median of LOADS loads; the big catalogue's median minus the real one's;
// (b) keystrokes: typing two-word searches letter by letter on the big catalogue's browse page,
//     from each keydown event's time stamp to the first frame painted after the page's last
//     change in response (after the input handlers when nothing changed); p50, p95 and max; and
//     until that last change (before the browser draws it), p50 and p95. The time between
//     frames is printed with them: a keystroke waits for the next frame as well.
//
// Goals are reported, never enforced: timing on a shared 2-core machine is noisy. The exit code
// is non-zero only when something is broken: an error page, no results, a peer that fails to load.
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../scripts/static-server.mjs';
import { generateCatalogue, problems } from './bench/catalogue.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BENCH = join(ROOT, 'tests/bench');
const LIBRARIES = [
  { name: 'MiniSearch', file: 'node_modules/minisearch/dist/umd/index.js', as: 'minisearch.umd.js' },
  { name: 'ItemsJS', file: 'node_modules/itemsjs/dist/index.umd.js', as: 'itemsjs.umd.js' },
];

/** Resources in the generated catalogue. */
const SIZE = 10_000;
/** Measured loads of each page and catalogue (after one unmeasured load each). */
const LOADS = 5;
/** The search in the address of each measured load. */
const STARTUP_QUERY = 'wellbeing';
/** Typed letter by letter, in each repetition. */
const PHRASES = ['mental health', 'peer support'];
/** Measured repetitions of typing PHRASES (after one unmeasured one). */
const REPEATS = 4;
const LOAD_TIMEOUT = 60_000;
const KEY_TIMEOUT = 10_000;
const FILTERED = /^(\d+ of \d+ resources match(es)?( some of your words)?|No resources match)$/;

const GOALS = [
  { label: 'keystroke p95 ≤ 16 ms', figure: (r) => r.keys.app.p95, met: (r) => r.keys.app.p95 <= 16, shown: (v) => `app ${v.toFixed(1)} ms` },
  {
    label: 'start-up data cost ≤ 0.5× peers',
    figure: (r) => r.startup.app.cost / r.startup.peers.cost,
    met: (r) => r.startup.app.cost <= 0.5 * r.startup.peers.cost,
    shown: (v) => `app/peers ${v.toFixed(2)}`,
  },
];

/** Something in the pages is broken (not merely slow): the run fails. */
class Broken extends Error {}

const IMPLEMENTATIONS = {
  app: { label: 'app', path: (q) => `browse${q === undefined ? '' : `?q=${encodeURIComponent(q)}`}` },
  peers: { label: 'peers (MiniSearch + ItemsJS)', path: (q) => `bench/peers.html${q === undefined ? '' : `?q=${encodeURIComponent(q)}`}` },
};

function withTimeout(promise, ms, message) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => (timer = setTimeout(() => reject(new Broken(message)), ms))),
  ]);
}

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
/** Nearest-rank percentile. */
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
};

/** The stylesheet app.html links, as the peers page (in bench/) can link it. */
function stylesheetOf(dist) {
  const html = readFileSync(join(dist, 'app.html'), 'utf8');
  const href = html.match(/<link[^>]*?href=["']?([^"' >]+\.css)/)?.[1];
  if (!href) throw new Error(`no stylesheet link in ${join(dist, 'app.html')}`);
  return href.startsWith('/') || /^https?:/.test(href) ? href : `../${href}`;
}

/** A temporary copy of the built site, with `catalogue` (text) if given, and the peers page. */
function site(dist, catalogue) {
  const dir = mkdtempSync(join(tmpdir(), 'search-bench-'));
  cpSync(dist, dir, { recursive: true });
  if (catalogue !== undefined) writeFileSync(join(dir, 'catalogue.json'), catalogue);
  const bench = join(dir, 'bench');
  mkdirSync(bench, { recursive: true });
  const page = readFileSync(join(BENCH, 'peers.html'), 'utf8').replace('%STYLESHEET%', stylesheetOf(dist));
  writeFileSync(join(bench, 'peers.html'), page);
  copyFileSync(join(BENCH, 'peers.js'), join(bench, 'peers.js'));
  for (const lib of LIBRARIES) copyFileSync(join(ROOT, lib.file), join(bench, lib.as));
  return dir;
}

/** A page in a fresh context (no cache, no service worker), with the timing probe installed. */
async function freshPage(browser) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
  await context.addInitScript({ path: join(BENCH, 'probe.js') });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('crash', () => page.errors.push('the page crashed'));
  return page;
}

function assertNoErrors(page, what) {
  if (page.errors.length) throw new Broken(`${what}: uncaught errors in the page:\n  ${page.errors.join('\n  ')}`);
}

/** The result count's text, found as a visitor finds it: the status that reports the results. */
async function resultCount(page, pattern = FILTERED) {
  const status = page.getByRole('status').filter({ hasText: pattern });
  await status.first().waitFor({ timeout: KEY_TIMEOUT });
  return (await status.first().textContent()).trim();
}

/** One load of `url` until the search results are painted; returns { shown, count }. */
async function startupLoad(browser, url, what) {
  const page = await freshPage(browser);
  try {
    await page.goto(url, { waitUntil: 'commit', timeout: LOAD_TIMEOUT });
    const result = await withTimeout(
      page.evaluate(() => window.__bench.startup),
      LOAD_TIMEOUT,
      `${what}: no search results shown within ${LOAD_TIMEOUT / 1000} s of loading ${url}`,
    );
    if (result.error) throw new Broken(`${what} shows an error page instead of results:\n  ${result.error}`);
    assertNoErrors(page, what);
    // Checked as a visitor sees it: the count, and results listed.
    const count = await resultCount(page);
    const listed = await page.getByRole('list', { name: 'Results' }).getByRole('listitem').count();
    if (count === 'No resources match' || listed === 0) {
      throw new Broken(`${what}: the search "${STARTUP_QUERY}" shows no results ("${count}", ${listed} listed)`);
    }
    return { shown: result.shown, count };
  } finally {
    await page.context().close();
  }
}

/** (a) Start-up: one unmeasured load of each, then LOADS rounds of all four, interleaved. */
async function measureStartup(browser, servers) {
  const cases = [];
  for (const impl of Object.keys(IMPLEMENTATIONS)) {
    for (const data of ['real', 'big']) {
      const url = servers[data].url(IMPLEMENTATIONS[impl].path(STARTUP_QUERY));
      cases.push({ impl, data, url, what: `${IMPLEMENTATIONS[impl].label} with the ${data} catalogue`, times: [] });
    }
  }
  for (const c of cases) c.count = (await startupLoad(browser, c.url, c.what)).count; // also warms the server's gzip cache
  for (let round = 0; round < LOADS; round++) {
    for (const c of cases) c.times.push((await startupLoad(browser, c.url, c.what)).shown);
  }
  for (const c of cases) {
    console.log(`  ${c.what}: "${c.count}"; loads ${c.times.map((t) => Math.round(t)).join(' ')} ms`);
  }
  const of = (impl, data) => cases.find((c) => c.impl === impl && c.data === data);
  const summary = (impl) => {
    const real = median(of(impl, 'real').times);
    const big = median(of(impl, 'big').times);
    return { real, big, cost: big - real };
  };
  return { app: summary('app'), peers: summary('peers') };
}

/** The browse page of an implementation on the big catalogue, ready for typing. */
async function typingPage(browser, server, impl) {
  const page = await freshPage(browser);
  const what = `${IMPLEMENTATIONS[impl].label} (typing)`;
  await page.goto(server.url(IMPLEMENTATIONS[impl].path()), { timeout: LOAD_TIMEOUT });
  if (impl === 'app') {
    // The static page's controls do nothing until the app has taken over: show presence.
    await page.mouse.move(1, 1);
    await page
      .waitForFunction(() => !document.getElementById('boot'), null, { timeout: LOAD_TIMEOUT })
      .catch(() => Promise.reject(new Broken(`${what}: the app did not take over the browse page within ${LOAD_TIMEOUT / 1000} s`)));
  }
  const all = new RegExp(`^Showing all ${SIZE} resources$`);
  await page
    .getByRole('status')
    .filter({ hasText: all })
    .waitFor({ timeout: LOAD_TIMEOUT })
    .catch(() => Promise.reject(new Broken(`${what}: the browse page never showed "Showing all ${SIZE} resources"`)));
  const box = page.getByRole('searchbox', { name: 'Search resources' });
  await box.waitFor({ timeout: KEY_TIMEOUT });
  assertNoErrors(page, what);
  return { page, box, what, all, samples: [], scripts: [], counts: {} };
}

/** Types `phrase` into an empty search box letter by letter, timing each keystroke. */
async function typePhrase(t, phrase, measured) {
  const { page, box, what } = t;
  await box.focus();
  if ((await box.inputValue()) !== '') {
    await box.fill('');
    await page.getByRole('status').filter({ hasText: t.all }).waitFor({ timeout: KEY_TIMEOUT });
  }
  await sleep(100);
  for (const letter of phrase) {
    await page.evaluate(() => window.__bench.arm());
    await page.keyboard.type(letter);
    const r = await withTimeout(
      page.evaluate((timeout) => window.__bench.settled(timeout), KEY_TIMEOUT),
      KEY_TIMEOUT + 5_000,
      `${what}: typing "${letter}" of "${phrase}" was not handled within ${KEY_TIMEOUT / 1000} s`,
    );
    if (r.timedOut || r.t0 === null || r.input === null) {
      const missing = r.t0 === null ? 'no keydown event' : r.input === null ? 'no input event' : 'the page never settled';
      throw new Broken(`${what}: typing "${letter}" of "${phrase}": ${missing} within ${KEY_TIMEOUT / 1000} s`);
    }
    if (measured) {
      t.samples.push(r.latency);
      t.scripts.push((r.mutations ? r.lastMutation : r.input) - r.t0);
    }
    await sleep(30);
  }
  if ((await box.inputValue()) !== phrase) throw new Broken(`${what}: the search box holds "${await box.inputValue()}", not "${phrase}"`);
  t.counts[phrase] = await resultCount(page);
  if (t.counts[phrase] === 'No resources match') throw new Broken(`${what}: "${phrase}" finds no resources`);
  assertNoErrors(page, what);
}

/** The median time between two frames of `page` (requestAnimationFrame), over 60 frames. */
async function frameInterval(page) {
  const times = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const out = [];
        const tick = (t) => (out.push(t) < 61 ? requestAnimationFrame(tick) : resolve(out));
        requestAnimationFrame(tick);
      }),
  );
  return median(times.slice(1).map((t, i) => t - times[i]));
}

/** (b) Keystrokes on the big catalogue: the two pages alternate, one repetition at a time. */
async function measureKeystrokes(browser, server) {
  const pages = {};
  for (const impl of Object.keys(IMPLEMENTATIONS)) pages[impl] = await typingPage(browser, server, impl);
  try {
    for (let repeat = 0; repeat <= REPEATS; repeat++) {
      for (const t of Object.values(pages)) {
        await t.page.bringToFront();
        for (const phrase of PHRASES) await typePhrase(t, phrase, repeat > 0);
      }
    }
    const summary = (t) => ({
      n: t.samples.length,
      p50: percentile(t.samples, 50),
      p95: percentile(t.samples, 95),
      max: Math.max(...t.samples),
      script: percentile(t.scripts, 50),
      scriptP95: percentile(t.scripts, 95),
      counts: t.counts,
    });
    for (const phrase of PHRASES) {
      console.log(`  "${phrase}": ${Object.entries(pages).map(([impl, t]) => `${impl} "${t.counts[phrase]}"`).join(', ')}`);
    }
    const frame = await frameInterval(pages.app.page);
    return { app: summary(pages.app), peers: summary(pages.peers), frame };
  } finally {
    for (const t of Object.values(pages)) await t.page.context().close();
  }
}

function printTable(results, version) {
  const { startup, keys } = results;
  const n = SIZE.toLocaleString('en-GB');
  const ms = (v, digits) => v.toFixed(digits);
  const ratio = (a, b) => (b > 0 ? (a / b).toFixed(2) : '–');
  const rows = [
    [`start-up, real catalogue ms`, startup.app.real, startup.peers.real, 0],
    [`start-up, ${n} resources ms`, startup.app.big, startup.peers.big, 0],
    ['start-up data cost ms', startup.app.cost, startup.peers.cost, 0],
    ['keystroke p50 ms', keys.app.p50, keys.peers.p50, 1],
    ['keystroke p95 ms', keys.app.p95, keys.peers.p95, 1],
    ['keystroke max ms', keys.app.max, keys.peers.max, 1],
    ['keystroke p50 until DOM changed ms', keys.app.script, keys.peers.script, 1],
    ['keystroke p95 until DOM changed ms', keys.app.scriptP95, keys.peers.scriptP95, 1],
  ].map(([label, app, peers, digits]) => [label, ms(app, digits), ms(peers, digits), ratio(app, peers)]);
  const header = ['', IMPLEMENTATIONS.app.label, IMPLEMENTATIONS.peers.label, 'app/peers'];
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => row[i].length)));
  console.log(`\nIn-browser search benchmark: ${n} generated resources, headless Chromium ${version}`);
  console.log(
    `(machine load average ${loadavg()[1].toFixed(1)} on ${availableParallelism()} cores; start-up: medians of ${LOADS} loads each; ` +
      `keystrokes: ${keys.app.n} each, typing ${PHRASES.map((p) => `"${p}"`).join(' and ')} ${REPEATS} times)`,
  );
  for (const row of [header, ...rows]) {
    console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('   '));
  }
  const goals = GOALS.map((g) => `${g.met(results) ? '✓' : '✗'} ${g.label} (${g.shown(g.figure(results))})`);
  console.log(`Goals (reported, not enforced): ${goals.join('; ')}`);
  console.log(
    `(Frames were ${keys.frame.toFixed(1)} ms apart. "Painted" is the first frame after the last change, so a keystroke ` +
      `also waits for that frame: up to one frame interval, more than ${(0.95 * keys.frame).toFixed(1)} ms for one keystroke in 20.)`,
  );
}

async function main() {
  const started = Date.now();
  const dist = resolve(process.argv[2] ?? 'dist');
  for (const file of ['app.html', 'browse.html', 'catalogue.json']) {
    if (!existsSync(join(dist, file))) throw new Error(`no built site in ${dist} (${file} is missing): build it first (trunk build --release)`);
  }
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (scripts/test does)`);
  for (const lib of LIBRARIES) {
    if (!existsSync(join(ROOT, lib.file))) throw new Error(`${lib.name} is not installed (${lib.file}): run scripts/setup (npm ci)`);
  }

  const real = JSON.parse(readFileSync(join(dist, 'catalogue.json'), 'utf8'));
  const big = generateCatalogue(real, { count: SIZE });
  const wrong = problems(big);
  if (wrong.length) throw new Error(`the generated catalogue breaks the toolkit's rules:\n  ${wrong.slice(0, 10).join('\n  ')}`);
  const bigText = JSON.stringify(big);

  const dirs = [];
  const servers = {};
  let browser;
  try {
    dirs.push(site(dist));
    dirs.push(site(dist, bigText));
    servers.real = await serve(dirs[0]);
    servers.big = await serve(dirs[1]);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const version = browser.version();
    console.log(
      `Search benchmark: the app against MiniSearch + ItemsJS, catalogues of ${real.resources.length} (real) ` +
        `and ${SIZE} (generated, ${(bigText.length / 1e6).toFixed(1)} MB) resources, Chromium ${version}`,
    );
    console.log(`Start-up: searching "${STARTUP_QUERY}", ${LOADS} loads each after one unmeasured:`);
    const startup = await measureStartup(browser, servers);
    console.log(`Keystrokes on the ${SIZE} resources, ${REPEATS} repetitions after one unmeasured:`);
    const keys = await measureKeystrokes(browser, servers.big);
    printTable({ startup, keys }, version);
    console.log(`\nSearch benchmark done (${Math.round((Date.now() - started) / 1000)} s).`);
  } finally {
    await browser?.close();
    for (const server of Object.values(servers)) await server.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`\nSearch benchmark ${error instanceof Broken ? 'found something broken' : 'failed'}: ${error.message}`);
  process.exitCode = 1;
});
