// Our engine's speed as a ratio to the JavaScript alternatives', per language and size, from the
// outputs of the native bench (native.txt), bench/engine-node.mjs (wasm.txt) and
// bench/alternatives.mjs (alt.txt) in TEXTS_DIR.
//   node bench/ratios.mjs TEXTS_DIR
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const dir = resolve(process.argv[2]);
const json = (f) => JSON.parse(readFileSync(join(dir, f), 'utf8').split('\n').find((l) => l.startsWith('#json ')).slice(6));
const wasm = json('wasm.txt').results.filter((r) => r.mbs);
const alt = json('alt.txt').results;
const native = [];
for (const line of readFileSync(join(dir, 'native.txt'), 'utf8').split('\n')) {
  const m = line.match(/^(nl|en)\s+(\d+) bytes\s+([\d.]+) MB\/s/);
  if (m) native.push({ lang: m[1], size: Number(m[2]), mbs: Number(m[3]) });
}
const near = (list, lang, size) => list.find((r) => r.lang === lang && Math.abs(r.size - size) / size < 0.05);
console.log('ratio = our MB/s ÷ theirs on the same text (wasm: the shipped module in Node; native: the CLI engine)');
for (const tool of ['compromise', 'recognizers']) {
  for (const r of alt.filter((a) => a.tool === tool)) {
    const w = near(wasm, r.lang, r.size);
    const n = near(native, r.lang, r.size);
    console.log(
      `vs ${tool.padEnd(11)} ${r.lang} ${String(r.size).padStart(9)} bytes: theirs ${r.mbs.toFixed(3)} MB/s; wasm ${w ? `${w.mbs.toFixed(2)} MB/s = ${(w.mbs / r.mbs).toFixed(1)}×` : '—'}; native ${n ? `${n.mbs.toFixed(1)} MB/s = ${(n.mbs / r.mbs).toFixed(1)}×` : '—'}`,
    );
  }
}
