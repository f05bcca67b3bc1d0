// The benchmark: measures the page against its targets in headless
// Chromium and prints every figure next to its target. With --write it
// also rewrites BENCHMARKS.md. Exits 1 if a target is missed.
//
// Usage (after a release build in dist/): node bench/run.mjs [--write]
// scripts/bench does the build and runs this.

import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { launch, serve } from '../e2e/harness.mjs';

const SIZES = [30, 1_000, 10_000, 100_000];
// Sub-millisecond medians need more runs than second-long ones; at 10,000
// a run's end either fits in one turn or lets a frame in, so its overhead
// falls in two groups tens of milliseconds apart and needs more runs too.
const REPEATS = { 30: 11, 1000: 9, 10000: 9, 100000: 7 };
const LOADS = 9;
// The Python panel: CPython's start, cold and from the cache, and the
// overhead of N concurrent sleeps under it against native CPython.
const PYTHON_SIZES = [30, 1_000, 10_000];
const PYTHON_REPEATS = 5;
const PYTHON_OPENS = 3;
const CYCLES = 200;
const TARGETS = {
  gzipBytes: 200 * 1024,
  usableMs: 150,
  heapGrowth: 0.05,
};

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const log = (...parts) => console.error(...parts);

// The page and its baselines are measured alike, with no site policy: the
// figures compare runtimes. (Under the Content-Security-Policy README.md
// recommends, 30 alternated runs at N = 30 measured 1.2 ms against 0.7 ms
// without it: within this machine's noise at that size, and said here.)
const page = await serve(undefined, { csp: null });
// The baseline pages are plain script in a page: no policy of the site's.
const baseline = await serve(fileURLToPath(new URL('./', import.meta.url)), { csp: null });
const browser = await launch();

/** A fresh page with the Trunk start-up hook and the long-task observer. */
async function open(url) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  await tab.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks.push([entry.startTime, entry.duration]);
    }).observe({ type: 'longtask', buffered: true });
    addEventListener('TrunkApplicationStarted', (event) => {
      window.__wasmMemory = event.detail.wasm.memory;
    });
  });
  const errors = [];
  tab.on('pageerror', (error) => errors.push(error.message));
  await tab.goto(url);
  await tab.getByTestId('run-state').waitFor();
  return { tab, context, errors };
}

async function runOverhead(count) {
  const { tab, context, errors } = await open(`${page.url}#tasks=${count}x1&mode=concurrent&scale=1`);
  try {
    // Run once the page has warmed up (the mark its warm-up run sets, some
    // 100 ms after the first frame), as a learner's first click would: a
    // click in the page's first instant measures the browser compiling the
    // runtime as well as the run.
    await tab.waitForFunction(() => performance.getEntriesByName('async-playground:warm').length > 0);
    // How long from the click on Run to the next frame on screen: its Event
    // Timing entry (in steps of 8 ms; a click under 16 ms has none).
    await tab.evaluate(() => {
      window.__clicks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (entry.name === 'click') window.__clicks.push(entry.duration);
      }).observe({ type: 'event', durationThreshold: 16 });
    });
    // Nothing polls the page while it runs: the end is awaited in the page
    // (a MutationObserver), and the curtain on the timeline is sampled by
    // page timers at fixed moments, far from the 1 s deadline.
    const clickedAt = await tab.evaluate(() => performance.now());
    const finished = tab.evaluate(() => {
      const samples = [];
      for (const at of [150, 300, 450, 600, 750]) {
        setTimeout(() => {
          const curtain = document.querySelector('[data-testid="now"]');
          samples.push(curtain ? getComputedStyle(curtain).transform : '');
        }, at);
      }
      const state = document.querySelector('[data-testid="run-state"]');
      return new Promise((resolve) => {
        const done = () => state.dataset.state === 'done' && resolve(samples);
        new MutationObserver(done).observe(state, { attributes: true });
        done();
      });
    });
    await tab.getByTestId('run-concurrent').click();
    const clocks = await finished;
    const doneAt = await tab.evaluate(() => performance.now());
    const measured = Number(await tab.getByTestId('total-concurrent-measured').getAttribute('data-seconds'));
    const longTasks = (await tab.evaluate(() => window.__longTasks)).filter(
      ([start]) => start >= clickedAt && start <= doneAt,
    );
    const clickMs = (await tab.evaluate(() => window.__clicks))[0] ?? 0;
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    return { overheadMs: (measured - 1) * 1000, longTasks, clockSamples: new Set(clocks).size, clickMs };
  } finally {
    await context.close();
  }
}

