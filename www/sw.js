// Async Playground's service worker. After the first visit the page works
// with no network: it keeps this site's files (the page, its wasm, the code
// worker that writes programs and saved files, embed.js) in one cache. It
// only ever fetches from this site, and sends nothing anywhere.

const CACHE = 'async-playground';
// Files the page fetches later (the code worker) or lesson pages load.
const EXTRA = ['code-worker_loader.js', 'code-worker.js', 'code-worker_bg.wasm', 'embed.js'];
const INDEX = new URL('./', self.location).href;

/** The files an index.html names: Trunk's hashed script, wasm, style, icon. */
function named(html) {
  const paths = html.match(/[\w./-]+\.(?:js|wasm|css|svg)\b/g) ?? [];
  const files = paths.filter((path) => !path.includes('//') && path !== 'sw.js');
  return [...new Set(files.map((path) => new URL(path, INDEX).href))];
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const response = await fetch(INDEX, { cache: 'no-cache' });
      const files = named(await response.clone().text());
      await cache.put(INDEX, response);
      await cache.addAll([...files, ...EXTRA.map((file) => new Request(new URL(file, INDEX), { cache: 'reload' }))]);
      await self.skipWaiting();
    })(),
  );
});

// Drops files of earlier versions: whatever the kept index.html no longer names.
self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const index = await cache.match(INDEX);
      if (index) {
        const keep = new Set([INDEX, ...named(await index.text()), ...EXTRA.map((file) => new URL(file, INDEX).href)]);
        for (const request of await cache.keys()) {
          if (!keep.has(request.url)) await cache.delete(request);
        }
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  const unnamed = EXTRA.some((file) => url.pathname.endsWith(`/${file}`));
  if (request.mode === 'navigate' || unnamed) {
    // Pages, and files whose name does not change with their content: fresh
    // from the network when there is one, kept for when not.
    const key = url.pathname === new URL(INDEX).pathname ? INDEX : url.origin + url.pathname;
    event.respondWith(
      (async () => {
        const cache = await caches.open(CACHE);
        try {
          const response = await fetch(request);
          if (response.ok) await cache.put(key, response.clone());
          return response;
        } catch (error) {
          return (await cache.match(key)) ?? Promise.reject(error);
        }
      })(),
    );
    return;
  }
  // Files: Trunk names the page's own by their content, so a kept one is
  // never stale; any other is kept once fetched.
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      const kept = await cache.match(request, { ignoreSearch: true });
      if (kept) return kept;
      const response = await fetch(request);
      if (response.ok) await cache.put(request, response.clone());
      return response;
    })(),
  );
});
