// Trunk's post-build hook (Trunk.toml): minifies the wasm-bindgen glue of
// the page, which Trunk's own minifier cannot read (`export ... as default`)
// and would ship as it is, and writes the new file's integrity hash into
// index.html. Release builds only; a debug build is left readable.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

if (process.env.TRUNK_PROFILE !== 'release') process.exit(0);

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('minify-glue: TRUNK_STAGING_DIR is not set; run me as a Trunk hook');

const integrity = (text) => `sha384-${createHash('sha384').update(text).digest('base64')}`;
const indexPath = join(dir, 'index.html');
let index = readFileSync(indexPath, 'utf8');

// The page's glue is the module index.html preloads; the code worker's is
// a classic script, which Trunk minifies itself.
const glue = readdirSync(dir).filter((file) => file.endsWith('.js') && index.includes(`/${file} `));
if (glue.length === 0) throw new Error('minify-glue: index.html names no script to minify');

for (const file of glue) {
  const path = join(dir, file);
  const source = readFileSync(path, 'utf8');
  const old = integrity(source);
  if (!index.includes(old)) throw new Error(`minify-glue: index.html does not hold ${file}'s integrity hash`);
  const { code } = await minify(source, { module: true, compress: { passes: 2 }, mangle: true });
  writeFileSync(path, code);
  index = index.replace(old, integrity(code));
  console.log(`minify-glue: ${file} ${source.length} → ${code.length} bytes`);
}
writeFileSync(indexPath, index);
