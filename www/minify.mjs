// Trunk post_build hook (Trunk.toml): minifies the widget's JavaScript and CSS in Trunk's staging
// directory on release builds, so that dist/ ships them minified while www/ stays readable.
// Trunk's own `minify` leaves the wasm-bindgen glue and copied files alone.
//
//   claimlens.js          the loader (its comments are most of its size)
//   claimlens-widget.js   the wasm-bindgen glue
//   claimlens.css, claimlens-ui.css
//
// esbuild only transforms each file (no bundling, no lowering: the syntax stays what it was).
// Exports keep their names (the loader's `annotate`, the glue's `default`, `initSync`, ...);
// local names are shortened. Debug builds (`trunk serve`) are left as they are.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { transform } from 'esbuild';

const FILES = [
  ['claimlens.js', 'js'],
  ['claimlens-widget.js', 'js'],
  ['claimlens.css', 'css'],
  ['claimlens-ui.css', 'css'],
];

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('minify.mjs: TRUNK_STAGING_DIR is not set (run it as a Trunk post_build hook)');
  process.exit(1);
}
if (process.env.TRUNK_PROFILE !== 'release') process.exit(0);

for (const [name, loader] of FILES) {
  const path = join(dir, name);
  const source = await readFile(path, 'utf8');
  const { code, warnings } = await transform(source, {
    loader,
    minify: true,
    format: loader === 'js' ? 'esm' : undefined,
    legalComments: 'none',
    sourcefile: name,
  });
  for (const w of warnings) console.warn(`minify.mjs: ${name}: ${w.text}`);
  await writeFile(path, code);
}
