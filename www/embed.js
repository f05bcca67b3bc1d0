// Async Playground: include once in a page that embeds the playground in
// iframes, from the folder the playground is served from:
//   <script src="https://…/playground/embed.js" async></script>
// Each embedded playground posts
//   { type: "async-playground:height", height: <CSS pixels> }
// whenever its height changes; this sets the height of the iframe that
// sent it. Without this script the iframes keep the height they were given.
//
// Only the playground's own frames are heard: the message must come from
// an iframe whose address is in this script's folder, and from that
// folder's origin. Any other frame on the page (an unrelated widget, an
// advert) cannot resize anything. Heights are kept to a sane range.
(() => {
  'use strict';
  const MIN = 120;
  const MAX = 20000;
  const script = document.currentScript;
  // Loaded some other way (bundled, or as a module), it cannot tell the
  // playground's frames from others, and resizes none.
  if (!script || !script.src) return;
  const home = new URL('./', script.src);
  const ours = (frame) => {
    try {
      const url = new URL(frame.src, document.baseURI);
      return url.origin === home.origin && url.pathname.startsWith(home.pathname);
    } catch {
      return false;
    }
  };
  window.addEventListener('message', (event) => {
    const data = event.data;
    if (event.origin !== home.origin || !data || data.type !== 'async-playground:height') return;
    const height = data.height;
    if (typeof height !== 'number' || !Number.isFinite(height) || height < 1) return;
    for (const frame of document.getElementsByTagName('iframe')) {
      if (frame.contentWindow === event.source && ours(frame)) {
        frame.style.height = `${Math.min(Math.max(Math.ceil(height), MIN), MAX)}px`;
      }
    }
  });
})();
