// Trunk post_build hook (Trunk.toml): on release builds, makes what readers download smaller in
// Trunk's staging directory, so that dist/ ships it while www/ and the Rust source stay readable.
//
// 1. The names between the wasm and its glue. wasm-bindgen names each import after the JS it
//    calls plus a 16-hex-digit hash (`__wbg_appendChild_dbf7ad2f48413560`, 170 of them) and
//    exports closure shims by their Rust paths; every name is written twice, in the wasm's
//    import/export sections and in the glue, and the hashes do not compress. They become short
//    names (`a`, `b`, … `$a`, …) in both files; the wasm's other sections are copied as they are.
//    `memory` keeps its name (bench/engine-node.mjs reads it from `initSync`'s result); the
//    glue's own exports (`default`, `initSync`, `annotate`, …) are JS names and do not change.
// 2. Minification (esbuild) of the loader (claimlens.js: its comments are most of its size), the
//    glue (claimlens-widget.js) and both stylesheets: each file is only transformed (no
//    bundling, no lowering: the syntax stays what it was); exports keep their names, local names
//    are shortened. Trunk's own `minify` leaves the glue and copied files alone.
//
// Debug builds (`trunk serve` without --release) are left as they are.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { transform } from 'esbuild';

const WASM = 'claimlens-widget_bg.wasm';
const GLUE = 'claimlens-widget.js';
/** The import module name wasm-bindgen gives the glue's import object. */
const GLUE_MODULE = './claimlens-widget_bg.js';
const KEEP_EXPORTS = new Set(['memory']);
const FILES = [
  ['claimlens.js', 'js'],
  [GLUE, 'js'],
  ['claimlens.css', 'css'],
  ['claimlens-ui.css', 'css'],
];

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('minify.mjs: TRUNK_STAGING_DIR is not set (run it as a Trunk post_build hook)');
  process.exit(1);
}
if (process.env.TRUNK_PROFILE !== 'release') process.exit(0);

const fail = (message) => {
  throw new Error(`minify.mjs: ${message}`);
};

// --- 1. short import and export names ---------------------------------------------------------

/** The n-th short JS identifier: a … z, A … Z, _, $, then two characters, … */
function shortName(n) {
  const first = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_$';
  const rest = `${first}0123456789`;
  let name = first[n % first.length];
  n = Math.floor(n / first.length);
  while (n > 0) {
    n -= 1;
    name += rest[n % rest.length];
    n = Math.floor(n / rest.length);
  }
  return name;
}

/** A reader over a wasm binary's bytes. */
class Reader {
  constructor(bytes, pos = 0) {
    this.bytes = bytes;
    this.pos = pos;
  }
  byte() {
    if (this.pos >= this.bytes.length) fail(`${WASM}: unexpected end`);
    return this.bytes[this.pos++];
  }
  u32() {
    let result = 0;
    for (let shift = 0; ; shift += 7) {
      const b = this.byte();
      result += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return result;
      if (shift > 28) fail(`${WASM}: bad LEB128`);
    }
  }
  name() {
    const len = this.u32();
    const start = this.pos;
    this.pos += len;
    return Buffer.from(this.bytes.subarray(start, this.pos)).toString('utf8');
  }
  /** Skips a table/memory limits field. */
  limits() {
    const flags = this.byte();
    this.u32();
    if (flags & 1) this.u32();
  }
}

const leb = (n) => {
  const out = [];
  do {
    let b = n & 0x7f;
    n = Math.floor(n / 128);
    if (n > 0) b |= 0x80;
    out.push(b);
  } while (n > 0);
  return Buffer.from(out);
};
const encName = (s) => {
  const b = Buffer.from(s, 'utf8');
  return Buffer.concat([leb(b.length), b]);
};

/**
 * Renames the wasm's imports from the glue's module and its exports (but KEEP_EXPORTS).
 * Returns the new binary and the maps old → new name.
 */
