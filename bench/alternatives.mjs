// The JavaScript alternatives on the same generated texts: compromise (numbers and quotations)
// and Recognizers-Text's number model (English; it has no Dutch model, so Dutch text goes through
// the English model too). Both are slow and superlinear, so a size is skipped when the previous
// one's time, scaled linearly to it, exceeds CAP seconds (BENCH_ALT_CAP, default 20).
//
//   node bench/alternatives.mjs TEXTS_DIR
//
// Prints one line per tool, language and size, then `#json …` for bench.mjs.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../www/package.json', import.meta.url));
const nlp = require('compromise');
const recognizers = require('@microsoft/recognizers-text-number');

const texts = resolve(process.argv[2]);
const SIZES = [10_000, 100_000, 1_000_000, 10_000_000];
const CAP = Number(process.env.BENCH_ALT_CAP || 20); // seconds

const tools = {
  compromise: (text) => {
    const doc = nlp(text);
    return doc.numbers().out('array').length + doc.quotations().out('array').length;
  },
  recognizers: (text) => recognizers.recognizeNumber(text, recognizers.Culture.English).length,
};

const results = [];
for (const [tool, run] of Object.entries(tools)) {
  for (const lang of ['nl', 'en']) {
    let last = 0;
    let lastSize = 1;
    for (const size of SIZES) {
      const text = readFileSync(join(texts, `${lang}-${size}.txt`), 'utf8');
      const bytes = Buffer.byteLength(text);
      const predicted = (last * size) / lastSize;
      if (predicted > CAP) {
        console.log(`${tool} ${lang} ${String(bytes).padStart(9)} bytes  skipped (would take over ${predicted.toFixed(0)} s: the previous size took ${last.toFixed(1)} s)`);
        last = predicted;
        lastSize = size;
        continue;
      }
      if (size <= 100_000) run(text); // warm-up
      const reps = size <= 10_000 ? 5 : 1;
      let found = 0;
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < reps; i++) found = run(text);
      const secs = Number(process.hrtime.bigint() - t0) / 1e9 / reps;
      last = secs;
      lastSize = size;
      const mbs = bytes / secs / 1e6;
      results.push({ tool, lang, size: bytes, mbs, secs, found });
      console.log(
        `${tool} ${lang} ${String(bytes).padStart(9)} bytes  ${mbs.toFixed(3).padStart(7)} MB/s  ${secs.toFixed(2).padStart(7)} s  ${String(found).padStart(6)} found`,
      );
    }
  }
}
console.log(`#json ${JSON.stringify({ results })}`);
