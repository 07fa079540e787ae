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
// widget (its first style and layout of the long article can be a long task by itself), loaded in
// the same rounds. BENCH_TAGS=deferred,async measures the loader's tag without and with `async`
// (bench/page.mjs withTag), interleaved load by load; the figures from navigation start compare
// them (an async module may start the loader earlier).
//
// Nothing of the harness runs in the page while it loads: the end of a load is reported by the
// page itself (a console message from an observer of the `claimlens:painted` mark). Playwright's
// `waitForFunction` evaluated its injected script (50-70 ms of main-thread script) in the page
// right after the load event, inside the measured window and often as a long task of its own.
//
//   [BENCH_LOADS=7] [BENCH_TAGS=async] node bench/browser.mjs DIST TEXTS_DIR
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bigPage, withTag, startServer, WORDS, HOST, CHROMIUM_ARGS } from './page.mjs';

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

/** One fresh load of `url`; `widget`: wait for the painted highlights (else 1 s after load). */
async function loadOnce(browser, url, widget) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(`const PAINTED = ${JSON.stringify(PAINTED)}; (${OBSERVE})();`);
    const done = widget ? painted(page) : null;
    await page.goto(url, { waitUntil: 'load' });
    if (done) await done;
    // Let the observers deliver what is left (they report asynchronously).
    await page.waitForTimeout(widget ? 300 : 1000);
    return await page.evaluate(() => {
      const t = (n) => performance.getEntriesByName(n)[0]?.startTime;
      const nav = performance.getEntriesByType('navigation')[0];
      return {
        ms: t('claimlens:painted') - t('claimlens:start'),
        // From navigation start: comparable between tags that start the loader at different
        // moments (an async module may run while the page is still being parsed).
        startAt: t('claimlens:start'),
        paintedAt: t('claimlens:painted'),
        dcl: nav?.domContentLoadedEventStart,
        load: nav?.loadEventStart,
        analyse: t('claimlens:ready') - t('claimlens:start'),
        longest: Math.max(0, ...window.__bench.longtasks.map(([, d]) => d)),
        // When each long task started, relative to the loader's start (negative: before it;
        // from navigation start without the widget).
        tasks: window.__bench.longtasks.map(([at, d]) => `${Math.round(at - (t('claimlens:start') ?? 0))}+${Math.round(d)}`),
        // The long animation frames of the load: scripts by file, and rendering (style, layout,
        // paint) at the end of the frame.
        frames: window.__bench.frames
          .filter((f) => f.duration > 50)
          .map(
            (f) =>
              `${Math.round(f.start - (t('claimlens:start') ?? 0))}+${Math.round(f.duration)} [${[...f.scripts.filter(([, d]) => d >= 1).map(([n, d]) => `${n} ${Math.round(d)}`), `rendering ${Math.round(f.rendering)}`].join(', ')}]`,
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
    });
  } finally {
    await context.close();
  }
}

const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The figures of a variant's loads. */
function summarize(runs) {
  const ms = runs.map((r) => r.ms).sort((a, b) => a - b);
  const worst = runs.reduce((a, b) => (b.longest > a.longest ? b : a));
  return {
    wasm: med(runs.map((r) => r.wasm)),
    // The part after the network: from the wasm file's last byte to the painted frame, per load
    // (on a busy machine the responses' times vary most).
    afterWasm: med(runs.map((r) => r.ms - r.wasm)),
    analyse: med(runs.map((r) => r.analyse)),
    startAt: med(runs.map((r) => r.startAt)),
    paintedAt: med(runs.map((r) => r.paintedAt)),
    dcl: med(runs.map((r) => r.dcl)),
    load: med(runs.map((r) => r.load)),
    tasks: worst.tasks,
    frames: worst.frames,
    median: ms[Math.floor(ms.length / 2)],
    min: ms[0],
    max: ms[ms.length - 1],
    longest: Math.max(...runs.map((r) => r.longest)),
    // Each load's longest task (0: none over 50 ms), sorted: the distribution.
    longestPerLoad: runs.map((r) => Math.round(r.longest)).sort((a, b) => a - b),
    longtasks: runs.reduce((n, r) => n + r.longtasks, 0),
    // Loads in which the loader started before DOMContentLoaded (an async module that arrived
    // while the page was being parsed).
    early: runs.filter((r) => r.startAt < r.dcl).length,
    shift: Math.max(...runs.map((r) => r.shift)),
    marks: runs[0].marks,
    text: runs[0].text,
  };
}

