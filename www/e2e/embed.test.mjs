// End-to-end tests of embedding on publishers' pages (issue 6): the widget from dist/ on host pages
// the project writes (www/e2e/pages/), in Debian's Chromium driven by playwright-core.
// Run: `cd www && node --test e2e/` (CLAIMLENS_DIST=/path/to/dist to test another build).
//
// On every page: destroy() restores the article's innerHTML exactly, there are no page errors, and
// without configuration the widget makes no request beyond its own files (counted).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, MIME } from './support.mjs';

const DIST = resolve(process.env.CLAIMLENS_DIST || fileURLToPath(new URL('../../dist/', import.meta.url)));
const PAGES = fileURLToPath(new URL('./pages/', import.meta.url));
const HOST = '127.0.0.1';
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const TEST_TIMEOUT = 120_000;
const MARK_TIMEOUT = 15_000;
/** The policy docs/embedding.md documents: served as a header on the strict pages. */
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
/** The widget's own files: the only requests it may make unless a source list is configured. */
const WIDGET_FILES = ['/claimlens.js', '/claimlens-widget.js', '/claimlens-widget_bg.wasm', '/claimlens.css', '/claimlens-ui.css'];


// Pages whose parsing the server holds, for the `async` tag's run while the page is parsed:
//   - STREAMED: sent in two parts, the rest (after STREAM_MARKER) once the loader has
//     started (the page's init script reports the `claimlens:start` mark to /pages/__started), so
//     the loader runs while the HTML is still arriving;
//   - BLOCKED, BLOCKED_OFF, NO_ROOT: sent whole, but the parser waits for HOLD (a classic script
//     after the tag), which is answered only once the wasm has been requested: the HTML has
//     arrived, the parser has not reached the configuration block or the article (BLOCKED: the
//     story; a teaser <article> comes before the tag).
// Each wait ends after STREAM_WAIT anyway (within page.goto's 10 s), so that a loader that does
// otherwise fails on the assertions, not on a timeout.
const STREAMED = 'async-config-after.html';
const BLOCKED_OFF = 'async-off.html';
const BLOCKED = 'async-blocked.html';
const NO_ROOT = 'async-no-root.html';
const HOLD = 'hold.js';
const STREAM_MARKER = '<!-- claimlens-e2e: the rest -->';
const STREAM_WAIT = 5_000;
/** What happened around the held responses of the last such page. */
const held = { started: null, wasmBeforeRest: null, wasmWhileBlocked: null };
let wasmRequested = false;
let waiters = [];

/** Resolves to true when `name` ('started', 'wasm') is signalled, false after STREAM_WAIT. */
function waitFor(name) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), STREAM_WAIT);
    waiters.push({ name, resolve: () => (clearTimeout(timer), resolve(true)) });
  });
}

function signal(name) {
  for (const w of waiters.filter((w) => w.name === name)) w.resolve();
  waiters = waiters.filter((w) => w.name !== name);
}

/** Sends a STREAMED page's head, then its rest once the loader has started. */
async function streamPage(body, headers, res) {
  const text = body.toString('utf8');
  const cut = text.indexOf(STREAM_MARKER);
  res.writeHead(200, headers);
  res.write(text.slice(0, cut));
  held.started = await waitFor('started');
  held.wasmBeforeRest = wasmRequested;
  res.end(text.slice(cut));
}

/**
 * dist/ at `/`, the host pages at `/pages/`; the CSP header on csp.html and xss.html; STREAMED in
 * two parts.
 */
function startServer() {
  const server = createServer(async (req, res) => {
    const { pathname, searchParams } = new URL(req.url, `http://${HOST}`);
    if (pathname === '/claimlens-widget_bg.wasm') {
      wasmRequested = true;
      signal('wasm');
    }
    if (pathname === '/pages/__started') {
      signal('started');
      return res.writeHead(204).end();
    }
    if (pathname === `/pages/${HOLD}`) {
      held.wasmWhileBlocked = await waitFor('wasm');
      return res.writeHead(200, { 'content-type': MIME['.js'], 'cache-control': 'no-store' }).end('// held until the wasm was requested\n');
    }
    if ([STREAMED, BLOCKED, BLOCKED_OFF, NO_ROOT].some((p) => pathname === `/pages/${p}`)) {
      wasmRequested = false;
      Object.assign(held, { started: null, wasmBeforeRest: null, wasmWhileBlocked: null });
    }
    const [dir, rel] = pathname.startsWith('/pages/') ? [PAGES, pathname.slice(7)] : [DIST, pathname];
    const file = normalize(join(dir, decodeURIComponent(rel)));
    if (!file.startsWith(dir.endsWith(sep) ? dir : dir + sep)) return res.writeHead(403).end();
    const body = await readFile(file).catch(() => null);
    if (body === null) return res.writeHead(pathname === '/favicon.ico' ? 204 : 404).end();
    const headers = { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
    const name = rel.split('/').pop();
    if ((name === 'csp.html' || name === 'xss.html') && !searchParams.has('nocsp')) headers['content-security-policy'] = CSP;
    if (name === STREAMED) return streamPage(body, headers, res);
    res.writeHead(200, headers).end(body);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, HOST, () => ok(server));
  });
}

