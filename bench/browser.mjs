// The widget in headless Chromium (Debian's /usr/bin/chromium through playwright-core, flags as in
// www/e2e/demo.test.mjs): for the demo article and for a generated 20,000-word page, LOADS fresh
// page loads each, reporting
//   - loader start → all highlights painted: from the `claimlens:start` mark (first line the
//     loader runs) to `claimlens:painted` (the animation frame after the last highlight was
//     applied, i.e. the frame that paints them); median, min and max;
//   - the longest main-thread task (PerformanceObserver `longtask`, ≥ 50 ms by definition; 0 when
//     there was none) over the whole load;
//   - the layout-shift total (PerformanceObserver `layout-shift`).
//
//   node bench/browser.mjs DIST TEXTS_DIR
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../www/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const [DIST, TEXTS] = process.argv.slice(2).map((p) => resolve(p));
const LOADS = Number(process.env.BENCH_LOADS || 7);
const WORDS = 20_000;
const HOST = '127.0.0.1';
const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
};

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The demo page with its article replaced by WORDS words of the generated Dutch text. */
function bigPage() {
  const demo = readFileSync(join(DIST, 'index.html'), 'utf8');
  const paras = readFileSync(join(TEXTS, 'nl-1000000.txt'), 'utf8').split('\n\n');
  let words = 0;
  const out = ['<h1>Een lang artikel</h1>'];
  for (let i = 0; words < WORDS && i < paras.length; i++) {
    const ws = paras[i].trim().split(/\s+/);
    const take = ws.slice(0, WORDS - words);
    words += take.length;
    // Some inline markup, as articles have: emphasis around the opening words of every fifth.
    const html = i % 5 === 0 ? `<em>${esc(take.slice(0, 3).join(' '))}</em> ${esc(take.slice(3).join(' '))}` : esc(take.join(' '));
    out.push(`<p>${html}</p>`);
  }
  return demo.replace(/<article>[\s\S]*<\/article>/, `<article>\n${out.join('\n')}\n</article>`);
}

function startServer(pages) {
  const server = createServer(async (req, res) => {
    const { pathname } = new URL(req.url, `http://${HOST}`);
    if (pages[pathname]) {
      res.writeHead(200, { 'content-type': MIME['.html'], 'cache-control': 'no-store' }).end(pages[pathname]);
      return;
    }
    let file = normalize(join(DIST, decodeURIComponent(pathname)));
    if (file !== DIST && !file.startsWith(DIST + sep)) return res.writeHead(403).end();
    if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
    const body = await readFile(file).catch(() => null);
    if (body === null) return res.writeHead(pathname === '/favicon.ico' ? 204 : 404).end();
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(body);
  });
  return new Promise((ok) => server.listen(0, HOST, () => ok(server)));
}

// Installed before any page script: collects long tasks and layout shifts from the start.
const OBSERVE = () => {
  window.__bench = { longtasks: [], shift: 0 };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__bench.longtasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__bench.shift += e.value;
  }).observe({ type: 'layout-shift', buffered: true });
};

async function measure(browser, url) {
  const runs = [];
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(OBSERVE);
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => performance.getEntriesByName('claimlens:painted').length > 0, null, { timeout: 60_000 });
    // Let the observers deliver what is left (they report asynchronously).
    await page.waitForTimeout(300);
    runs.push(
      await page.evaluate(() => {
        const t = (n) => performance.getEntriesByName(n)[0]?.startTime;
        return {
          ms: t('claimlens:painted') - t('claimlens:start'),
          analyse: t('claimlens:ready') - t('claimlens:start'),
          longest: Math.max(0, ...window.__bench.longtasks.map(([, d]) => d)),
          // When each long task started, relative to the loader's start (negative: before it).
          tasks: window.__bench.longtasks.map(([at, d]) => `${Math.round(at - t('claimlens:start'))}+${Math.round(d)}`),
          wasm: (() => {
            const e = performance.getEntriesByType('resource').find((r) => r.name.endsWith('.wasm'));
            return e ? e.responseEnd - t('claimlens:start') : NaN;
          })(),
          longtasks: window.__bench.longtasks.length,
          shift: window.__bench.shift,
          marks: document.querySelectorAll('claimlens-mark').length,
          text: (document.querySelector('article')?.textContent ?? '').length,
        };
      }),
    );
    await context.close();
  }
  const ms = runs.map((r) => r.ms).sort((a, b) => a - b);
  const med = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const worst = runs.reduce((a, b) => (b.longest > a.longest ? b : a));
  return {
    wasm: med(runs.map((r) => r.wasm)),
    analyse: med(runs.map((r) => r.analyse)),
    tasks: worst.tasks,
    median: ms[Math.floor(ms.length / 2)],
    min: ms[0],
    max: ms[ms.length - 1],
    longest: Math.max(...runs.map((r) => r.longest)),
    longtasks: runs.reduce((n, r) => n + r.longtasks, 0),
    shift: Math.max(...runs.map((r) => r.shift)),
    marks: runs[0].marks,
    text: runs[0].text,
  };
}

const pages = { '/bench-20k.html': bigPage() };
const server = await startServer(pages);
const base = `http://${HOST}:${server.address().port}/`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const results = {};
try {
  for (const [name, path, budget] of [
    ['demo', '', true],
    [`${WORDS / 1000}k words`, 'bench-20k.html', false],
  ]) {
    const r = await measure(browser, base + path);
    results[name] = r;
    const verdicts = [
      budget ? `median ≤ 50 ms: ${r.median <= 50 ? 'ok' : 'OVER'}` : null,
      !budget ? `no task > 50 ms: ${r.longest <= 50 ? 'ok' : 'OVER'}` : null,
      `layout shift 0: ${r.shift === 0 ? 'ok' : 'OVER'}`,
    ].filter(Boolean);
    console.log(
      `chromium ${name.padEnd(10)} ${String(r.text).padStart(7)} chars ${String(r.marks).padStart(5)} marks  loader start → painted: median ${r.median.toFixed(1)} ms (min ${r.min.toFixed(1)}, max ${r.max.toFixed(1)}, ${LOADS} loads)  longest task ${r.longest.toFixed(0)} ms (${r.longtasks} long tasks)  layout shift ${r.shift.toFixed(4)}  [${verdicts.join('; ')}]`,
    );
    console.log(
      `chromium ${name.padEnd(10)} medians: wasm file received at ${r.wasm.toFixed(1)} ms, annotation complete (ready) at ${r.analyse.toFixed(1)} ms; long tasks of the worst load (start+duration ms, from loader start): ${r.tasks.join(' ') || 'none'}`,
    );
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`#json ${JSON.stringify(results)}`);
