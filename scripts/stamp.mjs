// Names a built site by its content: its version, its workers' files and
// its service worker's list of files (www/sw.js).
//
//   node scripts/stamp.mjs DIR
//
// The post-build hook (scripts/post-build.mjs) runs it on every build; it
// can run again on a built site whose files were changed, and gives it a
// new version. What it does:
//
// 1. The version: a hash of every file of the site (but the service
//    worker, and with the workers' names as Trunk writes them).
// 2. The workers' files carry the version in their names
//    (`code-worker-<version>_loader.js`, `offload-worker-<version>.js`), and
//    index.html says it (`<html data-build="<version>">`), so the page asks
//    for its own build's workers (src/runtime/workers.rs).
// 3. sw.js gets the version and the list of files, so every build's
//    service worker is a new one, with a cache of its own: those it
//    fetches as it installs, and those it keeps only once a learner asks
//    for them (the Python panel's module).
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** A worker's file, as Trunk names it or with a version: its stem, the version and the rest. */
const WORKER_FILE = /^(code-worker|offload-worker|python-worker|python-panel)(?:-([0-9a-f]{16}))?((?:_loader|_bg)?\.(?:js|wasm|css))$/;
/** A name of a worker's file inside another file. */
const WORKER_NAME = /(code-worker|offload-worker|python-worker|python-panel)(?:-[0-9a-f]{16})?((?:_loader|_bg)?\.(?:js|wasm|css))\b/g;
const SERVICE_WORKER = 'sw.js';
/** Files the service worker keeps only once they are asked for. */
const ON_DEMAND = /^python-panel-/;
/** The version index.html says, once stamped. */
const BUILD_ATTRIBUTE = / data-build="[0-9a-f]*"/;

const fail = (message) => {
  throw new Error(`stamp: ${message}`);
};

/** `text` with every worker's file named for `version` ('' for Trunk's names). */
function renamed(text, version) {
  return text.replace(WORKER_NAME, (_, stem, rest) => `${stem}${version ? `-${version}` : ''}${rest}`);
}

/** Stamps the site in `dir`; returns its version. */
export function stamp(dir) {
  // In the order of their names as Trunk writes them.
  const plain = (name) => renamed(name, '');
  const files = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name !== SERVICE_WORKER)
    .map((entry) => entry.name)
    .sort((a, b) => plain(a).localeCompare(plain(b)));
  if (!files.includes('index.html')) fail(`${dir} holds no index.html`);

  // 1. The version, from the files as Trunk wrote them: stamping a site
  // twice gives it the same version.
  const hash = createHash('sha256');
  for (const name of files) {
    let content = readFileSync(join(dir, name));
    if (/\.(html|js)$/.test(name)) content = Buffer.from(renamed(content.toString('utf8'), '').replace(BUILD_ATTRIBUTE, ''));
    hash.update(`${plain(name)}\0${content.length}\0`).update(content);
  }
  const version = hash.digest('hex').slice(0, 16);

  // 2. The workers' names.
  const names = files.map((name) => {
    const worker = name.match(WORKER_FILE);
    if (!worker) return name;
    const next = `${worker[1]}-${version}${worker[3]}`;
    if (next !== name) renameSync(join(dir, name), join(dir, next));
    return next;
  });
  for (const name of names.filter((name) => /_loader\.js$|\.html$/.test(name))) {
    const path = join(dir, name);
    writeFileSync(path, renamed(readFileSync(path, 'utf8'), version));
  }
  const indexPath = join(dir, 'index.html');
  const index = readFileSync(indexPath, 'utf8').replace(BUILD_ATTRIBUTE, '');
  const withBuild = index.replace(/<html\b/, `<html data-build="${version}"`);
  if (withBuild === index) fail('index.html has no <html> tag');
  writeFileSync(indexPath, withBuild);

  // 3. The service worker.
  const swPath = join(dir, SERVICE_WORKER);
  const sw = readFileSync(swPath, 'utf8');
  const first = names.filter((name) => !ON_DEMAND.test(name));
  const later = names.filter((name) => ON_DEMAND.test(name));
  const stamped = sw
    .replace(/^const VERSION = .*;$/m, `const VERSION = '${version}';`)
    .replace(/^const FILES = .*;$/m, `const FILES = ${JSON.stringify(first)};`)
    .replace(/^const LATER = .*;$/m, `const LATER = ${JSON.stringify(later)};`);
  if (![`'${version}'`, JSON.stringify(first), JSON.stringify(later)].every((line) => stamped.includes(line))) {
    fail('sw.js has no VERSION, FILES or LATER line');
  }
  writeFileSync(swPath, stamped);
  return version;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = process.argv[2] ?? fail('usage: node scripts/stamp.mjs DIR');
  console.log(`stamp: ${dir} is build ${stamp(dir)}`);
}