let server;
let base;
let browser;
let setupError;

before(async () => {
  try {
    if (!existsSync(join(DIST, 'claimlens-widget_bg.wasm'))) throw new Error(`${DIST} has no widget: run scripts/web-env.sh trunk build --release first`);
    server = await startServer();
    base = `http://${HOST}:${server.address().port}/pages/`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      timeout: 60_000,
      args: CHROMIUM_ARGS,
    });
  } catch (err) {
    setupError = err;
  }
});

after(async () => {
  await browser?.close();
  await new Promise((r) => (server ? server.close(r) : r()));
});

// Runs in every page before its own scripts: the XSS trap and the CSP violation listener.
function instrument() {
  window.__xss = 0;
  window.trap = () => {
    window.__xss += 1;
  };
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  window.__hostErrors = 0;
  window.addEventListener('error', () => (window.__hostErrors += 1));
  window.addEventListener('unhandledrejection', () => (window.__hostErrors += 1));
  // The article as parsed, before any module script (our loader) runs: readyState turns
  // "interactive" before deferred and module scripts execute. A snapshot taken after `load`
  // races with the widget.
  document.addEventListener('readystatechange', () => {
    if (document.readyState === 'interactive') window.__pristine = document.querySelector('article')?.innerHTML ?? null;
  });
  // The pages whose parsing the server holds (async-*.html) learn of the loader's start from here.
  if (/\/async-[^/]*$/.test(location.pathname)) {
    new PerformanceObserver((list) => {
      if (list.getEntries().some((e) => e.name === 'claimlens:start')) fetch('/pages/__started');
    }).observe({ type: 'mark' });
  }
}

/**
 * Opens a host page, recording errors, console messages and requests. `route`: a Playwright route
 * ({ match, handler }); `init`: a function run in the page before its scripts, after `instrument`.
 */
async function open(name, { route, init } = {}) {
  if (setupError) throw setupError;
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const log = { pageErrors: [], errors: [], warnings: [], requests: [] };
  page.on('pageerror', (e) => log.pageErrors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') log.errors.push(m.text());
    if (m.type() === 'warning') log.warnings.push(m.text());
  });
  page.on('request', (r) => log.requests.push({ url: new URL(r.url()), type: r.resourceType() }));
  if (route) await page.route(route.match, route.handler);
  await page.addInitScript(instrument);
  if (init) await page.addInitScript(init);
  await page.goto(base + name, { waitUntil: 'load' });
  return { context, page, log };
}

async function waitForMarks(page, log, selector = 'claimlens-mark') {
  try {
    await page.locator(selector).first().waitFor({ state: 'attached', timeout: MARK_TIMEOUT });
  } catch {
    assert.fail(`no ${selector} within ${MARK_TIMEOUT / 1000} s; errors: ${JSON.stringify(log)}`);
  }
}

/** The auto-run's handle lives on our script element. */
const destroy = (page) => page.evaluate(() => document.querySelector('script[src$="claimlens.js"]').claimlens.destroy());
const articleHtml = (page, sel = 'article') => page.evaluate((s) => document.querySelector(s).innerHTML, sel);
const pristine = (page) => page.evaluate(() => window.__pristine);
const settle = (page, ms = 900) => page.waitForTimeout(ms);

/** Requests other than the page's own files and the widget's. */
function extraRequests(log) {
  return log.requests
    .filter(({ url }) => url.protocol !== 'data:')
    .map(({ url }) => url.pathname)
    .filter((p) => !p.startsWith('/pages/') && !WIDGET_FILES.includes(p));
}

/** The fetch/XHR requests (paths) beyond the widget's own files (the loader fetches the .wasm)
 * and the paths in `also`. */
