// Async Playground's loader, run before the page's first paint. It is a
// file of its own, not a script inside index.html, so that the page runs
// under a Content-Security-Policy that allows no inline script. Trunk's
// post-build hook (scripts/post-build.mjs) fills in the names of the
// page's glue and wasm and names this file by its content.
(() => {
  'use strict';
  const root = document.documentElement;

  // A theme the learner picked (src/ui/theme.rs), before the first paint.
  try {
    const theme = localStorage.getItem('async-playground:theme');
    if (theme === 'light' || theme === 'dark') root.dataset.theme = theme;
  } catch {
    // Storage may be off: the system's theme it is.
  }

  // Keeps the site's files for use with no network (sw.js). Registered once
  // the page is usable (the mark src/ui/app.rs sets), so that fetching the
  // files to keep never competes with the first frame.
  if ('serviceWorker' in navigator) {
    new PerformanceObserver((list, observer) => {
      if (!list.getEntriesByName('async-playground:usable').length) return;
      observer.disconnect();
      setTimeout(() => navigator.serviceWorker.register('sw.js').catch(() => {}));
    }).observe({ type: 'mark', buffered: true });
  }

  // Says, in both languages, that the page could not start and why, in
  // place of the note index.html shows while it loads.
  const failed = (error) => {
    console.error(error);
    const note = document.getElementById('boot');
    if (!note) return;
    note.setAttribute('role', 'alert');
    note.dataset.state = 'failed';
    const line = (text, lang) => {
      const p = document.createElement('p');
      if (lang) p.lang = lang;
      p.textContent = text;
      return p;
    };
    note.replaceChildren(
      line('Песочница не запустилась. Обновите страницу. Если она на вашем сайте: все ли файлы dist/ лежат рядом ' +
        'с index.html и разрешает ли Content-Security-Policy \'wasm-unsafe-eval\'?', 'ru'),
      line('Async Playground could not start. Reload the page. If you host it: is every file of dist/ beside ' +
        'index.html, and does the Content-Security-Policy allow \'wasm-unsafe-eval\'?', 'en'),
      line(String(error && error.message ? error.message : error)),
    );
  };

  import('./__GLUE__')
    .then(async (bindings) => {
      const wasm = await bindings.default({ module_or_path: './__WASM__' });
      window.wasmBindings = bindings;
      document.getElementById('boot')?.remove();
      dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
    })
    .catch(failed);
})();
