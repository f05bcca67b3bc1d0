// Async Playground's service worker. After the first visit the page works
// with no network: it keeps every file of one build of the site in a cache
// of that build's own, and sends nothing anywhere.
//
// The build's version and its files are written in by the build
// (scripts/stamp.mjs), so each build's service worker differs from the one
// before: the browser installs it on the next visit, it fetches its build
// whole (or nothing, if any file fails), then deletes every other build's
// files. The page and its workers always come from one build: the page
// names its workers with its build's version (index.html's `data-build`),
// so a page never gets another build's worker, from the cache or the
// network.

const VERSION = 'unbuilt';
const FILES = [];
// Files of this build fetched only when a learner asks for them (the Python
// panel's module): kept in the build's cache as they first arrive.
const LATER = [];
// CPython for programs run in the page (the folder pyodide/, 13 MB): the build
// writes in its version. Fetched only when the Python worker first starts, then
// kept, in a cache of its own that outlives the site's builds.
const PYODIDE = 'unbuilt';

const CACHE = `async-playground-${VERSION}`;
const PYODIDE_CACHE = `async-playground-pyodide-${PYODIDE}`;
const PYODIDE_FOLDER = new URL('./pyodide/', self.location).href;
const INDEX = new URL('./', self.location).href;
const KEPT = new Set([INDEX, ...FILES.map((file) => new URL(file, INDEX).href)]);
const KEPT_LATER = new Set(LATER.map((file) => new URL(file, INDEX).href));

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // From the network, never from the browser's HTTP cache.
      await cache.addAll([...KEPT].map((url) => new Request(url, { cache: 'reload' })));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith('async-playground') && name !== CACHE && name !== PYODIDE_CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  url.search = '';
  url.hash = '';
  const page = url.href === INDEX || url.href === `${INDEX}index.html`;
  if (request.mode === 'navigate' && page) {
    // The page: fresh from the network when there is one, so that a new
    // build reaches a returning learner on the first visit; this build's
    // when not.
    event.respondWith(fetch(request).catch(async () => (await caches.match(INDEX, { cacheName: CACHE })) ?? Response.error()));
    return;
  }
  const pyodide = url.href.startsWith(PYODIDE_FOLDER);
  if (pyodide || KEPT_LATER.has(url.href)) {
    // The runtime, or the panel that runs it: kept as it first arrives,
    // whole, then always from the cache.
    event.respondWith(
      (async () => {
        const cache = await caches.open(pyodide ? PYODIDE_CACHE : CACHE);
        const kept = await cache.match(url.href);
        if (kept) return kept;
        const response = await fetch(request);
        // Kept while it streams on to the page, whose progress bar counts it.
        if (response.status === 200) event.waitUntil(cache.put(url.href, response.clone()));
        return response;
      })(),
    );
    return;
  }
  if (!KEPT.has(url.href)) return;
  // A file of this build: its copy is the right one (the page's own files
  // and its workers are named by their build, so a page of another build
  // never asks for them). One missing from the cache comes from the network.
  event.respondWith((async () => (await caches.match(url.href, { cacheName: CACHE })) ?? fetch(request))());
});