function fetchedBeyondWidget(log, also = []) {
  return log.requests
    .filter((r) => (r.type === 'fetch' || r.type === 'xhr') && !WIDGET_FILES.includes(r.url.pathname))
    .map((r) => r.url.pathname)
    .filter((p) => !also.includes(p));
}

/** The widget's files that were requested, but the loader itself. */
function widgetFilesButLoader(log) {
  return log.requests.map((r) => r.url.pathname).filter((p) => WIDGET_FILES.includes(p) && p !== '/claimlens.js');
}

/** No fetch/XHR, and nothing but page files and the widget's own files. */
function assertNoNetwork(log) {
  assert.deepEqual(fetchedBeyondWidget(log), [], 'the widget made fetch/XHR requests without configuration');
  const foreign = log.requests.filter(({ url }) => url.protocol !== 'data:' && url.hostname !== HOST);
  assert.deepEqual(foreign, [], 'requests off 127.0.0.1');
  assert.deepEqual(extraRequests(log), [], 'requests beyond the page and the widget files');
}

function assertClean(log) {
  assert.deepEqual(log.pageErrors, [], 'page errors');
  assert.deepEqual(log.errors, [], 'console errors');
}

/** Opens a page, checks marks, destroy() and the network; `check` runs in between. `options`: open()'s. */
async function roundTrip(name, check = async () => {}, options = {}) {
  const { context, page, log } = await open(name, options);
  try {
    const before = await pristine(page);
    await waitForMarks(page, log);
    await check(page, log);
    await destroy(page);
    assert.equal(await articleHtml(page), before, 'destroy() restores the article exactly');
    assert.equal(await page.locator('claimlens-mark, claimlens-ui').count(), 0, 'nothing of ours is left');
    return { page, log, context };
  } catch (err) {
    await context.close();
    throw err;
  }
}

