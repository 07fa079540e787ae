// Engine throughput as wasm in Node: the shipped widget module (dist/claimlens-widget_bg.wasm,
// opt-level "z", exactly what readers download) instantiated with `initSync`, timing its
// `extract(text, lang)` export (analysis + UTF-16 offsets + the claims as JS objects).
//
//   node bench/engine-node.mjs DIST TEXTS_DIR [ANALYSIS_DIR]
//     (ANALYSIS_DIR: the same widget built with `--features bench-exports`: the analysis alone)
//   node bench/engine-node.mjs DIST --memory FILE LANG   (one extract in a fresh instance: memory)
//
// Prints one line per language and size, the linearity ratio, then one JSON line (`#json …`) for
// bench.mjs. Run in its own process so that its peak RSS is the engine's alone.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { execFileSync } from 'node:child_process';

const [dist, texts] = process.argv.slice(2, 4).map((p) => resolve(p));
const SIZES = [10_000, 100_000, 1_000_000, 10_000_000];

const glue = await import(pathToFileURL(join(dist, 'claimlens-widget.js')).href);
const exports = glue.initSync({ module: readFileSync(join(dist, 'claimlens-widget_bg.wasm')) });
const memory = exports.memory;

if (process.argv[3] === '--memory') {
  // Wasm linear memory never shrinks: its size after one extract is the peak of that extract.
  const text = readFileSync(process.argv[4], 'utf8');
  const before = memory.buffer.byteLength;
  glue.extract(text, process.argv[5]);
  console.log(JSON.stringify({ before, wasm: memory.buffer.byteLength, rss: process.resourceUsage().maxRSS * 1024, text: Buffer.byteLength(text) }));
  process.exit(0);
}

// The analysis alone, as natively (examples/bench_engine.rs): the same code built with two extra
// exports (`--features bench-exports`, built apart by scripts/bench.sh into ANALYSIS_DIR), the
// text copied in once, then only `benchAnalyze` timed.
const analysisDir = process.argv[4] && process.argv[4] !== '--memory' ? resolve(process.argv[4]) : null;
const analysis = [];
if (analysisDir) {
  const bench = await import(pathToFileURL(join(analysisDir, 'claimlens-widget.js')).href);
  bench.initSync({ module: readFileSync(join(analysisDir, 'claimlens-widget_bg.wasm')) });
  for (const lang of ['nl', 'en']) {
    const perByte = {};
    for (const size of SIZES) {
      const text = readFileSync(join(texts, `${lang}-${size}.txt`), 'utf8');
      const bytes = Buffer.byteLength(text);
      bench.benchLoad(text);
      const reps = Math.min(300, Math.max(1, Math.round(3_000_000 / bytes)));
      // Median of 7 timed rounds of `reps` analyses each (a warm-up analysis first).
      let claims = bench.benchAnalyze(lang);
      const rounds = [];
      for (let r = 0; r < 7; r++) {
        const t0 = process.hrtime.bigint();
        for (let i = 0; i < reps; i++) claims = bench.benchAnalyze(lang);
        rounds.push(Number(process.hrtime.bigint() - t0) / 1e9 / reps);
      }
      const secs = rounds.sort((a, b) => a - b)[3];
      perByte[size] = secs / bytes;
      const mbs = bytes / secs / 1e6;
      analysis.push({ lang, size: bytes, mbs, claims, reps });
      console.log(
        `wasm analysis ${lang} ${String(bytes).padStart(9)} bytes  ${mbs.toFixed(1).padStart(7)} MB/s  ${String(claims).padStart(7)} claims  (median of 7 × ${reps} runs)`,
      );
    }
    const ratio = perByte[10_000_000] / perByte[100_000];
    console.log(`wasm analysis ${lang} time per byte, 10 MB / 100 KB: ${ratio.toFixed(2)} (budget ≤ 1.20: ${ratio <= 1.2 ? 'ok' : 'OVER'})`);
    analysis.push({ lang, linearity: ratio });
  }
  bench.benchLoad('');
}

const results = [];
for (const lang of ['nl', 'en']) {
  const perByte = {};
  for (const size of SIZES) {
    const text = readFileSync(join(texts, `${lang}-${size}.txt`), 'utf8');
    const bytes = Buffer.byteLength(text);
    // About 3 MB of work per size (one run of 10 MB); a warm-up run first, up to 1 MB.
    const reps = Math.min(300, Math.max(1, Math.round(3_000_000 / bytes)));
    let claims = bytes <= 1_500_000 ? glue.extract(text, lang).claims.length : 0;
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < reps; i++) claims = glue.extract(text, lang).claims.length;
    const secs = Number(process.hrtime.bigint() - t0) / 1e9 / reps;
    perByte[size] = secs / bytes;
    const mbs = bytes / secs / 1e6;
    results.push({ lang, size: bytes, mbs, claims, reps });
    console.log(
      `wasm ${lang} ${String(bytes).padStart(9)} bytes  ${mbs.toFixed(1).padStart(7)} MB/s  ${String(claims).padStart(7)} claims  (${reps} runs)`,
    );
  }
  const ratio = perByte[10_000_000] / perByte[100_000];
  console.log(`wasm ${lang} time per byte, 10 MB / 100 KB: ${ratio.toFixed(2)} (budget ≤ 1.20: ${ratio <= 1.2 ? 'ok' : 'OVER'})`);
  results.push({ lang, linearity: ratio });
}

// Peak memory, each in a fresh process and instance: an article-sized text and the largest input.
const memoryOf = (file, lang) =>
  JSON.parse(execFileSync(process.execPath, [fileURLToPath(import.meta.url), dist, '--memory', join(texts, file), lang], { encoding: 'utf8', maxBuffer: 1 << 20 }));
const memoryRuns = [];
for (const [file, lang] of [['nl-100000.txt', 'nl'], ['nl-10000000.txt', 'nl'], ['en-10000000.txt', 'en']]) {
  const m = memoryOf(file, lang);
  const factor = m.wasm / m.text;
  memoryRuns.push({ file, ...m, factor });
  console.log(
    `wasm memory, ${file}: ${(m.wasm / 1e6).toFixed(1)} MB linear memory (${(m.before / 1e6).toFixed(1)} MB at start) = ${factor.toFixed(1)}× the text (budget ≤ 10×: ${factor <= 10 ? 'ok' : 'OVER'}); process peak RSS ${(m.rss / 1e6).toFixed(1)} MB`,
  );
}
console.log(`#json ${JSON.stringify({ results, analysis, memory: memoryRuns })}`);