async function baselineOverhead(count) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  try {
    await tab.goto(`${baseline.url}baseline.html`);
    return (await tab.evaluate((n) => window.runBaseline(n), count)) - 1000;
  } finally {
    await context.close();
  }
}

function pythonOverhead(count) {
  const script = fileURLToPath(new URL('./gather.py', import.meta.url));
  return Number(execFileSync('python3', [script, String(count)], { encoding: 'utf8' })) * 1000 - 1000;
}

async function loadSize() {
  const context = await browser.newContext();
  const tab = await context.newPage();
  const bodies = [];
  tab.on('response', (response) => bodies.push(response.body().then((body) => [response.url(), body])));
  await tab.goto(page.url);
  await tab.getByTestId('run-state').waitFor();
  await tab.waitForLoadState('networkidle');
  const files = await Promise.all(bodies);
  await context.close();
  return files.map(([url, body]) => ({ file: new URL(url).pathname, gzip: gzipSync(body, { level: 9 }).length }));
}

/**
 * What the service worker fetches after the first load to keep for use with
 * no network, beyond what the page itself loaded.
 */
async function keptForOfflineSize(loaded) {
  const { tab, context } = await open(page.url);
  const urls = await tab.evaluate(async () => {
    await navigator.serviceWorker.ready;
    // The build's own cache (sw.js): async-playground-<version>.
    const name = (await caches.keys()).find((key) => key.startsWith('async-playground'));
    return (await (await caches.open(name)).keys()).map((request) => request.url);
  });
  await context.close();
  const extra = urls.filter((url) => !loaded.some(({ file }) => new URL(url).pathname === file));
  return Promise.all(
    extra.map(async (url) => {
      const body = Buffer.from(await (await fetch(url)).arrayBuffer());
      return { file: new URL(url).pathname, gzip: gzipSync(body, { level: 9 }).length };
    }),
  );
}

/** What opening the Code panel fetches: its worker, not part of the first load. */
async function codePanelSize() {
  const { tab, context } = await open(page.url);
  await tab.waitForLoadState('networkidle');
  const bodies = [];
  tab.on('response', (response) => bodies.push(response.body().then((body) => [response.url(), body])));
  await tab.getByTestId('show-code').click();
  await tab.waitForSelector('[data-testid="program"][data-ready="true"]');
  const files = await Promise.all(bodies);
  await context.close();
  return files
    .map(([url, body]) => ({ file: new URL(url).pathname, gzip: gzipSync(body, { level: 9 }).length }))
    .filter(({ file }) => file.includes('code-worker'));
}

const usableMark = () => performance.getEntriesByName('async-playground:usable')[0].startTime;

/**
 * First loads: each in a fresh browser context, so a new renderer process.
 * Besides the usable mark, when the page's wasm had arrived: what is left
 * after it is compiling, starting and drawing the page.
 */
async function firstLoads() {
  const usable = [];
  const wasmArrived = [];
  for (let load = 0; load < LOADS; load += 1) {
    const { tab, context } = await open(page.url);
    usable.push(await tab.evaluate(usableMark));
    const wasm = await tab.evaluate(() => performance.getEntriesByType('resource').find((entry) => entry.name.endsWith('.wasm')).responseEnd);
    wasmArrived.push(wasm);
    await context.close();
  }
  return { usable: median(usable), wasmArrived: median(wasmArrived) };
}

/**
 * The floor under any page in this browser on this machine: a fresh
 * context's navigation to the first paint of the JavaScript baseline page,
 * one paragraph and no wasm.
 */
