// Trunk's post-build hook (Trunk.toml), on the staged site:
//
// 1. Moves the script Trunk writes inside index.html (which loads the
//    page's glue and wasm) into a file of its own, built from the loader
//    www/boot.js and named by its content, with its integrity hash. The
//    page then runs under a Content-Security-Policy that allows no inline
//    script (README.md, Deploy).
// 2. In release builds, minifies the page's wasm-bindgen glue, which
//    Trunk's own minifier cannot read (`export ... as default`) and would
//    ship as it is, and writes its new integrity hash into index.html.
// 3. Puts CPython (the npm package pyodide's runtime files, unmodified) in
//    the folder pyodide/ and fills in what the Python worker
//    (www/python-worker.js) needs: the runtime's size in bytes, for its
//    progress bar, and CPython's event loop for the page
//    (www/python/playground_loop.py).
// 4. Names the build by its content (scripts/stamp.mjs): its version, its
//    workers' files and its service worker's list of files.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';
import { stamp } from './stamp.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('post-build: TRUNK_STAGING_DIR is not set; run me as a Trunk hook');
const release = process.env.TRUNK_PROFILE === 'release';

const integrity = (text) => `sha384-${createHash('sha384').update(text).digest('base64')}`;
const fail = (message) => {
  throw new Error(`post-build: ${message}`);
};
const indexPath = join(dir, 'index.html');
let index = readFileSync(indexPath, 'utf8');

// Trunk's loader: <script type="module">import init, * as bindings from
// './x.js'; const wasm = await init({ module_or_path: './x_bg.wasm' }); …
const loader = index.match(/<script type="?module"?>([\s\S]*?)<\/script>/);
if (!loader) fail('index.html holds no module script from Trunk');
const glue = loader[1].match(/from\s*'\.\/([\w.-]+\.js)'/)?.[1] ?? fail('no glue named in Trunk\'s script');
const wasm = loader[1].match(/module_or_path:\s*'\.\/([\w.-]+\.wasm)'/)?.[1] ?? fail('no wasm named in Trunk\'s script');

// 2. The glue, minified (before the loader is written: nothing names it by content).
if (release) {
  const path = join(dir, glue);
  const source = readFileSync(path, 'utf8');
  const old = integrity(source);
  if (!index.includes(old)) fail(`index.html does not hold ${glue}'s integrity hash`);
  const { code } = await minify(source, { module: true, compress: { passes: 2 }, mangle: true });
  writeFileSync(path, code);
  index = index.replace(old, integrity(code));
  console.log(`post-build: ${glue} ${source.length} → ${code.length} bytes`);
}

// 1. The loader, as a file.
const template = readFileSync(new URL('../www/boot.js', import.meta.url), 'utf8');
let boot = template.replace('__GLUE__', glue).replace('__WASM__', wasm);
if (release) boot = (await minify(boot, { compress: { passes: 2 }, mangle: true })).code;
const bootName = `boot-${createHash('sha256').update(boot).digest('hex').slice(0, 16)}.js`;
writeFileSync(join(dir, bootName), boot);
// A classic script in the head: it runs before the first paint (the theme).
index = index.replace(loader[0], `<script src="./${bootName}" integrity="${integrity(boot)}"></script>`);
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(index)) fail('index.html still holds an inline script');
writeFileSync(indexPath, index);
console.log(`post-build: the loader is ${bootName}`);

// Nothing else is left for the page to fetch from the site's root.
for (const file of readdirSync(dir)) {
  if (!/\.(html|js)$/.test(file)) continue;
  const text = readFileSync(join(dir, file), 'utf8');
  if (/(?:src|href)=["']?\/(?!\/)|importScripts\(["']\/(?!\/)/.test(text)) fail(`${file} names a file from the site's root`);
}

// 3. CPython, for the Python panel: fetched only when it opens.
const PYODIDE = new URL('../node_modules/pyodide/', import.meta.url);
// What the worker imports (pyodide.mjs) and what that loads.
const RUNTIME_FILES = ['pyodide.mjs', 'pyodide.asm.mjs', 'pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json'];
mkdirSync(join(dir, 'pyodide'), { recursive: true });
for (const file of RUNTIME_FILES) copyFileSync(new URL(file, PYODIDE), join(dir, 'pyodide', file));
const pyodideVersion = JSON.parse(readFileSync(new URL('package.json', PYODIDE), 'utf8')).version;
// The worker counts every file but pyodide.mjs, which it imports before counting.
const runtimeBytes = RUNTIME_FILES.slice(1).reduce((sum, file) => sum + statSync(join(dir, 'pyodide', file)).size, 0);
const loopSource = readFileSync(new URL('../www/python/playground_loop.py', import.meta.url), 'utf8');
const workerPath = join(dir, 'python-worker.js');
const worker = readFileSync(workerPath, 'utf8');
const filled = worker
  .replace(/^const RUNTIME_BYTES = 0;$/m, `const RUNTIME_BYTES = ${runtimeBytes};`)
  .replace(/^const PLAYGROUND_LOOP = '';$/m, `const PLAYGROUND_LOOP = ${JSON.stringify(loopSource)};`);
if (!filled.includes(`= ${runtimeBytes};`) || filled.includes("PLAYGROUND_LOOP = '';")) fail('python-worker.js has no RUNTIME_BYTES or PLAYGROUND_LOOP line');
writeFileSync(workerPath, filled);
// The service worker keeps the runtime in a cache of its own, named by its version.
const swPath = join(dir, 'sw.js');
const sw = readFileSync(swPath, 'utf8');
if (!/^const PYODIDE = .*;$/m.test(sw)) fail('sw.js has no PYODIDE line');
writeFileSync(swPath, sw.replace(/^const PYODIDE = .*;$/m, `const PYODIDE = '${pyodideVersion}';`));
console.log(`post-build: Pyodide ${pyodideVersion}, ${runtimeBytes} bytes`);

// 4. The build's version, in its workers' names and its service worker.
console.log(`post-build: build ${stamp(dir)}`);
