// Lighthouse gate for the built site: scores a page of every kind (pagesOf below), as a phone
// on a slow connection sees them (Lighthouse's default mobile configuration, simulated
// throttling), in performance, accessibility, best practices and SEO, with the site served
// gzip-compressed as a real host serves it.
//
//   node tests/lighthouse.mjs [dist] [path…]     (paths: only these pages, e.g. /list)
//
// Each page is audited 3 times, each time in a fresh Chromium with a fresh profile (so no
// service worker or cache is left from the run before), and every figure is the median of the
// 3: one run on a 2-core machine swings by about 10 performance points, and the median ignores
// one bad (or lucky) run where a mean would not.
//
// The pages' canonical links, og:url and sitemap carry the address the site was built for,
// which is not 127.0.0.1. To measure the site as it is deployed at its own address, the built
// site is copied to a temporary directory and re-rendered there for the test server's address
// with the deployer's own command (scripts/prerender DIR --site-url URL).
//
// Fails (exit code 1) when any page's median performance is below 90, or its median
// accessibility or SEO is below 100. The goals beyond that (GOALS below) are printed, not enforced.
//
// Lighthouse 13 declares Node >= 22.19 (npm warns EBADENGINE on Node 20), but full audits run on
// Node 20.20.2 with Debian's Chromium, and npm ci installs its lock file there.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher'; // Lighthouse's own launcher, installed with it
import lighthouse from 'lighthouse';
import { serve } from '../scripts/static-server.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 3;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
/** The categories whose failing audits are listed when a page scores below 100 in them. */
const LISTED = ['accessibility', 'best-practices', 'seo'];

/** Enforced: a page whose median is below one of these fails the run. */
const GATES = [
  { figure: 'performance', label: 'performance', min: 90 },
  { figure: 'accessibility', label: 'accessibility', min: 100 },
  { figure: 'seo', label: 'SEO', min: 100 },
];
/** Aimed for, and reported, but not enforced. */
const GOALS = [
  { label: 'performance ≥ 95', met: (m) => m.performance >= 95 },
  { label: 'best practices 100', met: (m) => m['best-practices'] >= 100 },
  { label: 'LCP ≤ 1.5 s', met: (m) => m.lcp <= 1.5 },
  { label: 'CLS ≤ 0.05', met: (m) => m.cls <= 0.05 },
];

/**
 * The pages measured: one of every kind. Home, browse, the resource with the longest summary, a
 * subject, an approach, a kind of evidence and a standard (the terms' pages), a collection,
 * What's new, About, how to read the evidence, My list, Suggest a resource and Get updates;
 * and in Welsh, home, browse and that resource's page (their words and their own scripts'
 * start). (Not the not-found page: Lighthouse refuses to audit a page answered with status 404.)
 */
function pagesOf(dist) {
  const { resources, collections, taxonomy } = JSON.parse(readFileSync(join(dist, 'catalogue.json'), 'utf8'));
  const longest = resources.reduce((a, b) => (b.summary.length > a.summary.length ? b : a));
  return [
    '/',
    '/browse',
    `/resources/${longest.id}`,
    `/subjects/${taxonomy.subjects[0].id}`,
    `/approaches/${taxonomy.approaches[0].id}`,
    `/evidence/${taxonomy.evidence[0].id}`,
    `/standards/${taxonomy.standards[0].id}`,
    `/collections/${collections[0].id}`,
    '/new',
    '/about',
    '/reading-the-evidence',
    '/list',
    '/contribute',
    '/subscribe',
    '/cy/',
    '/cy/browse',
    `/cy/resources/${longest.id}`,
  ];
}