/**
 * LOADS loads of each variant ([name, path, widget?]), interleaved (one of each in turn), so that
 * the machine's load falls on every variant alike.
 */
async function measure(browser, base, variants) {
  const runs = variants.map(() => []);
  for (let i = 0; i < LOADS; i++) {
    for (const [v, [, path, widget]] of variants.entries()) runs[v].push(await loadOnce(browser, base + path, widget));
  }
  return runs.map(summarize);
}

// BENCH_TAGS: which of the loader's tags (bench/page.mjs withTag) to measure, interleaved:
// `async` (the tag publishers paste; default) and/or `deferred` (the tag without `async`).
const TAGS = (process.env.BENCH_TAGS || 'async').split(',').map((t) => t.trim());
const demo = readFileSync(join(DIST, 'index.html'), 'utf8');
const pages = {};
for (const tag of TAGS) {
  pages[`/demo-${tag}.html`] = withTag(demo, tag);
  pages[`/bench-20k-${tag}.html`] = bigPage(DIST, TEXTS, tag);
}
pages['/bench-20k-none.html'] = bigPage(DIST, TEXTS, 'none');
const server = await startServer(DIST, pages);
const base = `http://${HOST}:${server.address().port}/`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: CHROMIUM_ARGS,
});
const results = {};
const label = (name, tag) => (TAGS.length > 1 ? `${name} (${tag})` : name);
try {
  for (const [name, page, budget] of [
    ['demo', 'demo', true],
    [`${WORDS / 1000}k words`, 'bench-20k', false],
  ]) {
    const variants = TAGS.map((tag) => [label(name, tag), `${page}-${tag}.html`, true]);
    // The 20,000-word page without the widget in the same rounds: the page's own long tasks.
    if (!budget) variants.push([`${name} without the widget`, 'bench-20k-none.html', false]);
    const all = await measure(browser, base, variants);
    for (const [v, [vname, , widget]] of variants.entries()) {
      const r = all[v];
      results[vname] = r;
      if (!widget) {
        console.log(
          `chromium ${vname} (the page's own tasks): longest task ${r.longest.toFixed(0)} ms (${r.longtasks} long tasks in ${LOADS} loads; per load ${r.longestPerLoad.join(' ')}); long tasks of the worst load (start+duration ms, from navigation start): ${r.tasks.join(' ') || 'none'}; medians from navigation start: DOMContentLoaded ${r.dcl.toFixed(1)} ms, load ${r.load.toFixed(1)} ms`,
        );
        continue;
      }
      const verdicts = [
        budget ? `median ≤ 50 ms: ${r.median <= 50 ? 'ok' : 'OVER'}` : null,
        !budget ? `no task > 50 ms: ${r.longest <= 50 ? 'ok' : 'OVER'}` : null,
        `layout shift 0: ${r.shift === 0 ? 'ok' : 'OVER'}`,
      ].filter(Boolean);
      console.log(
        `chromium ${vname.padEnd(10)} ${String(r.text).padStart(7)} chars ${String(r.marks).padStart(5)} marks  loader start → painted: median ${r.median.toFixed(1)} ms (min ${r.min.toFixed(1)}, max ${r.max.toFixed(1)}, ${LOADS} loads)  longest task ${r.longest.toFixed(0)} ms (${r.longtasks} long tasks)  layout shift ${r.shift.toFixed(4)}  [${verdicts.join('; ')}]`,
      );
      console.log(
        `chromium ${vname.padEnd(10)} medians: wasm file received at ${r.wasm.toFixed(1)} ms, painted ${r.afterWasm.toFixed(1)} ms after it, annotation and UI complete (ready) at ${r.analyse.toFixed(1)} ms; from navigation start: loader start ${r.startAt.toFixed(1)} ms (before DOMContentLoaded in ${r.early} loads), DOMContentLoaded ${r.dcl.toFixed(1)}, load ${r.load.toFixed(1)}, painted ${r.paintedAt.toFixed(1)}; longest task per load ${r.longestPerLoad.join(' ')}; long tasks of the worst load (start+duration ms, from loader start): ${r.tasks.join(' ') || 'none'}; its long animation frames: ${r.frames.join(' ') || 'none'}`,
      );
    }
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`#json ${JSON.stringify(results)}`);
