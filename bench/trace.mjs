// What the long main-thread tasks of a page load are made of: loads a page (the demo, or the
// generated 20,000-word page of bench/browser.mjs) with a Chromium performance trace, and prints
// every renderer main-thread task of at least MIN ms (default 30) with the time its direct
// children took by kind (script evaluation, wasm compilation, style recalculation, layout,
// paint, …) and the wasm functions compiled lazily in it (V8 compiles each on its first call, on
// the main thread), the loader's User Timing marks, the widget's requests (sent, finished), and
// the number of style-invalidated elements, and each task's CPU time beside its wall time (on a
// busy machine they differ by 2-5×). MIN 1 gives the whole load, task by task. Then the task
// in which the loader's module was evaluated (the one holding the `claimlens:start` mark),
// whatever its length, with the page's milestones in it (parsing, DOMContentLoaded, load).
//
//   [TRACE_TAG=async|deferred] node bench/trace.mjs DIST TEXTS_DIR [demo|20k] [MIN_MS]
//   TRACE_OUT=/tmp/t.json node bench/trace.mjs …   (also writes the raw trace for DevTools)
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { bigPage, withTag, startServer, HOST, CHROMIUM_ARGS } from './page.mjs';

const require = createRequire(new URL('../www/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const [DIST, TEXTS] = process.argv.slice(2, 4).map((p) => resolve(p));
const which = process.argv[4] || '20k';
const MIN = Number(process.argv[5] || 30);

// TRACE_TAG: the loader's tag, `async` (the tag publishers paste) or `deferred` (without async).
const TAG = process.env.TRACE_TAG || 'async';
const server = await startServer(DIST, {
  '/demo.html': withTag(readFileSync(join(DIST, 'index.html'), 'utf8'), TAG),
  '/bench-20k.html': bigPage(DIST, TEXTS, TAG),
});
const url = `http://${HOST}:${server.address().port}/${which === 'demo' ? 'demo.html' : 'bench-20k.html'}`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await browser.startTracing(page, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.wasm', 'blink.user_timing', 'loading', 'toplevel'],
  });
  // The page reports the end of the load itself: nothing of the harness runs in it meanwhile
  // (Playwright's waitForFunction evaluated 50-70 ms of its own script there, after `load`).
  await page.addInitScript(() => {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'claimlens:ready') console.debug('__claimlens_trace:ready');
    }).observe({ type: 'mark' });
  });
  const ready = page.waitForEvent('console', { predicate: (m) => m.text() === '__claimlens_trace:ready', timeout: 60_000 });
  await page.goto(url, { waitUntil: 'load' });
  await ready;
  await page.waitForTimeout(300);
  const buffer = await browser.stopTracing();
  if (process.env.TRACE_OUT) writeFileSync(process.env.TRACE_OUT, buffer);
  const events = JSON.parse(buffer.toString()).traceEvents;

  // The renderer's main thread: where the loader's marks were set.
  const start = events.find((e) => e.name === 'claimlens:start');
  if (!start) throw new Error('no claimlens:start mark in the trace');
  const { pid } = start;
  const main = events.find((e) => e.pid === pid && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const tid = main?.tid ?? start.tid;
  const t0 = start.ts;
  const mine = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && typeof e.dur === 'number');
  const ms = (us) => (us / 1000).toFixed(1);
  for (const name of ['claimlens:start', 'claimlens:ready', 'claimlens:painted']) {
    const m = events.find((e) => e.name === name);
    if (m) console.log(`mark ${name.padEnd(18)} ${ms(m.ts - t0).padStart(8)} ms`);
  }
  // The widget's requests (the page's origin): when each was sent and finished.
  const origin = new URL(url).origin;
  const sent = new Map();
  for (const e of events) {
    const data = e.args?.data;
    if (e.name === 'ResourceSendRequest' && data?.url?.startsWith(origin)) sent.set(data.requestId, { file: data.url.slice(origin.length + 1) || '(page)', at: e.ts });
    if (e.name === 'ResourceFinish' && sent.has(data?.requestId)) sent.get(data.requestId).done = e.ts;
  }
  for (const r of sent.values()) console.log(`request ${r.file.padEnd(28)} sent ${ms(r.at - t0).padStart(8)} ms, finished ${r.done ? ms(r.done - t0) : '?'} ms`);
  const isTask = (e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask';
  // Outermost task events only (Chromium nests one kind of task event in the other).
  const tasks = mine
    .filter((e) => isTask(e) && e.dur >= MIN * 1000)
    .filter((e, _, all) => !all.some((o) => o !== e && o.ts <= e.ts && o.ts + o.dur >= e.ts + e.dur && (o.dur > e.dur || o.ts < e.ts)));
  console.log(`${tasks.length} main-thread tasks ≥ ${MIN} ms (start relative to claimlens:start)`);
  const describe = (task) => {
    const end = task.ts + task.dur;
    // Direct work inside the task: events nested in it, counted once (outermost only).
    const inner = mine
      .filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= end && e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask')
      .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    const byName = new Map();
    const stack = [];
    for (const e of inner) {
      while (stack.length && stack[stack.length - 1] <= e.ts) stack.pop();
      // Two levels: the task's direct children and what they contain.
      if (stack.length < 2) byName.set(e.name, (byName.get(e.name) ?? 0) + e.dur);
      stack.push(e.ts + e.dur);
    }
    // Lazy compilation of wasm functions on their first call (nested deeper than two levels).
    const lazy = inner.filter((e) => e.name === 'wasm.CompileLazy');
    if (lazy.length) byName.set(`wasm.CompileLazy×${lazy.length}`, lazy.reduce((n, e) => n + e.dur, 0));
    const top = [...byName].sort((a, b) => b[1] - a[1]).slice(0, 12);
    // `tdur`: the main thread's CPU time in the task. On a busy machine a task's wall time is
    // mostly waiting for a core (a 30-ms busy loop measured 31 ms wall, 14 ms CPU with two
    // other builds running); its CPU time is what our code can change.
    const cpu = typeof task.tdur === 'number' ? ` (CPU ${ms(task.tdur)} ms)` : '';
    console.log(`task at ${ms(task.ts - t0)} ms, ${ms(task.dur)} ms${cpu}: ${top.map(([n, d]) => `${n} ${ms(d)}`).join(', ')}`);
    for (const e of inner.filter((e) => e.name === 'UpdateLayoutTree' || e.name === 'Layout')) {
      const count = e.args?.elementCount ?? e.args?.beginData?.dirtyObjects ?? '';
      console.log(`    ${e.name} at ${ms(e.ts - t0)} ms: ${ms(e.dur)} ms ${count !== '' ? `(${count})` : ''}`);
    }
  };
  for (const task of tasks) describe(task);
  // The loader's module's task: the outermost task around the claimlens:start mark.
  const host = mine
    .filter((e) => isTask(e) && e.ts <= start.ts && e.ts + e.dur >= start.ts)
    .sort((a, b) => b.dur - a.dur)[0];
  if (host) {
    console.log(`the loader's module (${TAG} tag) was evaluated in:`);
    describe(host);
    // The page's milestones in that task (instant events of devtools.timeline).
    const milestones = events.filter(
      (e) => e.pid === pid && ['MarkDOMContent', 'MarkLoad', 'ParseHTML'].includes(e.name) && e.ts >= host.ts && e.ts <= host.ts + host.dur,
    );
    const names = [...new Set(milestones.map((e) => e.name))];
    console.log(`    page milestones in it: ${names.join(', ') || 'none'}`);
  }
  for (const name of ['MarkDOMContent', 'MarkLoad']) {
    const m = events.find((e) => e.pid === pid && e.name === name && (e.args?.data?.isMainFrame ?? true));
    if (m) console.log(`${name.padEnd(15)} at ${ms(m.ts - t0)} ms`);
  }
  await context.close();
} finally {
  await browser.close();
  server.close();
}
