// Async Playground's offloaded work (src/runtime/workers.rs): each message
// is a number of milliseconds to compute for, off the page's thread; the
// answer says it is done.
onmessage = (event) => {
  const end = performance.now() + event.data;
  while (performance.now() < end) {}
  postMessage(0);
};
