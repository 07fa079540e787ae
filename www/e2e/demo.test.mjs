// End-to-end tests of the built demo (dist/, from `scripts/web-env.sh trunk build --release`) in
// Debian's Chromium, driven by playwright-core under `node --test`. Run: `cd www && node --test
// e2e/` (scripts/test.sh builds dist/ first). No browser download: Chromium is /usr/bin/chromium
// from apt.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, MIME } from './support.mjs';

// CLAIMLENS_DIST: serve another directory (to try the harness against a stand-in page).
const DIST = resolve(process.env.CLAIMLENS_DIST || fileURLToPath(new URL('../../dist/', import.meta.url)));
const HOST = '127.0.0.1';
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const MARK_TIMEOUT = 15_000; // the widget must have highlighted the article by then
const UI_TIMEOUT = 10_000; // popover open/close
const TEST_TIMEOUT = 120_000; // a slow 2-core machine


/** A static file server for dist/ on 127.0.0.1 and a free port. */
function startServer() {
  const server = createServer(async (req, res) => {
    try {
      const { pathname } = new URL(req.url, `http://${HOST}`);
      let file = normalize(join(DIST, decodeURIComponent(pathname)));
      if (file !== DIST && !file.startsWith(DIST + sep)) {
        res.writeHead(403).end();
        return;
      }
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file).catch(() => null);
      if (body === null) {
        // No favicon in dist/: answer 204 so Chromium's automatic request logs no console error.
        res.writeHead(pathname === '/favicon.ico' ? 204 : 404).end();
        return;
      }
      res.writeHead(200, {
        'content-type': MIME[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      res.end(body);
    } catch (err) {
      res.writeHead(500).end(String(err));
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, HOST, () => ok(server));
  });
}

async function waitUntilAnswers(url, ms = 10_000) {
  const deadline = Date.now() + ms;
  let last;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
      last = new Error(`HTTP ${res.status}`);
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`static server at ${url} did not answer within ${ms} ms: ${last}`);
}

// Sums the layout shifts not caused by recent input (the CLS definition) into window.__cls.
function installLayoutShiftObserver() {
  window.__cls = 0;
  window.__clsSources = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.hadRecentInput) continue;
        window.__cls += entry.value;
        for (const s of entry.sources ?? []) {
          const n = s.node;
          window.__clsSources.push(
            n ? `${n.nodeName}${n.className ? '.' + n.className : ''} (${entry.value.toFixed(4)})` : '?',
          );
        }
      }
    }).observe({ type: 'layout-shift', buffered: true });
  } catch (err) {
    window.__clsError = String(err);
  }
}

let server;
let baseUrl;
let browser;

// A failure here is stashed and rethrown by every test (see openDemo), so that it counts in the
// TAP summary's `# fail N` rather than as cancelled tests.
let setupError;

before(async () => {
  try {
    await setUp();
  } catch (err) {
    setupError = err;
  }
});

async function setUp() {
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error(`${DIST}/index.html not found: run \`scripts/web-env.sh trunk build --release\` first (scripts/test.sh does)`);
  }
  server = await startServer();
  baseUrl = `http://${HOST}:${server.address().port}/`;
  await waitUntilAnswers(baseUrl);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    timeout: 60_000,
    args: CHROMIUM_ARGS,
  });
}

after(async () => {
  await browser?.close();
  await new Promise((r) => (server ? server.close(r) : r()));
});

/** Opens the demo in a fresh context, recording page errors, console errors and requests. */
async function openDemo() {
  if (setupError) throw setupError;
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(UI_TIMEOUT);
  const log = { pageErrors: [], consoleErrors: [], requests: [] };
  page.on('pageerror', (err) => log.pageErrors.push(String(err?.stack ?? err)));
  page.on('console', (msg) => {
    if (msg.type() === 'error') log.consoleErrors.push(msg.text());
  });
  page.on('request', (req) => log.requests.push(req.url()));
  await page.addInitScript(installLayoutShiftObserver);
  await page.goto(baseUrl, { waitUntil: 'load', timeout: 30_000 });
  return { context, page, log };
}