async function blankPaintMs() {
  const times = [];
  for (let load = 0; load < LOADS; load += 1) {
    const context = await browser.newContext();
    const tab = await context.newPage();
    await tab.goto(`${baseline.url}baseline.html`);
    await tab.waitForFunction(() => performance.getEntriesByType('paint').length > 0);
    times.push(await tab.evaluate(() => performance.getEntriesByType('paint')[0].startTime));
    await context.close();
  }
  return median(times);
}

/** Reloads of the page in a tab that already shows it. */
async function usableOnReloadMs() {
  const { tab, context } = await open(page.url);
  const times = [];
  for (let load = 0; load < LOADS; load += 1) {
    await tab.reload();
    await tab.getByTestId('run-state').waitFor();
    times.push(await tab.evaluate(usableMark));
  }
  await context.close();
  return median(times);
}

/**
 * What the page's code retains, from a heap snapshot after a forced garbage
 * collection: JS objects, closures, arrays and strings. Compiled code (which
 * grows as V8 optimises hot functions) and the browser's own native records
 * (a performance entry per click, say) are left out: they are not the
 * page's to free. The raw heap size is reported beside it.
 */
async function retainedBytes(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const chunks = [];
  const onChunk = (event) => chunks.push(event.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const snapshot = JSON.parse(chunks.join(''));
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0];
  const [type, size] = [fields.indexOf('type'), fields.indexOf('self_size')];
  const counted = new Set(['object', 'closure', 'array', 'string', 'concatenated string', 'sliced string', 'regexp', 'number', 'symbol', 'bigint']);
  let bytes = 0;
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
    if (counted.has(types[snapshot.nodes[i + type]])) bytes += snapshot.nodes[i + size];
  }
  return bytes;
}

async function heapAfterCycles() {
  // Tasks of 10 s: a run never ends before Stop, however slow the machine.
  const { tab, context, errors } = await open(`${page.url}#tasks=30x10&mode=concurrent&scale=1`);
  const cdp = await context.newCDPSession(tab);
  const measure = async () => {
    const retained = await retainedBytes(cdp);
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const wasm = await tab.evaluate(() => window.__wasmMemory.buffer.byteLength);
    return { js: retained, raw: usedSize, wasm };
  };
  // Locators, not element handles: a handle would stay alive in the page
  // and be counted in its heap.
  const waiting = tab.locator('[data-testid="lane"][data-state="waiting"]').first();
  const stopped = tab.locator('[data-testid="run-state"][data-state="stopped"]');
  const cycle = async () => {
    await tab.getByTestId('run-concurrent').click();
    await waiting.waitFor();
    await tab.getByTestId('stop').click();
    await stopped.waitFor();
  };
  try {
    await cycle();
    const first = await measure();
    for (let n = 1; n < CYCLES; n += 1) await cycle();
    const last = await measure();
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    return { first, last };
  } finally {
    await context.close();
  }
}

/** The runtime the Python panel downloads (dist/pyodide/): bytes, and gzip -9. */
function pythonRuntimeSize() {
  const folder = new URL('../dist/pyodide/', import.meta.url);
  let raw = 0;
  let gzip = 0;
  for (const name of readdirSync(folder)) {
    const body = readFileSync(new URL(name, folder));
    raw += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
  }
  return { raw, gzip };
}

/** Opens the Python panel in `tab`: milliseconds from the click until CPython is ready. */
async function pythonPanelReady(tab) {
  const clicked = await tab.evaluate(() => performance.now());
  await tab.getByTestId('python-panel').click();
  await tab.locator('[data-testid="python-state"][data-state="ready"]').waitFor({ timeout: 120_000 });
  return (await tab.evaluate(() => performance.now())) - clicked;
}

/**
 * The panel opened in fresh browser contexts (cold: the runtime from the
 * server) and, in each, once more after a reload (cached: from the service
 * worker's cache); then, in one panel, bench/gather.py's program for each
 * N, alternated with the same program under the machine's python3.
 */
