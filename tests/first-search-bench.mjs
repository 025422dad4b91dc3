// First search on a slow phone: a first-time visitor lands on the static browse page, and a
// second after it has loaded taps the search box and types a word. Measured: the time from
// the last key to the results for the word on screen (the result count saying what matched,
// with the results drawn in the same frame).
//
//   node tests/first-search-bench.mjs [dist]
//
// Beside the app, Pagefind (npm `pagefind`, pinned, test-only) indexes the same built resource
// pages, on a copy of the same static browse page whose search box it answers instead of the
// app: its script and index are loaded when the box is first focused (as Pagefind's own UI
// does, and as the app starts), and it shows the count and its first five results, each with
// its fragment loaded (Pagefind's page size). Neither debounces typing.
//
// The phone and network are Lighthouse's mobile ones: a 150 ms round trip and 1.6 Mbps down,
// shared by every request of the page and its service worker (the test server shapes them, so
// the worker's downloads take their share too), and the page's CPU slowed 4×. Two kinds of
// static host: long cache headers, and `max-age=0, must-revalidate` with ETags (each reuse of
// a kept copy costs a round trip). Every visit is cold (a fresh browser profile); the figures
// are medians of VISITS visits. The table also counts what a first visit downloaded twice.
//
// The goal (the app at most 0.8× Pagefind's time on both hosts) is reported, not enforced: a
// timing on a shared 2-core machine is a measurement, not a test.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { chromium } from 'playwright-core';
import * as pagefind from 'pagefind';
import { CACHING, serve } from '../scripts/static-server.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.mjs';

const dist = process.argv[2] ?? 'dist';
const VISITS = 3;
const WORD = 'belonging';
/** A person typing steadily: a key every 150 ms. */
const KEY_INTERVAL = 150;
/** Lighthouse's mobile throttling. */
const NETWORK = { rtt: 150, bps: (1.6 * 1024 * 1024) / 8 };
const CPU_SLOWDOWN = 4;
const GOAL = 0.8;
/** A phone's screen, as Lighthouse's mobile run emulates it. */
const PHONE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true };

/** The Pagefind copy: the built site, its resource pages indexed, and browse.html answered by Pagefind. */
async function pagefindCopy() {
  const copy = mkdtempSync(join(tmpdir(), 'first-search-pagefind-'));
  cpSync(dist, copy, { recursive: true });
  const { index, errors } = await pagefind.createIndex({});
  if (errors.length) throw new Error(errors.join('\n'));
  const added = await index.addDirectory({ path: copy, glob: 'resources/*.html' });
  if (added.errors.length) throw new Error(added.errors.join('\n'));
  await index.writeFiles({ outputPath: join(copy, 'pagefind') });
  await pagefind.close();

  const total = JSON.parse(readFileSync(join(dist, 'catalogue.json'), 'utf8')).resources.length;
  const page = readFileSync(join(dist, 'browse.html'), 'utf8')
    // Without the app: its loader and scripts, and the policy that allows only them.
    .replace(/<script[^>]*type="module"[^>]*>[\s\S]*?<\/script>/g, '')
    .replace(/<script defer[^>]*><\/script>/g, '')
    .replace(/<meta http-equiv="?Content-Security-Policy"?[^>]*>/i, '')
    .replace(
      '</body>',
      `<script type="module">
const box = document.getElementById('browse-search');
const count = document.getElementById('result-count');
const list = document.querySelector('section.results ul');
box.form.addEventListener('submit', (event) => event.preventDefault());
let loaded = null;
const load = () => (loaded ??= import('./pagefind/pagefind.js').then(async (pf) => { await pf.init(); return pf; }));
box.addEventListener('focus', load, { once: true });
let latest = 0;
box.addEventListener('input', async () => {
  const mine = ++latest;
  const pf = await load();
  const search = await pf.search(box.value);
  if (mine !== latest || !search) return;
  const shown = await Promise.all(search.results.slice(0, 5).map((r) => r.data()));
  if (mine !== latest) return;
  list.innerHTML = shown.map((d) => '<li class="card"><h3><a href="' + d.url + '">' + d.meta.title + '</a></h3><p>' + d.excerpt + '</p></li>').join('');
  count.textContent = search.results.length + ' of ${total} resources match';
  history.replaceState(null, '', '?q=' + encodeURIComponent(box.value));
});
</script></body>`,
    );
  writeFileSync(join(copy, 'browse.html'), page);
  return copy;
}

/**
 * Notes, in the page, when the last key went down and the first frame after it that shows the
 * results for the whole word: the address says it was searched for (the app keeps the search
 * in the address as it shows its results; the Pagefind page does the same) and the count says
 * what matched.
 */
