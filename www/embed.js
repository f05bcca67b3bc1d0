// Async Playground: include once in a page that embeds the playground in
// iframes. Each embedded playground posts
//   { type: "async-playground:height", height: <CSS pixels> }
// whenever its height changes; this sets the height of the iframe that
// sent it. Without this script the iframes keep the height they were given.
(() => {
  'use strict';
  const MIN = 120;
  const MAX = 20000;
  window.addEventListener('message', (event) => {
    const data = event.data;
    if (!data || data.type !== 'async-playground:height' || !Number.isFinite(data.height)) {
      return;
    }
    for (const frame of document.getElementsByTagName('iframe')) {
      if (frame.contentWindow === event.source) {
        const height = Math.min(Math.max(Math.ceil(data.height), MIN), MAX);
        frame.style.height = `${height}px`;
      }
    }
  });
})();