async function pythonPanel() {
  const cold = [];
  const cached = [];
  let tab;
  let context;
  for (let open = 0; open < PYTHON_OPENS; open += 1) {
    await context?.close();
    ({ tab, context } = await openPanelPage());
    cold.push(await pythonPanelReady(tab));
    await tab.reload();
    await tab.getByTestId('run-state').waitFor();
    cached.push(await pythonPanelReady(tab));
  }
  const gather = readFileSync(new URL('./gather.py', import.meta.url), 'utf8');
  const rows = [];
  for (const count of PYTHON_SIZES) {
    const program = gather.replace('int(sys.argv[1])', String(count));
    const panel = [];
    const native = [];
    for (let r = 0; r < PYTHON_REPEATS; r += 1) {
      await tab.getByTestId('python-source').evaluate((area, text) => {
        area.value = text;
        area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
      }, program);
      const state = tab.getByTestId('python-state');
      const runs = Number(await state.getAttribute('data-runs'));
      await tab.getByTestId('python-run').click();
      await tab.locator(`[data-testid="python-state"][data-runs="${runs + 1}"][data-state="done"]`).waitFor({ timeout: 120_000 });
      panel.push(Number((await tab.getByTestId('python-output').textContent()).trim()) * 1000 - 1000);
      native.push(pythonOverhead(count));
    }
    rows.push({ count, panel: median(panel), native: median(native) });
  }
  await context.close();
  return { cold: median(cold), cached: median(cached), rows };
}

/** A fresh context on the page, its service worker in charge (it keeps what the panel downloads). */
async function openPanelPage() {
  const context = await browser.newContext();
  const tab = await context.newPage();
  await tab.goto(page.url);
  await tab.getByTestId('run-state').waitFor();
  await tab.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
  return { tab, context };
}

// ---- Run everything -------------------------------------------------------

const rows = [];
for (const count of SIZES) {
  log(`N = ${count}: page, JavaScript, CPython …`);
  const runs = [];
  for (let r = 0; r < REPEATS[count]; r += 1) runs.push(await runOverhead(count));
  const js = [];
  for (let r = 0; r < REPEATS[count]; r += 1) js.push(await baselineOverhead(count));
  const python = [];
  for (let r = 0; r < REPEATS[count]; r += 1) python.push(pythonOverhead(count));
  rows.push({
    count,
    page: median(runs.map((run) => run.overheadMs)),
    js: median(js),
    python: median(python),
    longTasks: runs.flatMap((run) => run.longTasks),
    clockSamples: Math.min(...runs.map((run) => run.clockSamples)),
    clickMs: median(runs.map((run) => run.clickMs)),
  });
}
log('size, start-up, heap …');
const files = await loadSize();
const gzipBytes = files.reduce((sum, f) => sum + f.gzip, 0);
const codeFiles = await codePanelSize();
const keptFiles = await keptForOfflineSize(files);
const { usable, wasmArrived } = await firstLoads();
const blankPaint = await blankPaintMs();
const usableOnReload = await usableOnReloadMs();
const heap = await heapAfterCycles();
log('the Python panel …');
const runtime = pythonRuntimeSize();
const pyodideVersion = JSON.parse(readFileSync(new URL('../node_modules/pyodide/package.json', import.meta.url), 'utf8')).version;
const python = await pythonPanel();
const chromium = browser.version();
await browser.close();
await page.close();
await baseline.close();

// ---- Report ---------------------------------------------------------------

const ms = (value) => `${value.toFixed(1)} ms`;
const ok = (pass) => (pass ? 'met' : '**missed**');
const growth = (before, after) => (after - before) / before;
const largest = rows.at(-1);
const checks = [];
const lines = [];
lines.push('| N | page overhead | JavaScript baseline | CPython asyncio.gather | page / JS (target ≤ 1.0) | page / CPython (target < 1.0) |');
lines.push('| ---: | ---: | ---: | ---: | ---: | ---: |');
for (const row of rows) {
  const toJs = row.page / row.js;
  const toPython = row.page / row.python;
  checks.push(toJs <= 1.0, toPython < 1.0);
  lines.push(
    `| ${row.count.toLocaleString('en')} | ${ms(row.page)} | ${ms(row.js)} | ${ms(row.python)} | ${toJs.toFixed(2)} (${ok(toJs <= 1.0)}) | ${toPython.toFixed(2)} (${ok(toPython < 1.0)}) |`,
  );
}
const noLongTasks = largest.longTasks.length === 0;
const clockMoved = largest.clockSamples >= 3;
const sizeOk = gzipBytes <= TARGETS.gzipBytes;
const usableOk = usable <= TARGETS.usableMs;
const jsGrowth = growth(heap.first.js, heap.last.js);
const wasmGrowth = growth(heap.first.wasm, heap.last.wasm);
const heapOk = jsGrowth < TARGETS.heapGrowth && wasmGrowth < TARGETS.heapGrowth;
checks.push(noLongTasks, clockMoved, sizeOk, usableOk, heapOk);