describe('embedding on host pages', () => {
  test('strict CSP: works with the documented policy, no violation, no network', { timeout: TEST_TIMEOUT }, async () => {
    const { page, log, context } = await roundTrip('csp.html', async (page) => {
      await page.locator('claimlens-mark[tabindex]').first().click();
      await page.locator('claimlens-ui [role="dialog"]').waitFor({ state: 'visible' });
      const styled = await page.evaluate(() => document.querySelectorAll('article [style], claimlens-mark[style]').length);
      assert.equal(styled, 0, 'no style attributes on the host page');
    });
    try {
      assert.deepEqual(await page.evaluate(() => window.__violations), [], 'CSP violations');
      assertClean(log);
      assertNoNetwork(log);
    } finally {
      await context.close();
    }
  });

  test('hostile CSS: popover still visible and styled by us', { timeout: TEST_TIMEOUT }, async () => {
    const { log, context } = await roundTrip('hostile.html', async (page) => {
      await page.locator('claimlens-mark[tabindex]').first().click();
      const dialog = page.locator('claimlens-ui [role="dialog"]');
      await dialog.waitFor({ state: 'visible' });
      const size = await dialog.evaluate((d) => getComputedStyle(d).fontSize);
      assert.notEqual(size, '40px', 'page CSS does not reach the popover');
    });
    try {
      assertClean(log);
      assertNoNetwork(log);
    } finally {
      await context.close();
    }
  });

  test('late paragraphs and "read more" are annotated; edited and removed highlights dropped; destroy restores', { timeout: TEST_TIMEOUT }, async () => {
    const { context, page, log } = await open('late.html');
    try {
      await waitForMarks(page, log);
      // The lazy paragraph (45 bussen) and the unhidden one (2,5 miljoen) get highlights.
      await page.waitForFunction(() => {
        const t = [...document.querySelectorAll('#story claimlens-mark')].map((m) => m.textContent).join('|');
        return t.includes('45') && t.includes('2,5 miljoen');
      }, null, { timeout: MARK_TIMEOUT });
      // An edit inside a highlight: the old claim is gone, no mark holds the old text.
      await page.evaluate(() => window.editText('38', 'veel'));
      await settle(page);
      const marks = await page.evaluate(() => [...document.querySelectorAll('#story claimlens-mark')].map((m) => m.textContent));
      assert.ok(!marks.some((t) => t.includes('38')), `edited claim still highlighted: ${marks}`);
      // A paragraph re-rendered and another removed: no mark outside the article, none detached.
      await page.evaluate(() => window.rewrite(0, 'Een nieuwe alinea zonder getallen.'));
      await page.evaluate(() => window.removeParagraph(2));
      await settle(page);
      const detached = await page.evaluate(() => [...document.querySelectorAll('claimlens-mark')].filter((m) => !m.closest('#story')).length);
      assert.equal(detached, 0);
      assert.ok((await page.locator('#story claimlens-mark').count()) > 0, 'the rest is still highlighted');
      await destroy(page);
      assert.equal(await articleHtml(page, '#story'), await page.evaluate(() => window.expected()), 'destroy() after changes');
      assertClean(log);
      assertNoNetwork(log);
    } finally {
      await context.close();
    }
  });

  test('single-page app replacing its article: the new one is annotated, the old one restored', { timeout: TEST_TIMEOUT }, async () => {
    const { context, page, log } = await open('spa.html');
    try {
      await waitForMarks(page, log);
      await page.evaluate(() => window.navigate());
      await page.waitForFunction(() => document.querySelector('article claimlens-mark'), null, { timeout: MARK_TIMEOUT });
      const text = await page.evaluate(() => document.querySelector('article').textContent);
      assert.match(text, /TESO/);
      assert.equal(await page.evaluate(() => window.__old.innerHTML === window.__oldHtml), true, 'the replaced article is restored');
      assert.equal(await page.locator('claimlens-ui').count(), 1, 'one UI');
      await destroy(page);
      assert.equal(await articleHtml(page), await page.evaluate(() => window.__expected));
      assertClean(log);
      assertNoNetwork(log);
    } finally {
      await context.close();
    }
  });

  test('right-to-left page', { timeout: TEST_TIMEOUT }, async () => {
    const { log, context } = await roundTrip('rtl.html', async (page) => {
      await page.locator('claimlens-mark[tabindex]').first().click();
      const box = await page.locator('claimlens-ui [role="dialog"]').boundingBox();
      const width = await page.evaluate(() => innerWidth);
      assert.ok(box && box.x >= 0 && box.x + box.width <= width + 1, `popover inside the viewport: ${JSON.stringify(box)}`);
    });
    try {
      assertClean(log);
      assertNoNetwork(log);
    } finally {
      await context.close();
    }
  });

  test('iframes and contenteditable regions are left alone', { timeout: TEST_TIMEOUT }, async () => {
    const { log, context } = await roundTrip('frames.html', async (page) => {
      assert.equal(await page.locator('[contenteditable] claimlens-mark').count(), 0);
      const inFrame = await page.frames()[1]?.evaluate(() => document.querySelectorAll('claimlens-mark').length);
      assert.equal(inFrame ?? 0, 0);
      // Typing in the editable region does not re-annotate (marks stay the same elements).
      const first = await page.evaluateHandle(() => document.querySelector('claimlens-mark'));
      await page.locator('[contenteditable] p').click();
      await page.keyboard.type(' extra 99 woorden');
      await settle(page);
      assert.equal(await page.evaluate((m) => m.isConnected, first), true);
      assert.equal(await page.locator('[contenteditable] claimlens-mark').count(), 0);
      // Put the editable text back as it was, so that the page's HTML is comparable.
      await page.evaluate(() => {
        document.querySelector('[contenteditable] p').textContent = 'Volgens de brandweer zijn 12 woningen verwoest, zegt een woordvoerder.';
      });
    });
    try {
      assertClean(log);
      assertNoNetwork(log);
    } finally {
      await context.close();
    }
  });

  test('script, code and pre blocks are skipped', { timeout: TEST_TIMEOUT }, async () => {
    const { log, context } = await roundTrip('code.html', async (page) => {
      assert.equal(await page.locator('pre claimlens-mark, code claimlens-mark, script claimlens-mark').count(), 0);
      const texts = await page.evaluate(() => [...document.querySelectorAll('claimlens-mark')].map((m) => m.textContent).join('|'));
      assert.ok(!/600|140|150/.test(texts), texts);
    });
    try {
      assertClean(log);
      assertNoNetwork(log);
    } finally {
      await context.close();
    }
  });

  test('ClaimReview JSON-LD and a source list: verdict and source in the popover, one request, malformed JSON-LD warned', { timeout: TEST_TIMEOUT }, async () => {
    const { log, context } = await roundTrip('publisher.html', async (page, log) => {
      const reviewed = page.locator('claimlens-mark[tabindex]', { hasText: '12.500' }).first();
      await reviewed.click();
      const dialog = page.locator('claimlens-ui [role="dialog"]');
      await dialog.waitFor({ state: 'visible' });
      const text = await dialog.textContent();
      assert.match(text, /Grotendeels onwaar/, text);
      assert.match(text, /Factcheck Kustblad/, text);
      assert.match(text, /Nederlandse Spoorwegen/, `source list name: ${text}`);
      const links = await dialog.locator('a').evaluateAll((as) => as.map((a) => [a.href, a.rel]));
      for (const [href, rel] of links) {
        assert.match(href, /^https?:/);
        assert.match(rel, /noopener/);
        assert.match(rel, /noreferrer/);
      }
      const annotations = await page.evaluate(() => document.querySelector('script[src$="claimlens.js"]').claimlens.annotations());
      assert.ok(annotations.length > 0);
      const a = annotations[0];
      assert.equal(a.type, 'Annotation');
      const quote = a.target.selector.find((s) => s.type === 'TextQuoteSelector');
      const pos = a.target.selector.find((s) => s.type === 'TextPositionSelector');
      assert.ok(quote.exact && typeof quote.prefix === 'string' && pos.end > pos.start);
      assert.ok(log.warnings.some((w) => /JSON-LD block 2/.test(w)), `warnings: ${log.warnings}`);
    });
    try {
      assertClean(log);
      assert.deepEqual(fetchedBeyondWidget(log), ['/pages/sources.json'], 'exactly the configured source list');
    } finally {
      await context.close();
    }
  });

  /** When the loader started and when the parser finished, from navigation start. */
  const startAndParsed = (page) =>
    page.evaluate(() => ({
      start: performance.getEntriesByName('claimlens:start')[0]?.startTime,
      parsed: performance.getEntriesByType('navigation')[0].domInteractive,
    }));

  /** The configuration block after the tag applied: root "#story" (not the teaser), source list. */
  async function assertConfigAfterTag(page) {
    assert.equal(await page.locator('article.teaser claimlens-mark').count(), 0, 'the teaser is not the root');
    await page.locator('#story claimlens-mark[tabindex]', { hasText: '12.500' }).first().click();
    const dialog = page.locator('claimlens-ui [role="dialog"]');
    await dialog.waitFor({ state: 'visible' });
    const text = await dialog.textContent();
    assert.match(text, /Nederlandse Spoorwegen/, `the source list's name for NS: ${text}`);
  }

  /** The configured source list and nothing else beyond the page and the widget's files. */
  function assertOnlySourceList(log) {
    assert.deepEqual(fetchedBeyondWidget(log, ['/pages/__started']), ['/pages/sources.json'], 'exactly the configured source list');
    assert.deepEqual(extraRequests(log), [], 'requests beyond the page, the widget files and the list');
  }

  for (const [name, what] of [
    [STREAMED, 'while the HTML is arriving: nothing requested until it has'],
    [BLOCKED, 'with the HTML all arrived: the files requested at once'],
  ]) {
    test(`async tag run while the page is parsed, ${what}; the configuration block after the tag is applied, a claim shows its listed source`, { timeout: TEST_TIMEOUT }, async () => {
      const { log, context } = await roundTrip(name, async (page) => {
        const order = await startAndParsed(page);
        assert.ok(order.start < order.parsed, `the loader started before the page was parsed: ${JSON.stringify(order)}`);
        if (name === STREAMED) {
          assert.equal(held.started, true, 'the loader started while the rest of the page was held back');
          assert.equal(held.wasmBeforeRest, false, 'the wasm was requested before the page had arrived');
        } else {
          assert.equal(held.wasmWhileBlocked, true, 'the wasm was requested while the parser was blocked');
        }
        await assertConfigAfterTag(page);
      });
      try {
        assertClean(log);
        assertOnlySourceList(log);
      } finally {
        await context.close();
      }
    });
  }

  test('async tag run while the page is parsed, switched off by the block before it: nothing is loaded', { timeout: TEST_TIMEOUT }, async () => {
    const { context, page, log } = await open(BLOCKED_OFF);
    try {
      const order = await startAndParsed(page);
      assert.ok(order.start < order.parsed, `the loader ran while the page was parsed: ${JSON.stringify(order)}`);
      assert.equal(held.wasmWhileBlocked, false, 'the wasm was requested while the parser was blocked');
      await settle(page, 1500);
      assert.equal(await page.locator('claimlens-mark').count(), 0);
      assert.deepEqual(widgetFilesButLoader(log), [], 'none of the widget files but the loader was requested');
      assertClean(log);
    } finally {
      await context.close();
    }
  });

  test('async tag on a page with no article (an index page), its HTML all arrived: none of the widget\'s files is requested', { timeout: TEST_TIMEOUT }, async () => {
    const { context, page, log } = await open(NO_ROOT);
    try {
      const order = await startAndParsed(page);
      assert.ok(order.start < order.parsed, `the loader ran while the page was parsed: ${JSON.stringify(order)}`);
      assert.equal(held.wasmWhileBlocked, false, 'the wasm was requested while the parser was blocked');
      await settle(page, 1500);
      assert.deepEqual(widgetFilesButLoader(log), [], 'none of the widget files but the loader was requested');
      assert.ok(log.warnings.some((w) => /no article found/.test(w)), `the loader says it found no article: ${log.warnings}`);
      assertClean(log);
    } finally {
      await context.close();
    }
  });

  test('a long article: its text is counted only up to the small-article limit, never read whole', { timeout: TEST_TIMEOUT }, async () => {
    // Counts the main world's TreeWalker steps and reads of the article's textContent (the wasm
    // reads text nodes one by one and walks the DOM itself; Playwright's locators run in a world
    // of their own).
    const init = () => {
      window.__walked = 0;
      window.__articleTextReads = 0;
      const next = TreeWalker.prototype.nextNode;
      TreeWalker.prototype.nextNode = function () {
        window.__walked += 1;
        return next.call(this);
      };
      const text = Object.getOwnPropertyDescriptor(Node.prototype, 'textContent');
      Object.defineProperty(Node.prototype, 'textContent', {
        ...text,
        get() {
          if (this.localName === 'article') window.__articleTextReads += 1;
          return text.get.call(this);
        },
      });
    };
    const { log, context } = await roundTrip('long.html', async (page) => {
      await page.evaluate(() => document.querySelector('script[src$="claimlens.js"]').claimlens.ready.then(() => true));
      const seen = await page.evaluate(() => ({ walked: window.__walked, reads: window.__articleTextReads }));
      assert.equal(seen.reads, 0, 'the article\'s whole text was built as one string');
      // 300 paragraphs, each a text node and a line break after it; the limit (8 K units) is
      // passed within the first ~100.
      assert.ok(seen.walked > 0 && seen.walked < 300, `text nodes counted: ${seen.walked} (the article has over 600)`);
      assert.ok((await page.locator('article p:nth-of-type(250) claimlens-mark').count()) > 0, 'the end of the article is annotated');
      // The popover data of a claim near the end (made after the highlights, some claims at a
      // time) names its source: paragraph 250 is a `Volgens het KNMI` line.
      await page.locator('article p:nth-of-type(250) claimlens-mark[tabindex]').first().click();
      const dialog = page.locator('claimlens-ui [role="dialog"]');
      await dialog.waitFor({ state: 'visible' });
      assert.match((await dialog.locator('.claimlens-source').first().textContent()) ?? '', /KNMI/);
      await page.keyboard.press('Escape');
    }, { init });
    try {
      assertClean(log);
      assertNoNetwork(log);
    } finally {
      await context.close();
    }
  });

  test('destroy() right after the highlights are painted, before the UI: the article is restored, no UI comes', { timeout: TEST_TIMEOUT }, async () => {
    // Destroys the automatic run in the animation frame that sets `claimlens:painted`: the
    // popover data is then still being made (a long article: several steps) and the UI not
    // mounted.
    const init = () => {
      const mark = performance.mark.bind(performance);
      performance.mark = (name, ...rest) => {
        const entry = mark(name, ...rest);
        if (name === 'claimlens:painted') {
          window.__marksAtPainted = document.querySelectorAll('article claimlens-mark').length;
          document.querySelector('script[src$="claimlens.js"]').claimlens.destroy();
        }
        return entry;
      };
    };
    const { context, page, log } = await open('long.html', { init });
    try {
      const before = await pristine(page);
      await page.waitForFunction(() => window.__marksAtPainted !== undefined, null, { timeout: MARK_TIMEOUT });
      await page.evaluate(() => document.querySelector('script[src$="claimlens.js"]').claimlens.ready);
      await settle(page);
      assert.ok((await page.evaluate(() => window.__marksAtPainted)) > 100, 'the highlights were on the page when it was destroyed');
      assert.equal(await articleHtml(page), before, 'destroy() restores the article exactly');
      assert.equal(await page.locator('claimlens-mark, claimlens-ui').count(), 0, 'nothing of ours is left, and no UI came');
      assertClean(log);
    } finally {
      await context.close();
    }
  });

  test('configuration block: bad keys warned by name, the rest applied', { timeout: TEST_TIMEOUT }, async () => {
    const { log, context } = await roundTrip('config.html', async (page, log) => {
      assert.equal(await page.locator('claimlens-mark[data-kind="statement"]').count(), 0, 'kinds: quantity only');
      assert.equal(await page.locator('claimlens-ui').getAttribute('data-theme'), 'dark');
      for (const key of ['colour', 'minConfidence']) {
        assert.ok(log.warnings.some((w) => w.includes(`"${key}"`)), `no warning names ${key}: ${log.warnings}`);
      }
    });
    try {
      assertClean(log);
      assertNoNetwork(log);
    } finally {
      await context.close();
    }
  });

  test('off switch: nothing is loaded', { timeout: TEST_TIMEOUT }, async () => {
    const { context, page, log } = await open('off.html');
    try {
      await settle(page, 1500);
      assert.equal(await page.locator('claimlens-mark').count(), 0);
      assert.ok(!log.requests.some((r) => r.url.pathname.endsWith('.wasm')), 'the wasm was not even loaded');
      assertClean(log);
    } finally {
      await context.close();
    }
  });

  for (const variant of ['xss.html', 'xss.html?nocsp']) {
    test(`XSS payloads in source names, quotes, configuration and ClaimReview (${variant}): 0 executions`, { timeout: TEST_TIMEOUT }, async () => {
      const { context, page, log } = await open(variant);
      try {
        const before = await pristine(page);
        await waitForMarks(page, log);
        // Open every claim's popover so that every string is rendered.
        const heads = page.locator('claimlens-mark[tabindex]');
        for (let i = 0; i < (await heads.count()); i++) {
          await heads.nth(i).click();
          await page.locator('claimlens-ui [role="dialog"]').waitFor({ state: 'visible' });
          await page.keyboard.press('Escape');
        }
        await page.evaluate(() => document.querySelector('script[src$="claimlens.js"]').claimlens.annotations());
        await settle(page, 500);
        const found = await page.evaluate(() => {
          const roots = [document, ...[...document.querySelectorAll('claimlens-ui')].map((u) => u.shadowRoot)];
          const bad = [];
          for (const r of roots) {
            for (const el of r.querySelectorAll('*')) {
              if (el.closest?.('article') && !el.matches('claimlens-mark')) continue; // the page's own
              for (const a of el.attributes) {
                if (/^on/i.test(a.name) || /^\s*javascript:/i.test(a.value)) bad.push(`${el.localName} ${a.name}=${a.value}`);
              }
              if (['script', 'iframe', 'img', 'svg'].includes(el.localName) && r !== document) bad.push(el.localName);
            }
          }
          return { xss: window.__xss, violations: window.__violations, bad };
        });
        assert.equal(found.xss, 0, 'trap() ran');
        assert.deepEqual(found.violations, [], 'CSP violations');
        assert.deepEqual(found.bad, [], 'live markup from payloads');
        await destroy(page);
        assert.equal(await articleHtml(page), before);
        assert.deepEqual(log.pageErrors, []);
      } finally {
        await context.close();
      }
    });
  }

  test('a panic while annotating leaves the article untouched: one console error, nothing thrown at the page', { timeout: TEST_TIMEOUT }, async () => {
    const { context, page, log } = await open('panic.html');
    try {
      const before = await pristine(page);
      await page.waitForFunction(() => true);
      await settle(page, 3000);
      assert.equal(await articleHtml(page), before);
      assert.equal(await page.locator('claimlens-mark, claimlens-ui').count(), 0);
      assert.equal(log.errors.length, 1, `one console error: ${log.errors}`);
      assert.match(log.errors[0], /claimlens/);
      assert.deepEqual(log.pageErrors, []);
      assert.equal(await page.evaluate(() => window.__hostErrors), 0, 'host error handlers saw nothing');
    } finally {
      await context.close();
    }
  });

  test('a panic while re-annotating a changed page restores the article', { timeout: TEST_TIMEOUT }, async () => {
    const { context, page, log } = await open('panic-refresh.html');
    try {
      await waitForMarks(page, log);
      // The page's lazy paragraph triggers a re-annotation, which panics.
      await settle(page, 3000);
      assert.equal(await page.locator('claimlens-mark, claimlens-ui').count(), 0);
      assert.equal(await articleHtml(page, '#story'), await page.evaluate(() => window.expected()));
      assert.equal(log.errors.length, 1, `one console error: ${log.errors}`);
      assert.deepEqual(log.pageErrors, []);
      assert.equal(await page.evaluate(() => window.__hostErrors), 0, 'host error handlers saw nothing');
      await destroy(page); // harmless afterwards
    } finally {
      await context.close();
    }
  });

  test('a panic in a callback the browser calls (the change watcher\'s timer) also stops the widget and restores the article', { timeout: TEST_TIMEOUT }, async () => {
    // The trap does not come back through the loader: it reaches the page as an uncaught error
    // (the page's own handlers see it, as any error), and the loader's error listener stops the
    // module and takes its highlights and UI off the page.
    const { context, page, log } = await open('panic-settled.html');
    try {
      await waitForMarks(page, log);
      // The page's lazy paragraph makes the watcher settle, and its callback panics.
      await settle(page, 3000);
      assert.equal(await page.locator('claimlens-mark, claimlens-ui').count(), 0);
      assert.equal(await articleHtml(page, '#story'), await page.evaluate(() => window.expected()));
      assert.equal(log.errors.filter((e) => e.startsWith('claimlens:')).length, 1, `one claimlens console error: ${log.errors}`);
      assert.equal(log.pageErrors.length, 1, `the trap, uncaught: ${log.pageErrors}`);
      assert.match(log.pageErrors[0], /RuntimeError/);
      await destroy(page); // harmless afterwards
    } finally {
      await context.close();
    }
  });

  test('an error in the loader\'s own code before the run (the tag without async): one console error, nothing thrown at the page', { timeout: TEST_TIMEOUT }, async () => {
    const { context, page, log } = await open('throwing-dom.html');
    try {
      const before = await pristine(page);
      await settle(page, 1500);
      assert.equal(await articleHtml(page), before);
      assert.equal(await page.locator('claimlens-mark, claimlens-ui').count(), 0);
      assert.equal(await page.evaluate(() => window.__hostErrors), 0, 'host error handlers saw nothing');
      assert.deepEqual(log.pageErrors, []);
      assert.equal(log.errors.length, 1, `one console error: ${log.errors}`);
      assert.match(log.errors[0], /^claimlens: the widget could not start/);
    } finally {
      await context.close();
    }
  });

  test('a wasm served as application/octet-stream is compiled from its bytes: highlights, a claim shows its source', { timeout: TEST_TIMEOUT }, async () => {
    // No streaming compilation for that type: the loader fetches the whole body and compiles it.
    let served = 0;
    const route = {
      match: '**/claimlens-widget_bg.wasm',
      handler: async (r) => {
        const response = await r.fetch();
        served += 1;
        await r.fulfill({ response, headers: { ...response.headers(), 'content-type': 'application/octet-stream' } });
      },
    };
    const { log, context } = await roundTrip('csp.html', async (page) => {
      await page.locator('claimlens-mark[tabindex]', { hasText: '132' }).first().click();
      const dialog = page.locator('claimlens-ui [role="dialog"]');
      await dialog.waitFor({ state: 'visible' });
      assert.match(await dialog.textContent(), /KNMI/, 'the claim\'s source');
    }, { route });
    try {
      assert.equal(served, 1, 'the wasm was fetched once, as application/octet-stream');
      assertClean(log);
      assertNoNetwork(log);
    } finally {
      await context.close();
    }
  });

  test('a failed wasm load leaves the article untouched with one console error', { timeout: TEST_TIMEOUT }, async () => {
    const { context, page, log } = await open('csp.html', {
      route: { match: '**/*.wasm', handler: (r) => r.fulfill({ status: 404, body: '' }) },
    });
    try {
      const before = await pristine(page);
      await settle(page, 2000);
      assert.equal(await articleHtml(page), before);
      assert.equal(await page.locator('claimlens-mark').count(), 0);
      // The highlight stylesheet, applied while the wasm was on its way, is taken off again.
      assert.equal(await page.evaluate(() => document.adoptedStyleSheets.length + document.querySelectorAll('link[data-claimlens]').length), 0, 'no stylesheet of ours is left');
      const ours = log.errors.filter((e) => e.startsWith('claimlens:'));
      assert.equal(ours.length, 1, `one console error of ours: ${log.errors}`);
      assert.deepEqual(log.pageErrors, []);
    } finally {
      await context.close();
    }
  });
});
