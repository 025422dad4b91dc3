// The static pages as a crawler or a link preview gets them: plain HTTP, no browser. Each
// resource page holds its title, description, canonical link and JSON-LD; the browse page lists
// every resource; sitemap.xml and robots.txt are valid. Then the deployer's command that
// refreshes the pages after config.json or catalogue.json changes (scripts/prerender).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, catalogue, launch, useSite } from './support/browser.mjs';

const SITE_URL = process.env.SITE_URL;
assert.ok(SITE_URL, 'SITE_URL must be set, as scripts/test sets it for the build and the tests');
const site = useSite();
const ROOT = new URL('../../', import.meta.url).pathname;

async function get(path) {
  const response = await fetch(site.server.url(path));
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

const decode = (text) =>
  text.replace(/&(amp|lt|gt|quot|#x27|#39);/g, (_, e) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#x27': "'", '#39': "'" })[e]);
/** The content of `<meta name="NAME" content="…">` (`property=` for Open Graph's og: tags). */
function meta(html, name) {
  const key = name.startsWith('og:') ? 'property' : 'name';
  const found = html.match(new RegExp(`<meta ${key}="${name}" content="([^"]*)">`));
  return found ? decode(found[1]) : null;
}
const jsonLd = (html) => [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(([, json]) => JSON.parse(json));
const canonical = (html) => html.match(/<link rel="canonical" href="([^"]*)">/)?.[1] ?? null;

test('every resource page holds its title, description, canonical link, preview tags and JSON-LD', async () => {
  for (const r of catalogue.resources) {
    const { status, type, text } = await get(`resources/${r.id}`);
    assert.equal(status, 200, r.id);
    assert.match(type, /^text\/html/);
    const title = decode(text.match(/<title>([^<]*)<\/title>/)[1]);
    assert.equal(title, `${r.title} – Resilience Toolkit`);
    const description = meta(text, 'description');
    assert.ok(description.length <= 201, `${r.id}: description of ${description.length} characters`);
    assert.ok(r.summary.startsWith(description.replace(/…$/, '')), `${r.id}: description ${description}`);
    const url = `${SITE_URL}resources/${r.id}`;
    assert.equal(canonical(text), url);
    assert.equal(meta(text, 'og:url'), url);
    assert.equal(meta(text, 'og:title'), r.title);
    assert.equal(meta(text, 'og:type'), 'article');
    assert.equal(meta(text, 'twitter:card'), 'summary');
    assert.equal(text.match(/name=robots|name="robots"/), null, `${r.id} must be indexable`);

    const [work, ...more] = jsonLd(text);
    assert.equal(more.length, 0);
    assert.equal(work['@context'], 'https://schema.org');
    assert.ok(['ScholarlyArticle', 'Report', 'LearningResource', 'CreativeWork'].includes(work['@type']), work['@type']);
    assert.equal(work.name, r.title);
    assert.equal(work.description, r.summary);
    assert.equal(work.mainEntityOfPage, url);
    assert.equal(work.url, r.url ?? undefined);
    assert.equal(work.datePublished, r.year ? String(r.year) : undefined);
    if (r.publisher) assert.deepEqual(work.publisher, { '@type': 'Organization', name: r.publisher });
    const authors = r.authors.length ? r.authors.map((name) => ({ '@type': 'Person', name })) : { '@type': 'Organization', name: r.publisher };
    assert.deepEqual(work.author, authors);
    // The page itself: the resource's heading and summary are in the HTML, not only in JSON.
    assert.ok(text.includes(`<h1 id="page-heading" tabindex="-1">`), r.id);
  }
});

test('the browse page lists every resource, and describes the catalogue as a dataset', async () => {
  const { status, text } = await get('browse');
  assert.equal(status, 200);
  for (const r of catalogue.resources) {
    assert.ok(text.includes(`<a href="/resources/${r.id}">`), `browse links to ${r.id}`);
  }
  assert.equal(canonical(text), `${SITE_URL}browse`);
  const [dataset] = jsonLd(text);
  assert.equal(dataset['@type'], 'Dataset');
  assert.equal(dataset.distribution[0].contentUrl, `${SITE_URL}catalogue.json`);
  assert.match(meta(text, 'description'), new RegExp(`^Browse all ${catalogue.resources.length} resources`));
});

test('each term has its own page, listing its resources', async () => {
  const lists = [['approaches', 'approaches'], ['types', 'type'], ['standards', 'standard'], ['evidence', 'evidence'], ['subjects', 'subjects']];
  for (const [list, field] of lists) {
    for (const term of catalogue.taxonomy[list]) {
      const { status, text } = await get(`${list}/${term.id}`);
      assert.equal(status, 200, `${list}/${term.id}`);
      const carries = (r) => (Array.isArray(r[field]) ? r[field].includes(term.id) : r[field] === term.id);
      const carrying = catalogue.resources.filter(carries);
      for (const r of carrying) assert.ok(text.includes(`<a href="/resources/${r.id}">`), `${term.id} lists ${r.id}`);
      const [page] = jsonLd(text);
      assert.equal(page['@type'], 'CollectionPage');
      assert.equal(page.mainEntity?.numberOfItems ?? 0, carrying.length);
    }
  }
});

test('an unknown address answers 404 with the not-found page, which is never indexed', async () => {
  const { status, text } = await get('resources/no-such-resource');
  assert.equal(status, 404);
  assert.ok(text.includes('We could not find that page'));
  assert.equal(meta(text, 'robots'), 'noindex');
  assert.equal(canonical(text), null);
});

test('sitemap.xml is valid and lists every page with a date; robots.txt points at it', async () => {
  const sitemap = await get('sitemap.xml');
  assert.equal(sitemap.status, 200);
  const browser = await launch();
  try {
    const page = await browser.newPage();
    const parsed = await page.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      const error = doc.querySelector('parsererror');
      const root = doc.documentElement;
      return {
        error: error?.textContent ?? null,
        root: root.localName,
        ns: root.namespaceURI,
        urls: [...root.children].map((u) => ({
          tag: u.localName,
          loc: u.getElementsByTagName('loc')[0]?.textContent,
          lastmod: u.getElementsByTagName('lastmod')[0]?.textContent ?? null,
        })),
      };
    }, sitemap.text);
    assert.equal(parsed.error, null);
    assert.equal(parsed.root, 'urlset');
    assert.equal(parsed.ns, 'http://www.sitemaps.org/schemas/sitemap/0.9');
    const locs = parsed.urls.map((u) => u.loc);
    assert.equal(new Set(locs).size, locs.length, 'no page listed twice');
    for (const r of catalogue.resources) {
      const entry = parsed.urls.find((u) => u.loc === `${SITE_URL}resources/${r.id}`);
      assert.equal(entry?.lastmod, r.added, r.id);
    }
    for (const path of ['', 'browse', 'about', 'contribute', 'approaches/self-management']) {
      assert.ok(locs.includes(`${SITE_URL}${path}`), `${path || 'home'} is listed`);
    }
    // Every listed page is there to be fetched.
    for (const { tag, loc, lastmod } of parsed.urls) {
      assert.equal(tag, 'url');
      assert.ok(loc.startsWith(SITE_URL), loc);
      if (lastmod !== null) assert.match(lastmod, /^\d{4}-\d{2}-\d{2}$/);
      const { status } = await get(loc.slice(SITE_URL.length));
      assert.equal(status, 200, loc);
    }
  } finally {
    await browser.close();
  }

  const robots = await get('robots.txt');
  assert.equal(robots.status, 200);
  const lines = robots.text.split('\n').filter((l) => l.trim() !== '');
  for (const l of lines) assert.match(l, /^(User-agent|Allow|Disallow|Sitemap): \S+$/, l);
  assert.ok(lines.includes('User-agent: *'));
  assert.ok(lines.includes(`Sitemap: ${SITE_URL}sitemap.xml`));
});

// The deployer's refresh, on a copy of the built site.
let copy;
before(() => {
  copy = mkdtempSync(join(tmpdir(), 'toolkit-site-'));
  cpSync(DIST, copy, { recursive: true });
});
after(() => rmSync(copy, { recursive: true, force: true }));

function prerender(args = [], env = {}) {
  const { SITE_URL: _, ...rest } = process.env;
  return spawnSync(join(ROOT, 'scripts/prerender'), [copy, ...args], { encoding: 'utf8', env: { ...rest, ...env } });
}

test('after config.json or catalogue.json changes, one command refreshes the pages, with no wasm rebuild', () => {
  const wasm = readFileSync(`${DIST}app.html`, 'utf8').match(/[\w-]+_bg\.wasm/)[0];
  const wasmTime = statSync(join(copy, wasm)).mtimeMs;
  const config = JSON.parse(readFileSync(join(copy, 'config.json'), 'utf8'));
  writeFileSync(join(copy, 'config.json'), JSON.stringify({ ...config, title: 'Student Support Toolkit', organisation: 'University of Example' }));
  const edited = JSON.parse(readFileSync(join(copy, 'catalogue.json'), 'utf8'));
  // A resource no collection lists (removing a listed one is refused, naming the collection).
  const listed = new Set((edited.collections ?? []).flatMap((c) => c.resources.map((i) => i.id)));
  const gone = edited.resources.find((r) => !listed.has(r.id));
  const renamed = edited.resources.find((r) => r !== gone);
  edited.resources = edited.resources.filter((r) => r !== gone);
  renamed.title = 'A renamed resource';
  writeFileSync(join(copy, 'catalogue.json'), JSON.stringify(edited));

  const run = prerender(['--site-url', 'https://support.example.ac.uk/']);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^prerender: \d+ static pages, sitemap\.xml and robots\.txt/);
  const page = readFileSync(join(copy, `resources/${renamed.id}.html`), 'utf8');
  assert.ok(page.includes('<title>A renamed resource – Student Support Toolkit</title>'));
  // (Leptos writes a <!> marker between neighbouring text nodes.)
  assert.ok(page.replaceAll('<!>', '').includes('Provided by University of Example.'));
  assert.equal(canonical(page), `https://support.example.ac.uk/resources/${renamed.id}`);
  // The removed resource's page is gone, and the sitemap no longer lists it.
  assert.throws(() => statSync(join(copy, `resources/${gone.id}.html`)));
  assert.ok(!readFileSync(join(copy, 'sitemap.xml'), 'utf8').includes(gone.id));
  assert.equal(statSync(join(copy, wasm)).mtimeMs, wasmTime, 'the wasm is untouched');
});

test('without SITE_URL the pages have what can be written without it, and the command says so', () => {
  const run = prerender();
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /SITE_URL is not set/);
  const home = readFileSync(join(copy, 'index.html'), 'utf8');
  assert.equal(canonical(home), null);
  assert.equal(meta(home, 'og:url'), null);
  assert.ok(meta(home, 'og:title'));
  assert.throws(() => statSync(join(copy, 'sitemap.xml')), 'no sitemap without absolute URLs');
  assert.equal(readFileSync(join(copy, 'robots.txt'), 'utf8'), 'User-agent: *\nAllow: /\n');
});

test('a broken catalogue stops the command with its problems, and no page changes', () => {
  const before = readFileSync(join(copy, 'browse.html'), 'utf8');
  writeFileSync(join(copy, 'catalogue.json'), '{"format": 1, "taxonomy": {,}');
  const run = prerender();
  assert.notEqual(run.status, 0);
  assert.match(run.stderr, /the catalogue .*catalogue\.json cannot be used:\n {2}not valid JSON/);
  assert.match(run.stderr, /no page was written/);
  assert.equal(readFileSync(join(copy, 'browse.html'), 'utf8'), before);
});