const figures = [
  '| figure | measured | target | |',
  '| --- | ---: | ---: | --- |',
  `| long tasks (> 50 ms) during the ${largest.count.toLocaleString('en')}-task runs | ${largest.longTasks.length}${largest.longTasks.length ? ` (longest ${ms(Math.max(...largest.longTasks.map((t) => t[1])))})` : ''} | 0 | ${ok(noLongTasks)} |`,
  `| Run pressed to the next frame on screen, in those runs (Event Timing), median (information) | ${largest.clickMs < 16 ? 'under 16 ms' : ms(largest.clickMs)} | — | |`,
  `| positions of the timeline's curtain during each of those runs (sampled 5 times in its first 750 ms) | at least ${largest.clockSamples} distinct | moving (≥ 3) | ${ok(clockMoved)} |`,
  `| everything the page loads, gzip -9 | ${(gzipBytes / 1024).toFixed(1)} KB | ≤ 200 KB | ${ok(sizeOk)} |`,
  `| navigation to usable page, first load in a fresh browser context, median of ${LOADS} | ${ms(usable)} | ≤ 150 ms | ${ok(usableOk)} |`,
  `| navigation to the page's wasm fully arrived, in those first loads, median (information) | ${ms(wasmArrived)} | — | |`,
  `| navigation to first paint of a page of one paragraph, no wasm (bench/baseline.html), fresh browser context, median of ${LOADS}: this machine's floor (information) | ${ms(blankPaint)} | — | |`,
  `| navigation to usable page, reload in an open tab, median of ${LOADS} (information) | ${ms(usableOnReload)} | — | |`,
  `| JS heap the page retains (objects, closures, arrays, strings) after ${CYCLES} start/stop cycles vs after 1 | ${(heap.first.js / 1e6).toFixed(3)} MB → ${(heap.last.js / 1e6).toFixed(3)} MB (${(jsGrowth * 100).toFixed(1)} %) | < 5 % growth | ${ok(jsGrowth < TARGETS.heapGrowth)} |`,
  `| raw JS heap, with compiled code and the browser's own records (information) | ${(heap.first.raw / 1e6).toFixed(2)} MB → ${(heap.last.raw / 1e6).toFixed(2)} MB (${(growth(heap.first.raw, heap.last.raw) * 100).toFixed(1)} %) | — | |`,
  `| wasm memory after ${CYCLES} start/stop cycles vs after 1 | ${(heap.first.wasm / 1e6).toFixed(2)} MB → ${(heap.last.wasm / 1e6).toFixed(2)} MB (${(wasmGrowth * 100).toFixed(1)} %) | < 5 % growth | ${ok(wasmGrowth < TARGETS.heapGrowth)} |`,
];
const pythonLines = [
  '| N | panel overhead | CPython (python3) | panel / CPython (target ≤ 1.0) |',
  '| ---: | ---: | ---: | ---: |',
];
for (const row of python.rows) {
  const ratio = row.panel / row.native;
  checks.push(ratio <= 1.0);
  pythonLines.push(`| ${row.count.toLocaleString('en')} | ${ms(row.panel)} | ${ms(row.native)} | ${ratio.toFixed(2)} (${ok(ratio <= 1.0)}) |`);
}
const fileLines = files.map((f) => `| ${f.file} | ${f.gzip.toLocaleString('en')} B |`);
const codeBytes = codeFiles.reduce((sum, f) => sum + f.gzip, 0);
const codeFileLines = codeFiles.map((f) => `| ${f.file} | ${f.gzip.toLocaleString('en')} B |`);
const keptBytes = keptFiles.reduce((sum, f) => sum + f.gzip, 0);
const keptFileLines = keptFiles.map((f) => `| ${f.file} | ${f.gzip.toLocaleString('en')} B |`);