/** Re-renders the static pages of `site` for `origin`, as a deployer would for their address. */
function prerender(site, origin) {
  const { status, error } = spawnSync('scripts/prerender', [site, '--site-url', `${origin}/`], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (status !== 0) {
    const why = error ? error.message : `it exited with ${status}`;
    throw new Error(`could not re-render the pages for ${origin} with scripts/prerender: ${why}`);
  }
}

/** One Lighthouse run of `url` in a fresh Chromium (chrome-launcher gives each a new profile). */
async function audit(url) {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: CHROMIUM_ARGS,
    logLevel: 'silent',
  });
  try {
    const { lhr } = await lighthouse(url, { port: chrome.port, logLevel: 'error', onlyCategories: CATEGORIES });
    if (lhr.runtimeError) {
      throw new Error(`Lighthouse could not audit ${url}: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    }
    return lhr;
  } finally {
    chrome.kill();
  }
}

/**
 * Pages kept out of search engines on purpose (`noindex`: My list is the visitor's own), and
 * the SEO audit that says so, which their SEO figure leaves out.
 */
const UNLISTED = { '/list': 'is-crawlable' };

/** A category's score out of 100 as Lighthouse computes it (weighted mean), without `skipped`. */
function scoreWithout(lhr, id, skipped) {
  const refs = lhr.categories[id].auditRefs.filter((r) => r.weight > 0 && r.id !== skipped && lhr.audits[r.id].score !== null);
  const weight = refs.reduce((total, r) => total + r.weight, 0);
  return Math.round((100 * refs.reduce((total, r) => total + r.weight * lhr.audits[r.id].score, 0)) / weight);
}

/** The figures of one run: scores out of 100 (0 when a category could not be scored), seconds, ms. */
function figures(lhr, path) {
  const score = (id) => (id === 'seo' && UNLISTED[path] ? scoreWithout(lhr, id, UNLISTED[path]) : Math.round((lhr.categories[id].score ?? 0) * 100));
  const value = (id) => lhr.audits[id].numericValue;
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    'best-practices': score('best-practices'),
    seo: score('seo'),
    lcp: value('largest-contentful-paint') / 1000,
    cls: value('cumulative-layout-shift'),
    tbt: value('total-blocking-time'),
    fcp: value('first-contentful-paint') / 1000,
  };
}

/** The middle value (RUNS is odd, so it is always one of the measured values). */
function median(values) {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

function medians(runs) {
  return Object.fromEntries(Object.keys(runs[0]).map((key) => [key, median(runs.map((r) => r[key]))]));
}

/** A few words on where an audit failed: its explanation and the first elements or URLs it names. */
function detailOf(audit) {
  const items = audit.details?.items;
  const named = (Array.isArray(items) ? items : [])
    .map((item) => item.node?.snippet ?? item.description ?? item.url ?? item.source?.url)
    .filter(Boolean)
    .slice(0, 3);
  return [audit.explanation ?? audit.errorMessage, ...named].filter(Boolean);
}

/** The audits that cost `category` points in any run, each with how many runs it failed in. */
function failingAudits(lhrs, category) {
  const failing = new Map();
  for (const lhr of lhrs) {
    for (const { id, weight } of lhr.categories[category].auditRefs) {
      const audit = lhr.audits[id];
      const failed = audit.scoreDisplayMode === 'error' || (audit.score !== null && audit.score < 1);
      if (weight === 0 || !failed) continue;
      const seen = failing.get(id) ?? { id, title: audit.title, detail: detailOf(audit), runs: 0 };
      failing.set(id, { ...seen, runs: seen.runs + 1 });
    }
  }
  return [...failing.values()];
}

/** Audits `url` RUNS times, printing each run's scores as it goes. */
async function measure(path, url) {
  const lhrs = [];
  for (let run = 1; run <= RUNS; run++) {
    const started = Date.now();
    const lhr = await audit(url);
    lhrs.push(lhr);
    const f = figures(lhr, path);
    const took = Math.round((Date.now() - started) / 1000);
    console.log(`  ${path} run ${run}/${RUNS}: performance ${f.performance}, LCP ${f.lcp.toFixed(2)} s (${took} s)`);
  }
  const runs = lhrs.map((lhr) => figures(lhr, path));
  return { path, lhrs, runs, median: medians(runs) };
}

function printTable(results) {
  const header = ['page', 'perf', 'a11y', 'best pr.', 'SEO', 'LCP (s)', 'CLS', 'TBT (ms)', 'FCP (s)', 'perf runs'];
  const rows = results.map(({ path, runs, median: m }) => [
    path,
    String(m.performance),
    String(m.accessibility),
    String(m['best-practices']),
    String(m.seo),
    m.lcp.toFixed(2),
    m.cls.toFixed(3),
    String(Math.round(m.tbt)),
    m.fcp.toFixed(2),
    runs.map((r) => r.performance).join(' '),
  ]);
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => row[i].length)));
  for (const row of [header, ...rows]) {
    console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '));
  }
}

function printFailingAudits(results) {
  for (const { path, lhrs, median: m } of results) {
    for (const category of LISTED.filter((c) => m[c] < 100)) {
      console.log(`\n${path}: ${lhrs[0].categories[category].title} ${m[category]}, failing audits:`);
      for (const { id, title, detail, runs } of failingAudits(lhrs, category)) {
        console.log(`  ${id}: ${title} (in ${runs} of ${RUNS} runs)`);
        detail.forEach((d) => console.log(`      ${d}`));
      }
    }
  }
}

function printGoals(results) {
  console.log('\nGoals (reported, not enforced):');
  const width = Math.max(...results.map((r) => r.path.length));
  for (const { path, median: m } of results) {
    console.log(`  ${path.padEnd(width)}  ${GOALS.map((g) => `${g.met(m) ? '✓' : '✗'} ${g.label}`).join('   ')}`);
  }
}

function printWarnings(results) {
  const warnings = new Set(results.flatMap((r) => r.lhrs.flatMap((lhr) => lhr.runWarnings)));
  if (warnings.size) console.log(`\nLighthouse warned:\n${[...warnings].map((w) => `  ${w}`).join('\n')}`);
}

/** One message for each page and gate it falls below. */
function gateFailures(results) {
  return results.flatMap(({ path, median: m }) =>
    GATES.filter((g) => m[g.figure] < g.min).map(
      (g) => `${path}: median ${g.label} is ${m[g.figure]}, below the required ${g.min}`,
    ),
  );
}

async function main() {
  const started = Date.now();
  const dist = resolve(process.argv[2] ?? 'dist');
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Error(`no built site in ${dist}: build it first (trunk build --release)`);
  }
  const only = process.argv.slice(3);
  const paths = only.length ? only : pagesOf(dist);
  const site = mkdtempSync(join(tmpdir(), 'lighthouse-site-'));
  let server;
  try {
    cpSync(dist, site, { recursive: true });
    server = await serve(site, { port: 0 });
    prerender(site, server.origin);
    console.log(`Lighthouse: ${RUNS} runs each of ${paths.join(', ')} at ${server.origin} (mobile, simulated throttling)`);
    const results = [];
    for (const path of paths) results.push(await measure(path, server.url(path)));

    const version = results[0].lhrs[0].lighthouseVersion;
    const load = `machine load average ${loadavg()[1].toFixed(1)} on ${availableParallelism()} cores`;
    console.log(`\nMedians of ${RUNS} runs (Lighthouse ${version}; ${load}):`);
    printTable(results);
    for (const [path, audit] of Object.entries(UNLISTED)) console.log(`(${path}: SEO without "${audit}", as it is kept out of search engines on purpose)`);
    printFailingAudits(results);
    printGoals(results);
    printWarnings(results);

    const failures = gateFailures(results);
    const took = Math.round((Date.now() - started) / 1000);
    if (failures.length) {
      console.log(`\nLighthouse gate failed (${took} s):\n${failures.map((f) => `  ${f}`).join('\n')}`);
      process.exitCode = 1;
    } else {
      const gates = GATES.map((g) => `${g.label} ≥ ${g.min}`).join(', ');
      console.log(`\nLighthouse gate passed (${took} s): every page has median ${gates}.`);
    }
  } finally {
    await server?.close();
    rmSync(site, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`\nLighthouse run failed: ${error.message}`);
  process.exitCode = 1;
});
