// Async Playground's Python: CPython (Pyodide) in a module worker, which
// downloads the runtime when it starts and then runs asyncio programs under
// CPython's own event loop (www/python/playground_loop.py). Its messages
// are text, read by presentation::wire::python:
//
//   progress <bytes loaded> <bytes in all>   while the runtime downloads
//   ready <Python's version>                 it runs programs from now on
//   out\n<text>, err\n<text>                 what the program prints
//   trace\n<lines>                           what its tasks did (playground_loop.py)
//   computed <µs> <name>                     work run_in_executor could not take off the loop
//   end <how> <µs> <SCALE × 10⁶>\n<traceback> the program ended: done, failed or deadlock
//   failed\n<message>                        the runtime could not start
//
// The page sends `run\n<program>`; to stop a program it ends the worker.
// The runtime's files are the npm package pyodide's, unmodified, in the
// folder pyodide/ beside the page (scripts/post-build.mjs copies them),
// so nothing is fetched from any other origin.

// Filled in by the build (scripts/post-build.mjs): the bytes of the
// runtime's files this worker downloads, and playground_loop.py.
const RUNTIME_BYTES = 0;
const PLAYGROUND_LOOP = '';

const RUNTIME = new URL('pyodide/', self.location.href).href;

let loaded = 0;
let lastSaid = 0;
const progress = (force) => {
  const now = performance.now();
  if (!force && now - lastSaid < 100) return;
  lastSaid = now;
  postMessage(`progress ${Math.min(loaded, RUNTIME_BYTES)} ${RUNTIME_BYTES}`);
};

// Counts the bytes of the runtime's files as they arrive.
const realFetch = self.fetch.bind(self);
const fetchAndCount = async (input, init) => {
  const response = await realFetch(input, init);
  if (!response.ok || !response.body) return response;
  const counted = response.body.pipeThrough(
    new TransformStream({
      transform(chunk, controller) {
        loaded += chunk.byteLength;
        progress(false);
        controller.enqueue(chunk);
      },
    }),
  );
  return new Response(counted, { status: response.status, statusText: response.statusText, headers: response.headers });
};

async function start() {
  // The runtime imports pyodide.asm.mjs itself, out of reach of fetch:
  // fetched first, counted, it then comes from the cache.
  await (await fetchAndCount(`${RUNTIME}pyodide.asm.mjs`)).arrayBuffer();
  self.fetch = (input, init) => (String(input).startsWith(RUNTIME) ? fetchAndCount(input, init) : realFetch(input, init));
  const { loadPyodide } = await import(`${RUNTIME}pyodide.mjs`);
  const pyodide = await loadPyodide({ indexURL: RUNTIME, packages: [] });
  self.fetch = realFetch;
  loaded = RUNTIME_BYTES;
  progress(true);
  pyodide.FS.writeFile('/home/pyodide/playground_loop.py', PLAYGROUND_LOOP);
  pyodide.runPython(`
import asyncio, asyncio.runners, sys, time
sys.path.insert(0, '/home/pyodide')
import playground_loop
from pyodide import webloop

# CPython's own asyncio.run and a time.sleep that blocks, in place of
# Pyodide's, which hand the program to the browser's event loop.
asyncio.run = asyncio.runners.run
time.sleep = webloop._orig_sleep
_host_loop = asyncio.events._get_running_loop()
from pyodide.ffi import can_run_sync, run_sync
from js import post, sleep_ms

class _Out:
    """sys.stdout or sys.stderr: text to the page, at most every 50 ms."""
    def __init__(self, kind, say):
        self.kind, self.parts, self.said, self.say = kind, [], 0.0, say
    def write(self, text):
        self.parts.append(str(text))
        now = time.perf_counter()
        if now - self.said >= 0.05:
            self.flush()
        return len(text)
    def flush(self):
        self.said = time.perf_counter()
        if self.parts:
            self.say(self.kind + "\\n" + "".join(self.parts))
            self.parts.clear()
    def isatty(self):
        return False
    encoding = "utf-8"

def _wait(seconds):
    # With the browser's stack switching the worker rests while Python
    # waits; without, it counts the time out.
    _out.flush(); _err.flush()
    if can_run_sync():
        # run_sync hands the promise to the running loop: Pyodide's own,
        # for as long as the wait lasts, not the program's.
        program_loop = asyncio.events._get_running_loop()
        asyncio.events._set_running_loop(_host_loop)
        try:
            run_sync(sleep_ms(seconds * 1000))
        finally:
            asyncio.events._set_running_loop(program_loop)
    else:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            pass

def _computed(name, seconds):
    post(f"computed {round(seconds * 1e6)} {name}")

def _run(source, say=post):
    global _out, _err
    _out, _err = _Out("out", say), _Out("err", say)
    sys.stdout, sys.stderr = _out, _err
    try:
        how, seconds, scale, report = playground_loop.run(
            source, _wait, lambda lines: say("trace\\n" + lines), _computed)
    finally:
        _out.flush(); _err.flush()
        sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__
    say(f"end {how} {round(seconds * 1e6)} {round(scale * 1e6)}\\n{report}")

# A first run costs CPython some 20 ms more than the next ones (modules
# imported and code paths taken for the first time): paid here, before
# the page hears "ready", not by the learner's first program.
_WARM_UP = """
import asyncio
async def task(n):
    await asyncio.sleep(0.001)
    print(n)
async def main():
    await asyncio.gather(*(task(n) for n in range(30)))
asyncio.run(main())
"""

def _warm_up():
    # What it says goes to the browser and no further: the way there is
    # taken for the first time here too.
    from js import discard
    _run(_WARM_UP, say=discard)
`);
  await pyodide.globals.get('_warm_up').callPromising();
  postMessage(`ready ${pyodide.runPython('import sys; sys.version.split()[0]')}`);
  return pyodide;
}

self.post = (text) => postMessage(text);
self.discard = () => {};
self.sleep_ms = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const started = start().catch((error) => {
  postMessage(`failed\n${error && error.message ? error.message : error}`);
  return null;
});

// One program at a time: the page sends the next once this one has ended.
onmessage = async (event) => {
  const pyodide = await started;
  const text = String(event.data);
  if (!pyodide || !text.startsWith('run\n')) return;
  const run = pyodide.globals.get('_run');
  try {
    // Through a promise, so that Python may rest while it waits.
    await run.callPromising(text.slice(4));
  } catch (error) {
    postMessage(`end failed 0 1000000\n${error && error.message ? error.message : error}`);
  } finally {
    run.destroy();
  }
};