const pythonVersion = execFileSync('python3', ['--version'], { encoding: 'utf8' }).trim();
const machine = [
  `- Date: ${new Date().toISOString().slice(0, 10)}`,
  `- CPU: ${cpus()[0]?.model ?? 'unknown'}, ${cpus().length} cores; memory ${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
  `- Browser: headless Chromium ${chromium} (software rendering, --disable-gpu)`,
  `- ${pythonVersion}; Node ${process.version}`,
];
const report = `# Benchmarks

Produced by \`scripts/bench --write\` (bench/run.mjs); every figure below was
measured in that one run, on this machine:

${machine.join('\n')}

## Overhead of N concurrent tasks of 1 s

Overhead is the measured total minus the longest task (1 s), median of
${Object.entries(REPEATS).map(([n, r]) => `${r} runs at N = ${Number(n).toLocaleString('en')}`).join(', ')}.
*Page*: the playground's concurrent run, from the page's own measured total
(\`performance.now()\` around the run). *JavaScript*: \`Promise.all\` over N
\`setTimeout\`s of 1 s in a blank page, same browser.
*CPython*: \`asyncio.gather\` over N \`asyncio.sleep(1)\` (bench/gather.py).

${lines.join('\n')}

## The Python panel

CPython (Pyodide ${pyodideVersion}) in the page, under the panel's event loop
(www/python/playground_loop.py), tracing every task. Overhead as above: the
program's own measure of \`asyncio.gather\` over N \`asyncio.sleep(1)\`
(bench/gather.py, pasted into the panel), minus 1 s, median of
${PYTHON_REPEATS} runs alternated with the same program under the machine's
python3.

${pythonLines.join('\n')}

| figure | measured |
| --- | ---: |
| the runtime it downloads (dist/pyodide/), once | ${(runtime.raw / 1e6).toFixed(1)} MB (${(runtime.gzip / 1e6).toFixed(1)} MB gzip -9) |
| the panel opened to CPython ready, cold (fresh browser context, runtime from the server over loopback), median of ${PYTHON_OPENS} (information) | ${ms(python.cold)} |
| the same after a reload, runtime from the service worker's cache, median of ${PYTHON_OPENS} (information) | ${ms(python.cached)} |

## The rest

${figures.join('\n')}

Files the page loads (gzip -9):

| file | gzip |
| --- | ---: |
${fileLines.join('\n')}

Files fetched the first time someone opens the Code panel, not part of the
first load (information): ${(codeBytes / 1024).toFixed(1)} KB gzip.

| file | gzip |
| --- | ---: |
${codeFileLines.join('\n')}

Files the service worker fetches once the page has loaded, to keep for use
with no network, beyond those the page loaded (information): ${(keptBytes / 1024).toFixed(1)} KB gzip.

| file | gzip |
| --- | ---: |
${keptFileLines.join('\n')}

How: long tasks come from a \`PerformanceObserver\` for \`longtask\` in the page,
counted between the click on Run and the end of the run; each run is
started once the page has warmed up (its \`async-playground:warm\` mark);
the Run click's time to the next frame is its Event Timing entry's
\`duration\`; the page's time to usable is the \`async-playground:usable\` performance mark
its first render sets, the wasm's arrival its resource timing's
\`responseEnd\`, and a first paint the browser's paint timing entry; heap
figures are taken after a forced garbage collection, from a heap
snapshot (\`HeapProfiler.takeHeapSnapshot\`: JS objects, closures, arrays and
strings; compiled code and the browser's native records, such as a
performance entry per click, are not the page's to free), from
\`Runtime.getHeapUsage\` (the raw figure) and from the wasm module's memory,
around ${CYCLES} cycles of Run then Stop on 30 tasks of 10 s.
`;

console.log(report);
if (process.argv.includes('--write')) {
  await writeFile(new URL('../BENCHMARKS.md', import.meta.url), report);
  log('BENCHMARKS.md written.');
}
const missed = checks.filter((pass) => !pass).length;
log(missed ? `${missed} target(s) missed.` : 'Every target met.');
process.exit(missed ? 1 : 0);