function renameWasm(bytes) {
  if (bytes.readUInt32LE(0) !== 0x6d736100 || bytes.readUInt32LE(4) !== 1) fail(`${WASM}: not a wasm module`);
  const imports = new Map();
  const exports = new Map();
  let next = 0;
  const parts = [bytes.subarray(0, 8)];
  const r = new Reader(bytes, 8);
  while (r.pos < bytes.length) {
    const start = r.pos;
    const id = r.byte();
    const size = r.u32();
    const body = r.pos;
    const end = body + size;
    if (id === 2) {
      const count = r.u32();
      const out = [leb(count)];
      for (let i = 0; i < count; i++) {
        const module = r.name();
        const field = r.name();
        const descStart = r.pos;
        const kind = r.byte();
        if (kind === 0) r.u32(); // function: type index
        else if (kind === 1) { r.byte(); r.limits(); } // table: reftype, limits
        else if (kind === 2) r.limits(); // memory
        else if (kind === 3) { r.byte(); r.byte(); } // global: valtype, mutability
        else if (kind === 4) { r.byte(); r.u32(); } // tag
        else fail(`${WASM}: unknown import kind ${kind}`);
        let newModule = module;
        let newField = field;
        if (module === GLUE_MODULE) {
          newModule = 'w';
          if (imports.has(field)) fail(`${WASM}: import ${field} twice`);
          newField = shortName(next++);
          imports.set(field, newField);
        }
        out.push(encName(newModule), encName(newField), bytes.subarray(descStart, r.pos));
      }
      if (r.pos !== end) fail(`${WASM}: import section size`);
      const content = Buffer.concat(out);
      parts.push(Buffer.from([2]), leb(content.length), content);
    } else if (id === 7) {
      const count = r.u32();
      const out = [leb(count)];
      for (let i = 0; i < count; i++) {
        const name = r.name();
        const descStart = r.pos;
        r.byte();
        r.u32();
        let newName = name;
        if (!KEEP_EXPORTS.has(name)) {
          newName = shortName(next++);
          exports.set(name, newName);
        }
        out.push(encName(newName), bytes.subarray(descStart, r.pos));
      }
      if (r.pos !== end) fail(`${WASM}: export section size`);
      const content = Buffer.concat(out);
      parts.push(Buffer.from([7]), leb(content.length), content);
    } else {
      parts.push(bytes.subarray(start, end));
    }
    r.pos = end;
  }
  if (imports.size === 0) fail(`${WASM}: no imports from ${GLUE_MODULE}`);
  return { wasm: Buffer.concat(parts), imports, exports };
}

const escapeRe = (s) => s.replace(/[$.*+?^{}()|[\]\\]/g, '\\$&');

/**
 * The same renames in wasm-bindgen's glue (before minification, as wasm-bindgen writes it):
 * the import object's keys (`name: function`), its module key, and every `wasm.name`. Fails,
 * failing the build, on anything it does not recognise.
 */
function renameGlue(js, imports, exports) {
  for (const [from, to] of imports) {
    const re = new RegExp(`(^|[\\s{,])${escapeRe(from)}(\\s*:)`, 'g');
    let n = 0;
    js = js.replace(re, (_, before, colon) => {
      n += 1;
      return `${before}${to}${colon}`;
    });
    if (n !== 1) fail(`${GLUE}: import ${from} found ${n} times as a key, expected once`);
  }
  const moduleKey = JSON.stringify(GLUE_MODULE);
  if (js.split(moduleKey).length !== 2) fail(`${GLUE}: the module key ${moduleKey} is not there once`);
  js = js.replace(moduleKey, '"w"');
  js = js.replace(/\bwasm\.([A-Za-z_$][\w$]*)/g, (whole, name) => {
    if (KEEP_EXPORTS.has(name)) return whole;
    const to = exports.get(name);
    if (!to) fail(`${GLUE}: wasm.${name} is not an export of ${WASM}`);
    return `wasm.${to}`;
  });
  // The exports object must only ever be read as `wasm.name` (checked above).
  for (const m of js.matchAll(/\bwasm\s*\[|\bwasm\s*\?\.\s*[[\w$]|instance\.exports\.|\{[^}]*\}\s*=\s*wasm\b/g)) {
    fail(`${GLUE}: the wasm exports are read in a way this script does not rename: ${m[0]}`);
  }
  return js;
}

{
  const wasmPath = join(dir, WASM);
  const gluePath = join(dir, GLUE);
  const { wasm, imports, exports } = renameWasm(await readFile(wasmPath));
  const glue = renameGlue(await readFile(gluePath, 'utf8'), imports, exports);
  await writeFile(wasmPath, wasm);
  await writeFile(gluePath, glue);
}

// --- 2. minification ------------------------------------------------------------------------------

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
