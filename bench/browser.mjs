// The widget in headless Chromium (Debian's /usr/bin/chromium through playwright-core, flags as in
// www/e2e/demo.test.mjs): for the demo article and for a generated 20,000-word page, LOADS fresh
// page loads each, reporting
//   - loader start → all highlights painted: from the `claimlens:start` mark (first line the
//     loader runs) to `claimlens:painted` (the animation frame after the last highlight was
//     applied, i.e. the frame that paints them; the UI is mounted after it); median, min and max;
//   - the longest main-thread task (PerformanceObserver `longtask`, ≥ 50 ms by definition; 0 when
//     there was none) over the whole load;
//   - the layout-shift total (PerformanceObserver `layout-shift`);
// and, for telling the page's own long tasks from the widget's, the 20,000-word page without the
// widget (its first style and layout of the long article can be a long task by itself).
//
// Nothing of the harness runs in the page while it loads: the end of a load is reported by the
// page itself (a console message from an observer of the `claimlens:painted` mark). Playwright's
// `waitForFunction` evaluated its injected script (50-70 ms of main-thread script) in the page
// right after the load event, inside the measured window and often as a long task of its own.
//
//   node bench/browser.mjs DIST TEXTS_DIR
import { resolve } from 'node:path';
import { createRequire } from 'node:module';
import { bigPage, startServer, WORDS, HOST, CHROMIUM_ARGS } from './page.mjs';

const require = createRequire(new URL('../www/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const [DIST, TEXTS] = process.argv.slice(2).map((p) => resolve(p));
const LOADS = Number(process.env.BENCH_LOADS || 7);

// Installed before any page script: collects long tasks and layout shifts from the start.
const OBSERVE = () => {
  window.__bench = { longtasks: [], shift: 0, frames: [] };
  // Long animation frames say what a long task was made of: each script's share (by file) and
  // the frame's style, layout and paint.
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const end = e.startTime + e.duration;
        const scripts = new Map();
        for (const s of e.scripts) {
          const file = (s.sourceURL || s.invoker || '?').split('/').pop();
          scripts.set(file, (scripts.get(file) ?? 0) + s.duration);
        }
        window.__bench.frames.push({ start: e.startTime, duration: e.duration, rendering: e.renderStart ? end - e.renderStart : 0, scripts: [...scripts] });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    // No long-animation-frame entries in this browser.
  }
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__bench.longtasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__bench.shift += e.value;
  }).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'claimlens:painted') console.debug(PAINTED);
  }).observe({ type: 'mark' });
};
/** What OBSERVE logs once the highlights are painted. */
const PAINTED = '__claimlens_bench:painted';
/** Resolves when the page logs PAINTED; set up before the page loads. */
const painted = (page) =>
  page.waitForEvent('console', { predicate: (m) => m.text() === PAINTED, timeout: 60_000 });

async function measure(browser, url) {
  const runs = [];
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(`const PAINTED = ${JSON.stringify(PAINTED)}; (${OBSERVE})();`);
    const done = painted(page);
    await page.goto(url, { waitUntil: 'load' });
    await done;
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
          // The long animation frames of the load: scripts by file, and rendering (style, layout,
          // paint) at the end of the frame.
          frames: window.__bench.frames
            .filter((f) => f.duration > 50)
            .map(
              (f) =>
                `${Math.round(f.start - t('claimlens:start'))}+${Math.round(f.duration)} [${[...f.scripts.filter(([, d]) => d >= 1).map(([n, d]) => `${n} ${Math.round(d)}`), `rendering ${Math.round(f.rendering)}`].join(', ')}]`,
            ),
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
    // The part after the network: from the wasm file's last byte to the painted frame, per load
    // (on a busy machine the responses' times vary most).
    afterWasm: med(runs.map((r) => r.ms - r.wasm)),
    analyse: med(runs.map((r) => r.analyse)),
    tasks: worst.tasks,
    frames: worst.frames,
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

/**
 * The same page without the widget (its script tag removed), LOADS loads: the long tasks that are
 * the page's own (its first style and layout), for telling them from ours.
 */
async function control(browser, url) {
  const runs = [];
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(`const PAINTED = ${JSON.stringify(PAINTED)}; (${OBSERVE})();`);
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(1000);
    runs.push(await page.evaluate(() => window.__bench.longtasks));
    await context.close();
  }
  const longest = (r) => Math.max(0, ...r.map(([, d]) => d));
  const worst = runs.reduce((a, b) => (longest(b) > longest(a) ? b : a));
  return {
    longest: Math.max(...runs.map(longest)),
    longtasks: runs.reduce((n, r) => n + r.length, 0),
    tasks: worst.map(([at, d]) => `${Math.round(at)}+${Math.round(d)}`),
  };
}

const big = bigPage(DIST, TEXTS);
const server = await startServer(DIST, {
  '/bench-20k.html': big,
  '/bench-20k-off.html': big.replace(/<script type="module" src="claimlens\.js"[^>]*><\/script>/, ''),
});
const base = `http://${HOST}:${server.address().port}/`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: CHROMIUM_ARGS,
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
      `chromium ${name.padEnd(10)} medians: wasm file received at ${r.wasm.toFixed(1)} ms, painted ${r.afterWasm.toFixed(1)} ms after it, annotation and UI complete (ready) at ${r.analyse.toFixed(1)} ms; long tasks of the worst load (start+duration ms, from loader start): ${r.tasks.join(' ') || 'none'}; its long animation frames: ${r.frames.join(' ') || 'none'}`,
    );
  }
  const c = await control(browser, `${base}bench-20k-off.html`);
  results.control = c;
  console.log(
    `chromium ${WORDS / 1000}k words without the widget (the page's own tasks): longest task ${c.longest.toFixed(0)} ms (${c.longtasks} long tasks in ${LOADS} loads); long tasks of the worst load (start+duration ms, from navigation start): ${c.tasks.join(' ') || 'none'}`,
  );
} finally {
  await browser.close();
  server.close();
}
console.log(`#json ${JSON.stringify(results)}`);
