// Article detection on real saved news pages: the widget's bare tag (no data-root) injected into
// each page of a page corpus with ground-truth article bodies, loaded in headless Chromium with
// every request off 127.0.0.1 blocked (the saved pages reference remote scripts, styles and
// images: they render unstyled, so rules that need the site's CSS are not exercised here).
//
//   node bench/pages.mjs DIST CORPUS_DIR        (or CLAIMLENS_PAGES=CORPUS_DIR node bench/pages.mjs DIST)
//
// CORPUS_DIR is a checkout of scrapinghub/article-extraction-benchmark: `html/<id>.html.gz` and
// `ground-truth.json` ({ id: { articleBody, url } }). The corpus is read from there and never
// copied into this repository; this script is run by hand, not in CI. PAGES_LIMIT=n takes the
// first n pages, PAGES_ONLY=id,id only those, PAGES_VERBOSE=1 prints one line per page.
//
// Each page's own scripts are removed before it is served (JSON-LD blocks are kept: they are data
// the detection may read), as is any CSP meta tag, so that a run is deterministic and measures
// only the widget. Figures:
//   - root: the chosen root's rendered text (innerText) against the ground-truth body, as bags
//     of lowercased \w+ tokens: recall (share of the body inside the root) and precision (share
//     of the root that is body); "right root" = recall ≥ 0.9 and precision ≥ 0.9, also shown at
//     0.8 / any precision;
//   - no root: pages where the loader warned that it found no article (nothing annotated);
//   - highlights outside the article: claims (marks) whose text with up to four words on either
//     side (within its block) does not occur in the ground-truth body; pages with none;
//   - page errors and claimlens console errors;
//   - detection time: the loader's `claimlens:find` → `claimlens:found` marks, on every corpus
//     page and on a generated 20,000-word page with page furniture (median of BENCH_LOADS loads).
import { createRequire } from 'node:module';
import { readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { startServer, HOST, CHROMIUM_ARGS } from './page.mjs';

const require = createRequire(new URL('../www/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const DIST = resolve(process.argv[2] ?? 'dist');
const CORPUS = process.argv[3] ?? process.env.CLAIMLENS_PAGES;
if (!CORPUS) {
  console.error('usage: node bench/pages.mjs DIST CORPUS_DIR   (CORPUS_DIR: scrapinghub/article-extraction-benchmark)');
  process.exit(2);
}
const LOADS = Number(process.env.BENCH_LOADS || 7);
const VERBOSE = Boolean(process.env.PAGES_VERBOSE);

const tokens = (s) => (s.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? []);
const bag = (ts) => {
  const m = new Map();
  for (const t of ts) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
};
/** Recall and precision of `got` (tokens) against `want` (tokens), as bags of words. */
function overlap(want, got) {
  const w = bag(want);
  let common = 0;
  for (const [t, n] of bag(got)) common += Math.min(n, w.get(t) ?? 0);
  return { recall: want.length ? common / want.length : 0, precision: got.length ? common / got.length : 0 };
}

/** The saved page, ready to serve: its scripts (but JSON-LD) and CSP meta tags removed, our tag in. */
function prepare(html, tag) {
  let out = html
    .replace(/<script\b(?![^>]*application\/ld\+json)[^>]*>[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<meta[^>]+http-equiv=["']?content-security-policy[^>]*>/gi, '')
    .replace(/<base\b[^>]*>/gi, '');
  if (/<\/head\s*>/i.test(out)) out = out.replace(/<\/head\s*>/i, `${tag}</head>`);
  else out = tag + out;
  return out;
}

/** Installed before the page's parsing: records claimlens console messages. */
const INIT = () => {
  window.__cl = { msgs: [] };
  for (const level of ['warn', 'error']) {
    const orig = console[level];
    console[level] = (...args) => {
      const text = args.map(String).join(' ');
      if (text.startsWith('claimlens')) window.__cl.msgs.push([level, text]);
      return orig.apply(console, args);
    };
  }
};

/** Waits for the automatic run to end; returns what the page shows. */
const COLLECT = async () => {
  const tag = document.querySelector('script[src$="claimlens.js"]');
  const t0 = performance.now();
  for (;;) {
    if (tag?.claimlens) {
      try {
        await tag.claimlens.ready;
      } catch {
        // reported through console errors
      }
      break;
    }
    if (window.__cl.msgs.length || performance.now() - t0 > 15000) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const root = tag?.claimlens?.root ?? null;
  const BLOCK = 'p, li, dd, dt, td, th, h1, h2, h3, h4, h5, h6, blockquote, figcaption, div, section, article';
  const marks = [];
  // A claim split over several text nodes has several marks: the first of each run stands for it.
  for (const m of document.querySelectorAll('claimlens-mark')) {
    if (m.previousSibling === null && m.parentElement?.localName === 'claimlens-mark') continue;
    const block = m.parentElement?.closest(BLOCK) ?? m.parentElement;
    const range = document.createRange();
    range.setStart(block, 0);
    range.setEndBefore(m);
    const before = range.toString();
    range.setStartAfter(m);
    range.setEnd(block, block.childNodes.length);
    marks.push({ text: m.textContent, before: before.slice(-200), after: range.toString().slice(0, 200) });
  }
  const find = performance.getEntriesByName('claimlens:find')[0];
  const found = performance.getEntriesByName('claimlens:found')[0];
  return {
    root: root ? root.innerText : null,
    rootName: root ? `${root.localName}${root.id ? `#${root.id}` : ''}${root.className && typeof root.className === 'string' ? `.${root.className.trim().split(/\s+/).slice(0, 2).join('.')}` : ''}` : null,
    marks,
    msgs: window.__cl.msgs,
    findMs: find && found ? found.startTime - find.startTime : null,
  };
};

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
}
const pct = (n, d) => `${n}/${d} (${((100 * n) / d).toFixed(1)} %)`;

/** A generated 20,000-word news page with the furniture real pages have around the story. */
function bigPage(tag) {
  const words = 'de minister zei dinsdag dat 2,5 miljoen euro extra naar het onderwijs gaat volgens het ministerie stijgt het aantal leerlingen met 132 per jaar'.split(' ');
  const para = (i, n) => Array.from({ length: n }, (_, k) => words[(i * 7 + k) % words.length]).join(' ') + '.';
  const out = [];
  out.push('<header><nav>' + Array.from({ length: 60 }, (_, i) => `<a href="/s${i}">Sectie ${i}</a>`).join(' ') + '</nav></header>');
  out.push('<main><section class="top-stories">');
  for (let i = 0; i < 12; i++) out.push(`<article class="teaser"><h3><a href="/t${i}">Kop ${i}</a></h3><p>${para(i, 18)}</p></article>`);
  out.push('</section><article class="story"><h1>Een lang artikel</h1><div class="byline">Door A. Schrijver · 3 min read</div><div class="body">');
  let n = 0;
  for (let i = 0; n < 20000; i++) {
    const len = 40 + (i % 5) * 20;
    out.push(`<p>${para(i, len)}</p>`);
    n += len;
    if (i % 15 === 14) out.push(`<aside class="related"><ul>${Array.from({ length: 4 }, (_, k) => `<li><a href="/r${k}">Lees ook ${k}</a></li>`).join('')}</ul></aside>`);
  }
  out.push('</div></article><section class="comments">');
  for (let i = 0; i < 40; i++) out.push(`<div class="comment"><p>${para(i, 25)}</p></div>`);
  out.push('</section></main><footer>' + Array.from({ length: 40 }, (_, i) => `<a href="/f${i}">Link ${i}</a>`).join(' ') + '</footer>');
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>groot</title>${tag}</head><body>${out.join('\n')}</body></html>`;
}

async function main() {
  const truth = JSON.parse(readFileSync(join(CORPUS, 'ground-truth.json'), 'utf8'));
  let ids = readdirSync(join(CORPUS, 'html'))
    .filter((f) => f.endsWith('.html.gz'))
    .map((f) => f.slice(0, -'.html.gz'.length))
    .filter((id) => truth[id])
    .sort();
  if (process.env.PAGES_ONLY) ids = ids.filter((id) => process.env.PAGES_ONLY.split(',').some((p) => id.startsWith(p)));
  if (process.env.PAGES_LIMIT) ids = ids.slice(0, Number(process.env.PAGES_LIMIT));

  const server = await startServer(DIST, {});
  const origin = `http://${HOST}:${server.address().port}`;
  const tag = `<script type="module" async src="${origin}/claimlens.js"></script>`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const rows = [];
  try {
    const load = async (html) => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e.message ?? e)));
      await page.addInitScript(`(${INIT})();`);
      const url = `${origin}/__page.html`;
      await page.route('**/*', (route) => {
        const u = route.request().url();
        if (u === url) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
        if (u.startsWith(`${origin}/`)) return route.continue();
        return route.abort();
      });
      try {
        await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 30000 });
        const got = await page.evaluate(COLLECT);
        return { ...got, errors };
      } finally {
        await context.close();
      }
    };

    for (const id of ids) {
      const html = gunzipSync(readFileSync(join(CORPUS, 'html', `${id}.html.gz`))).toString('utf8');
      let got;
      try {
        got = await load(prepare(html, tag));
      } catch (error) {
        got = { root: null, marks: [], msgs: [], errors: [`harness: ${error.message}`], findMs: null };
      }
      const body = truth[id].articleBody;
      const want = tokens(body);
      const wantText = ` ${want.join(' ')} `;
      const { recall, precision } = got.root === null ? { recall: 0, precision: 0 } : overlap(want, tokens(got.root));
      const outside = got.marks.filter((m) => {
        const window = [...tokens(m.before).slice(-4), ...tokens(m.text), ...tokens(m.after).slice(0, 4)];
        return window.length > 0 && !wantText.includes(` ${window.join(' ')} `);
      });
      const row = {
        id,
        host: new URL(truth[id].url).hostname.replace(/^www\./, ''),
        noRoot: got.root === null,
        recall,
        precision,
        marks: got.marks.length,
        outside: outside.length,
        errors: got.errors,
        consoleErrors: got.msgs.filter(([l]) => l === 'error').map(([, t]) => t),
        warned: got.msgs.filter(([l]) => l === 'warn').map(([, t]) => t),
        findMs: got.findMs,
        rootName: got.rootName,
        outsideSample: outside.slice(0, 3).map((m) => `${m.before.slice(-30)}[${m.text}]${m.after.slice(0, 30)}`),
      };
      rows.push(row);
      if (VERBOSE) {
        console.log(
          `${id.slice(0, 8)} ${row.host.padEnd(28)} ${row.noRoot ? 'NO ROOT' : `R ${recall.toFixed(2)} P ${precision.toFixed(2)}`} ${row.rootName ?? ''} marks ${row.marks} out ${row.outside}${row.findMs !== null ? ` find ${row.findMs.toFixed(2)} ms` : ''}${row.errors.length ? ` ERR ${row.errors[0].slice(0, 80)}` : ''}${row.warned.length ? ` WARN ${row.warned[0].slice(0, 100)}` : ''}${outside.length ? ` e.g. ${JSON.stringify(row.outsideSample[0])}` : ''}`,
        );
      }
    }

    const n = rows.length;
    const right = rows.filter((r) => r.recall >= 0.9 && r.precision >= 0.9).length;
    const r8 = rows.filter((r) => r.recall >= 0.8).length;
    const r8p5 = rows.filter((r) => r.recall >= 0.8 && r.precision >= 0.5).length;
    const r9 = rows.filter((r) => r.recall >= 0.9).length;
    const none = rows.filter((r) => r.noRoot).length;
    const clean = rows.filter((r) => r.outside === 0).length;
    const marks = rows.reduce((a, r) => a + r.marks, 0);
    const outside = rows.reduce((a, r) => a + r.outside, 0);
    const errs = rows.filter((r) => r.errors.length).length;
    const cerrs = rows.filter((r) => r.consoleErrors.length).length;
    const finds = rows.map((r) => r.findMs).filter((x) => x !== null);
    console.log(`pages: ${n} (${CORPUS})`);
    console.log(`right root (recall ≥ 0.9, precision ≥ 0.9): ${pct(right, n)}`);
    console.log(`root holds ≥ 90 % of the body: ${pct(r9, n)}; ≥ 80 %: ${pct(r8, n)}; ≥ 80 % with precision ≥ 0.5: ${pct(r8p5, n)}`);
    console.log(`median recall ${median(rows.map((r) => r.recall)).toFixed(3)}, median precision ${median(rows.filter((r) => !r.noRoot).map((r) => r.precision)).toFixed(3)}`);
    console.log(`no root (warned, nothing annotated): ${pct(none, n)}`);
    console.log(`highlights: ${marks}, outside the article text: ${outside}; pages with none outside: ${pct(clean, n)}`);
    console.log(`pages with page errors: ${errs}; with claimlens console errors: ${cerrs}`);
    if (finds.length) console.log(`detection (claimlens:find → found) on the corpus pages: median ${median(finds).toFixed(2)} ms, max ${Math.max(...finds).toFixed(2)} ms`);

    const big = [];
    for (let i = 0; i < LOADS; i++) {
      const got = await load(bigPage(tag));
      if (got.findMs !== null) big.push(got.findMs);
      if (i === 0) console.log(`20,000-word page: root ${got.rootName}, ${got.marks.length} highlights, ${got.errors.length} page errors`);
    }
    if (big.length) console.log(`detection on the 20,000-word page: median ${median(big).toFixed(2)} ms (min ${Math.min(...big).toFixed(2)}, max ${Math.max(...big).toFixed(2)}; ${big.length} loads)`);
    else console.log('detection on the 20,000-word page: no claimlens:find marks (a loader without detection)');
    if (process.env.PAGES_JSON) console.log(`#json ${JSON.stringify(rows)}`);
  } finally {
    await browser.close();
    server.close();
  }
}

await main();
