// The toolkit's service worker. scripts/post-build.mjs writes the build's version and file list
// into BUILD below; the rest is this file as it is.
//
// - The app shell (app.html, hashed JS/wasm/CSS, icons, manifest) is precached per build, in a
//   cache named after the build, and served from it: a visit always gets one build's files,
//   whole. The worker is registered once the page has fetched the app's files (offline.js), and
//   takes the hashed files (BUILD.immutable) from the HTTP cache where the page has them.
// - The static pages are served stale-while-revalidate from a cache of this build's pages: the
//   top pages (BUILD.pages) of the visitor's language are fetched at install (those of the
//   folders the open pages are in: the root, or a language's such as cy/, with that language's
//   messages), the others kept as they are visited. Only a page that loads this build's wasm is
//   kept, so a page never mixes builds. A page never visited is, offline, app.html, and the app
//   renders it. A language's messages are kept when first fetched too: a visitor never
//   downloads a language they are not reading.
// - A new build installs beside the old one and waits; the page offers to switch, and old
//   caches are deleted once the new build takes over.
// - JSON data (the catalogue and the settings) is served stale-while-revalidate: instantly from
//   the cache, refreshed in the background; when the refreshed copy differs, the open pages are
//   told (data-changed), and show the new one. BUILD.data is fetched at install, so it is there
//   offline even if the first visit never read it.
const BUILD = /*BUILD*/ { version: 'dev', shell: [], immutable: [], pages: {}, languageFiles: [], data: [], wasm: '' } /*END*/;
// Every name shared with the app (the app's own page) comes from the build (src/contract.rs).
const C = "__CONTRACT{files,languages,worker}__";

const SHELL_CACHE = `toolkit-shell-${BUILD.version}`;
const PAGES_CACHE = `toolkit-pages-${BUILD.version}`;
const DATA_CACHE = 'toolkit-data';
const scoped = (path) => new URL(path, self.registration.scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const shell = await caches.open(SHELL_CACHE);
      // A file whose name holds its content's hash is the same wherever it comes from: the copy
      // the page itself just downloaded, in the HTTP cache, will do (so a first visit does not
      // download it twice). Any other file is checked with the server ('no-cache'), since the
      // HTTP cache may still hold the previous build's.
      const request = (path) =>
        new Request(scoped(path), { cache: BUILD.immutable.includes(path) ? 'default' : 'no-cache' });
      await shell.addAll(BUILD.shell.map(request));
      // The language folders of the pages open now ('' for the root's pages).
      const folders = new Set(['']);
      for (const client of await self.clients.matchAll({ type: 'window', includeUncontrolled: true })) {
        if (client.url.startsWith(self.registration.scope)) folders.add(languageFolder(client.url.slice(self.registration.scope.length)));
      }
      if (folders.size > 1) await shell.addAll(BUILD.languageFiles.map(request));
      const pages = await caches.open(PAGES_CACHE);
      await pages.addAll([...folders].flatMap((f) => BUILD.pages[f] ?? []).map(request));
      // The data is wanted offline too, but a missing optional file must not stop the install.
      const data = await caches.open(DATA_CACHE);
      await Promise.all(
        BUILD.data.map(async (path) => {
          try {
            const response = await fetch(scoped(path), { cache: 'no-cache' });
            if (response.ok) await data.put(scoped(path), response);
          } catch {
            // Offline while installing: the first online visit fills it.
          }
        }),
      );
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        const old = (name.startsWith('toolkit-shell-') && name !== SHELL_CACHE) || (name.startsWith('toolkit-pages-') && name !== PAGES_CACHE);
        if (old) await caches.delete(name);
      }
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data?.type === C.worker.skipWaiting) self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || !url.href.startsWith(self.registration.scope)) return;

  const path = url.href.slice(self.registration.scope.length).split(/[?#]/)[0];
  if (request.mode === 'navigate') {
    event.respondWith(page(event, path));
    return;
  }
  // JSON files are data (the catalogue, the settings, or wherever config.json points), except
  // the build's own, named after their content (a language's messages), which are the shell's.
  if (path.endsWith('.json') && !BUILD.immutable.includes(path)) {
    event.respondWith(staleWhileRevalidate(event, scoped(path)));
    return;
  }
  event.respondWith(fromShell(url.href, request));
});

/** The language folder a path (relative to the scope) is in: a language's code (`cy`), or ''
 *  for the root's pages. */
function languageFolder(path) {
  const first = path.split(/[/?#]/)[0];
  return C.languages.includes(first) ? first : '';
}

/** The file holding the static page for a path: '' → index.html, 'browse' → browse.html. */
function pageFile(path) {
  if (path === '' || path.endsWith('/')) return `${path}index.html`;
  return /\.[a-z]+$/.test(path) ? path : `${path}.html`;
}

/** A page: this build's copy at once (refreshed in the background), else the network, else
 *  (offline) the app's shell, in which the app renders the page itself. */
async function page(event, path) {
  const key = scoped(pageFile(path));
  const cache = await caches.open(PAGES_CACHE);
  const cached = await cache.match(key);
  const refresh = fetch(event.request).then(async (response) => {
    if (response.ok && !response.redirected && (await sameBuild(response.clone()))) {
      await cache.put(key, response.clone());
    }
    return response;
  });
  if (cached) {
    event.waitUntil(refresh.catch(() => {}));
    return cached;
  }
  try {
    return await refresh;
  } catch {
    // A language's folder has the app's page in its own words (cy/app.html), kept with its pages.
    const folder = languageFolder(path);
    const own = folder ? await caches.match(scoped(`${folder}/${C.files.appPage}`)) : undefined;
    return own ?? (await caches.match(scoped(C.files.appPage), { cacheName: SHELL_CACHE })) ?? Response.error();
  }
}

/** Whether a page loads this build's files (a page from a newer build must not be kept). */
async function sameBuild(response) {
  return BUILD.wasm !== '' && (await response.text()).includes(BUILD.wasm);
}

async function fromShell(key, request) {
  const cached = await caches.match(key, { cacheName: SHELL_CACHE });
  if (cached) return cached;
  const response = await fetch(request);
  // A language's messages, first read now: kept with the shell for offline visits.
  const path = key.slice(self.registration.scope.length);
  if (response.ok && BUILD.languageFiles.includes(path)) {
    const shell = await caches.open(SHELL_CACHE);
    await shell.put(key, response.clone());
  }
  return response;
}

async function staleWhileRevalidate(event, key) {
  const cache = await caches.open(DATA_CACHE);
  const cached = await cache.match(key);
  // Read before the page reads the copy it is given.
  const before = cached?.clone().text();
  const refresh = fetch(key, { cache: 'no-cache' }).then(async (response) => {
    if (response.ok) {
      const changed = before !== undefined && (await before) !== (await response.clone().text());
      await cache.put(key, response.clone());
      // The pages open were served the old copy: they check again (or the app reloads it).
      if (changed) for (const client of await self.clients.matchAll()) client.postMessage({ type: C.worker.dataChanged });
    }
    return response;
  });
  if (cached) {
    event.waitUntil(refresh.catch(() => {}));
    return cached;
  }
  return refresh;
}
