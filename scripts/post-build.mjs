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
// 3. Names the build by its content (scripts/stamp.mjs): its version, its
//    workers' files and its service worker's list of files.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
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

// 3. The build's version, in its workers' names and its service worker.
console.log(`post-build: build ${stamp(dir)}`);