function describeErrors(log) {
  const lines = [
    ...log.pageErrors.map((e) => `  page error: ${e}`),
    ...log.consoleErrors.map((e) => `  console error: ${e}`),
  ];
  return lines.length ? `\n${lines.join('\n')}` : ' (no page or console errors)';
}

/** Waits for the widget to highlight the article; fails with the page's errors if it does not. */
async function waitForMarks(page, log) {
  const marks = page.locator('article claimlens-mark');
  try {
    await marks.first().waitFor({ state: 'visible', timeout: MARK_TIMEOUT });
  } catch {
    assert.fail(`no visible <claimlens-mark> in the article within ${MARK_TIMEOUT / 1000} s${describeErrors(log)}`);
  }
  return marks;
}

/** Lets pending PerformanceObserver callbacks run, then reads window.__cls. */
async function readCls(page) {
  return page.evaluate(
    () =>
      new Promise((ok) =>
        requestAnimationFrame(() =>
          setTimeout(
            () => ok({ cls: window.__cls, sources: window.__clsSources, error: window.__clsError }),
            200,
          ),
        ),
      ),
  );
}

const DIALOG = 'claimlens-ui [role="dialog"]';

describe('claimlens demo (dist/)', () => {
  test('click a claim: popover with source and confidence, Escape returns focus, no layout shift', { timeout: TEST_TIMEOUT }, async () => {
    const { context, page, log } = await openDemo();
    try {
      const marks = await waitForMarks(page, log);
      const first = marks.first();
      const firstHandle = await first.elementHandle();
      await first.click();

      const dialog = page.locator(DIALOG);
      await dialog.waitFor({ state: 'visible' }).catch(() =>
        assert.fail(`clicking the first <claimlens-mark> opened no visible ${DIALOG}${describeErrors(log)}`),
      );
      const source = (await dialog.locator('.claimlens-source').first().textContent()) ?? '';
      assert.match(source, /KNMI/, `the first claim's .claimlens-source should name the KNMI, got ${JSON.stringify(source)}`);
      const confidence = ((await dialog.locator('.claimlens-confidence').first().textContent()) ?? '').trim();
      assert.match(confidence, /^\d{1,3}\s?%$/, `.claimlens-confidence should read like "80 %", got ${JSON.stringify(confidence)}`);

      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' }).catch(() => assert.fail('the popover is still visible after Escape'));
      const focus = await page.evaluate(
        (mark) => ({
          isMark: !!document.activeElement?.matches('claimlens-mark'),
          isClicked: document.activeElement === mark,
          active: document.activeElement ? document.activeElement.outerHTML.split('>')[0].slice(0, 120) + '>' : null,
        }),
        firstHandle,
      );
      assert.ok(focus.isMark, `after Escape, focus should be on a <claimlens-mark>; document.activeElement is ${focus.active}`);
      assert.ok(focus.isClicked, `after Escape, focus should return to the mark that was clicked; it is on ${focus.active}`);

      assert.deepEqual(log.pageErrors, [], `page errors:${describeErrors(log)}`);
      assert.deepEqual(log.consoleErrors, [], `console errors:${describeErrors(log)}`);
      const { cls, sources, error } = await readCls(page);
      assert.equal(error, undefined, `layout-shift observer failed: ${error}`);
      assert.equal(cls, 0, `cumulative layout shift should be 0, got ${cls}; shifted: ${sources.join(', ')}`);
    } finally {
      await context.close();
    }
  });

  test('keyboard: Tab reaches a claim, Enter opens the popover', { timeout: TEST_TIMEOUT }, async () => {
    const { context, page, log } = await openDemo();
    try {
      await waitForMarks(page, log);
      await page.evaluate(() => {
        document.activeElement?.blur?.();
        window.getSelection()?.removeAllRanges();
      });
      const MAX_TABS = 60;
      let reached = false;
      const visited = [];
      for (let i = 0; i < MAX_TABS && !reached; i++) {
        await page.keyboard.press('Tab');
        const now = await page.evaluate(() => {
          const el = document.activeElement;
          return { isMark: !!el?.matches('claimlens-mark'), name: el ? el.nodeName.toLowerCase() : 'none' };
        });
        visited.push(now.name);
        reached = now.isMark;
      }
      assert.ok(reached, `no <claimlens-mark> got focus within ${MAX_TABS} Tab presses; focus went: ${visited.join(' > ')}`);

      await page.keyboard.press('Enter');
      await page
        .locator(DIALOG)
        .waitFor({ state: 'visible' })
        .catch(() => assert.fail(`Enter on a focused <claimlens-mark> opened no visible ${DIALOG}${describeErrors(log)}`));
      assert.deepEqual(log.pageErrors, [], `page errors:${describeErrors(log)}`);
    } finally {
      await context.close();
    }
  });

  test('the painted mark: in the animation frame after the last highlight was added, before the UI', { timeout: TEST_TIMEOUT }, async () => {
    // Records, when the loader sets `claimlens:painted`, how many highlights are on the page,
    // whether the UI is there yet, and whether it runs in an animation frame callback.
    const init = () => {
      let inFrame = false;
      const raf = window.requestAnimationFrame.bind(window);
      window.requestAnimationFrame = (callback) =>
        raf((time) => {
          inFrame = true;
          try {
            return callback(time);
          } finally {
            inFrame = false;
          }
        });
      const mark = performance.mark.bind(performance);
      performance.mark = (name, ...rest) => {
        if (name === 'claimlens:painted') {
          window.__painted = {
            marks: document.querySelectorAll('article claimlens-mark').length,
            ui: document.querySelector('claimlens-ui') !== null,
            inFrame,
          };
        }
        return mark(name, ...rest);
      };
    };
    if (setupError) throw setupError;
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.addInitScript(init);
      await page.goto(baseUrl, { waitUntil: 'load', timeout: 30_000 });
      await page.evaluate(() => document.querySelector('script[src$="claimlens.js"]').claimlens.ready);
      const seen = await page.evaluate(() => ({
        painted: window.__painted,
        marks: document.querySelectorAll('article claimlens-mark').length,
        order: ['claimlens:start', 'claimlens:painted', 'claimlens:ready'].map((n) => performance.getEntriesByName(n)[0]?.startTime),
      }));
      assert.ok(seen.painted, 'no claimlens:painted mark');
      assert.ok(seen.marks > 0, 'no highlights');
      assert.equal(seen.painted.marks, seen.marks, 'every highlight is on the page at the painted mark');
      assert.equal(seen.painted.ui, false, 'the UI is mounted after the painted mark');
      assert.equal(seen.painted.inFrame, true, 'the painted mark is set in an animation frame callback');
      assert.ok(seen.order[0] < seen.order[1] && seen.order[1] <= seen.order[2], `marks out of order: ${seen.order}`);
      // The popover's data, made after the highlights, is there once ready, with the link the
      // article puts on the source (found from the text nodes the highlights split).
      await page.locator('article claimlens-mark[tabindex]').first().click();
      await page.locator(DIALOG).waitFor({ state: 'visible' });
      assert.match((await page.locator(DIALOG).locator('.claimlens-source').first().textContent()) ?? '', /KNMI/);
      assert.equal(await page.locator(DIALOG).locator('a.claimlens-link').first().getAttribute('href'), 'https://www.knmi.nl/');
    } finally {
      await context.close();
    }
  });

  test('loads nothing from any host but 127.0.0.1', { timeout: TEST_TIMEOUT }, async () => {
    const { context, page, log } = await openDemo();
    try {
      await waitForMarks(page, log);
      await page.waitForLoadState('networkidle', { timeout: 30_000 }).catch(() => {});
      assert.ok(log.requests.length > 0, 'recorded no requests at all');
      const foreign = log.requests.filter((u) => {
        const { protocol, hostname } = new URL(u);
        if (protocol === 'data:' || protocol === 'blob:') return false;
        return hostname !== HOST;
      });
      assert.deepEqual(foreign, [], `requests to other hosts: ${foreign.join(', ')}`);
    } finally {
      await context.close();
    }
  });
});