function watch(word) {
  const marks = { key: 0, shown: 0, tap: 0, started: 0, takenOver: 0 };
  window.firstSearch = marks;
  addEventListener('touchstart', () => (marks.tap ||= performance.now()), true);
  addEventListener('TrunkApplicationStarted', () => (marks.started = performance.now()));
  new MutationObserver((_, observer) => {
    if (document.readyState !== 'loading' && !document.getElementById('boot')) {
      marks.takenOver = performance.now();
      observer.disconnect();
    }
  }).observe(document, { subtree: true, childList: true });
  const showing = () =>
    new URLSearchParams(location.search).get('q') === word && / match/.test(document.getElementById('result-count')?.textContent ?? '');
  const frame = () => {
    if (!showing()) requestAnimationFrame(frame);
    else if (!marks.shown) marks.shown = performance.now();
  };
  addEventListener(
    'keydown',
    () => {
      marks.key = performance.now();
      marks.shown = 0;
      requestAnimationFrame(frame);
    },
    true,
  );
}

/** One cold visit: returns the time from the last key to the results, and the files downloaded twice. */
async function visit(browser, server, downloads) {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  await page.addInitScript(watch, WORD);
  downloads.length = 0;
  await page.goto(server.url('browse'), { waitUntil: 'load' });
  await page.waitForTimeout(1000);
  await page.getByRole('searchbox', { name: 'Search resources' }).tap();
  // A key every KEY_INTERVAL, however late the page hears them (a page busy starting its app
  // hears keys late): sent to the browser on time, not each after the page has handled the last.
  const firstKey = Date.now();
  const sent = [...WORD].map(
    (key, i) =>
      new Promise((done) =>
        setTimeout(() => {
          const code = `Key${key.toUpperCase()}`;
          const windowsVirtualKeyCode = key.toUpperCase().charCodeAt(0);
          const down = cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key, code, text: key, unmodifiedText: key, windowsVirtualKeyCode });
          const up = cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key, code, windowsVirtualKeyCode });
          done(Promise.all([down, up]));
        }, i * KEY_INTERVAL),
      ),
  );
  await Promise.all(sent);
  const lastKey = firstKey + (WORD.length - 1) * KEY_INTERVAL;
  await page.waitForFunction(() => window.firstSearch.shown, null, { timeout: 60_000, polling: 250 });
  const marks = await page.evaluate(() => ({ ...window.firstSearch, origin: performance.timeOrigin }));
  const ms = marks.origin + marks.shown - lastKey;
  const since = (at) => (at ? `${(at - marks.tap).toFixed(0)} ms` : 'never');
  const story = `after the tap: app started ${since(marks.started)}, took over ${since(marks.takenOver)}; last key heard ${(marks.origin + marks.key - lastKey).toFixed(0)} ms late`;
  await context.close();
  const full = new Map();
  for (const { path, status } of downloads) if (status === 200) full.set(path, (full.get(path) ?? 0) + 1);
  return { ms, story, takenOver: marks.takenOver ? marks.takenOver - marks.tap : NaN, twice: [...full].filter(([, n]) => n > 1).map(([path]) => path) };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const copy = await pagefindCopy();
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const rows = [];
try {
  for (const caching of Object.keys(CACHING)) {
    for (const [name, root] of [
      ['the app', dist],
      ['Pagefind', copy],
    ]) {
      const downloads = [];
      const server = await serve(root, { caching, throttle: NETWORK, log: (entry) => downloads.push(entry) });
      const runs = [];
      for (let i = 0; i < VISITS; i++) {
        const run = await visit(browser, server, downloads);
        console.log(`  ${name}, ${caching} host, visit ${i + 1}/${VISITS}: ${run.ms.toFixed(0)} ms (${run.story})${run.twice.length ? `; downloaded twice: ${run.twice.join(', ')}` : ''}`);
        runs.push(run);
      }
      await server.close();
      rows.push({ caching, name, ms: median(runs.map((r) => r.ms)), takenOver: median(runs.map((r) => r.takenOver)), twice: [...new Set(runs.flatMap((r) => r.twice))] });
    }
  }
} finally {
  await browser.close();
  rmSync(copy, { recursive: true, force: true });
}

console.log(`\nFirst search on a throttled phone (${NETWORK.rtt} ms round trip, 1.6 Mbps, CPU ${CPU_SLOWDOWN}×): "${WORD}" typed 1 s after load; last key to results, median of ${VISITS} cold visits`);
console.log(`${'host'.padEnd(12)} ${'the app'.padStart(10)} ${'Pagefind'.padStart(10)} ${'ratio'.padStart(7)}  goal ≤ ${GOAL}×  app taken over   downloaded twice (the app)`);
for (const caching of Object.keys(CACHING)) {
  const app = rows.find((r) => r.caching === caching && r.name === 'the app');
  const peer = rows.find((r) => r.caching === caching && r.name === 'Pagefind');
  const ratio = app.ms / peer.ms;
  console.log(
    `${caching.padEnd(12)} ${`${app.ms.toFixed(0)} ms`.padStart(10)} ${`${peer.ms.toFixed(0)} ms`.padStart(10)} ${`${ratio.toFixed(2)}×`.padStart(7)}  ${ratio <= GOAL ? 'met    ' : 'not met'}  ${`${app.takenOver.toFixed(0)} ms`.padStart(8)} after tap   ${app.twice.join(', ') || 'nothing'}`,
  );
}
console.log(`(typing "${WORD}" takes ${(WORD.length - 1) * KEY_INTERVAL} ms from the first key to the last)`);
